// The acceptance matrix (contract §C4) with opaque access tokens. Rows live in rows/*.ts;
// one file per strategy because the stack (a worker fixture) can only be chosen per file.
import { test } from "../harness/fixtures";
import { logoutRows } from "./rows/logout";
import { sessionAndTokenRows } from "./rows/sessions-and-tokens";
import { signInRows } from "./rows/sign-in";
import { staleChallengeRows } from "./rows/stale-challenges";

test.use({ stackOptions: { accessTokenStrategy: "opaque" } });

signInRows("opaque");
staleChallengeRows("opaque");
logoutRows("opaque");
sessionAndTokenRows("opaque");
