// The acceptance matrix (docs/acceptance-matrix.md) with jwt access tokens. Rows live in rows/*.ts;
// one file per strategy because the stack (a worker fixture) can only be chosen per file.
import { test } from "../harness/fixtures";
import { hintAndAcrRows } from "./rows/hints-and-acr";
import { logoutRows } from "./rows/logout";
import { promptAndMaxAgeRows } from "./rows/prompt-and-max-age";
import { rejectionAndSubjectSwitchRows } from "./rows/rejection-and-subject-switch";
import { sessionAndTokenRows } from "./rows/sessions-and-tokens";
import { signInAndRememberRows } from "./rows/sign-in-remembered";
import { staleChallengeRows } from "./rows/stale-challenges";

test.use({ stackOptions: { accessTokenStrategy: "jwt" } });

signInAndRememberRows("jwt");
promptAndMaxAgeRows("jwt");
hintAndAcrRows("jwt");
rejectionAndSubjectSwitchRows("jwt");
staleChallengeRows("jwt");
logoutRows("jwt");
sessionAndTokenRows("jwt");
