// Row J's expiry cases with jwt access tokens, on a stack with a short challenge lifetime.
import { test } from "../harness/fixtures";
import { expiredChallengeRows, shortTtl } from "./rows/stale-challenges";

test.use({ stackOptions: { accessTokenStrategy: "jwt", ttl: { loginConsentRequest: shortTtl } } });

expiredChallengeRows("jwt");
