import type { LinkState } from "@/lib/self-service/tokens";

/** Every self-service page's view; one screen renders them (components/screens/self-service-screens.tsx). */
export type SelfServiceView =
  | { screen: "register"; challenge: string; csrf: string; email: string; name: string; error?: "tooShort" | "tooCommon" | "invalidEmail" | "invalidName" }
  | { screen: "forgot"; challenge: string; csrf: string; email: string; error?: "invalidEmail" }
  | { screen: "checkEmail"; reason: "registered" | "unverified"; challenge: string; csrf: string; wrongCode: boolean }
  | { screen: "resetSent" }
  | { screen: "verifyLink"; token: string; csrf: string }
  | { screen: "verified" }
  | { screen: "reset"; token: string; csrf: string; error?: "tooShort" | "tooCommon" }
  | { screen: "resetDone"; continueWith?: { challenge: string; csrf: string } }
  | { screen: "link"; state: Exclude<LinkState, "valid"> };
