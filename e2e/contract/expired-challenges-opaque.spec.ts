// Row J's expiry cases with opaque access tokens, on a stack with a short challenge lifetime.
import { test } from "../harness/fixtures";
import { expiredChallengeRows, shortTtl } from "./rows/stale-challenges";

test.use({ stackOptions: { accessTokenStrategy: "opaque", ttl: { loginConsentRequest: shortTtl } } });

expiredChallengeRows("opaque");
