import type { LinkState } from "@/lib/self-service/tokens";

/** Every self-service page's view; one screen renders them (components/screens/self-service-screens.tsx). */
export type SelfServiceView =
  | { screen: "register"; challenge: string; csrf: string; email: string; name: string; error?: "tooShort" | "tooCommon" | "invalidEmail" | "invalidName" }
  | { screen: "forgot"; challenge: string; csrf: string; email: string; error?: "invalidEmail" }
  | {
      screen: "checkEmail";
      /** Why the code form is shown: after a sign-up, after a sign-in of an unverified account, after a new code was asked for. */
      reason: "registered" | "unverified" | "resent";
      challenge: string;
      csrf: string;
      wrongCode: boolean;
      /** "Send a new code": offered when this browser knows the address; `waitMinutes` when the address had too many e-mails. */
      resend: { offered: boolean; waitMinutes?: number };
    }
  | { screen: "resetSent" }
  | { screen: "verifyLink"; token: string; csrf: string }
  | { screen: "verified" }
  | { screen: "reset"; token: string; csrf: string; error?: "tooShort" | "tooCommon" }
  | { screen: "resetDone"; continueWith?: { challenge: string; csrf: string } }
  | { screen: "link"; state: Exclude<LinkState, "valid"> };
