import { createHash } from "node:crypto";

/** A login challenge's hash, for cookies: challenges are 1–2 KB. */
export const challengeHash = (challenge: string) => createHash("sha256").update(challenge).digest("base64url");
