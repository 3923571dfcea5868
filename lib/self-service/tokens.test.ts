import { describe, expect, it } from "vitest";
import { dialects } from "@/lib/identity/testing/stores";
import { createUser } from "@/lib/identity/users";
import { findToken, hashToken, issueToken, linkState, maxCodeAttempts, spendCode, spendToken } from "./tokens";

const now = new Date("2026-11-28T12:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const key = "k".repeat(32);

describe("a link's state", () => {
  const row = { userId: "u", purpose: "verify_email" as const, expiresAt: later(60) };
  it("is valid until it expires or is used, and unknown for another purpose", () => {
    expect(linkState(row, "verify_email", now)).toBe("valid");
    expect(linkState(row, "verify_email", later(60))).toBe("expired");
    expect(linkState({ ...row, usedAt: now }, "verify_email", now)).toBe("used");
    expect(linkState(row, "reset_password", now)).toBe("unknown");
    expect(linkState(undefined, "verify_email", now)).toBe("unknown");
  });
});

describe.each(dialects)("e-mailed links on %s", (_, open) => {
  it("keep only the token's hash, and are spent once", async () => {
    const { db } = await open();
    const user = await createUser({ email: "link@example.com", password: "a long password" }, db);
    const { token } = await issueToken({ userId: user.id, purpose: "reset_password", loginChallenge: "ch", ttlSeconds: 60, now }, db);
    const rows = await db.selectFrom("email_tokens").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await findToken(token, db)).toMatchObject({ userId: user.id, loginChallenge: "ch" });
    expect(await spendToken(token, "verify_email", now, db)).toEqual({ state: "unknown" });
    expect((await spendToken(token, "reset_password", now, db)).state).toBe("valid");
    expect((await spendToken(token, "reset_password", now, db)).state).toBe("used");
    expect((await spendToken(`${token}x`, "reset_password", now, db)).state).toBe("unknown");
  });

  it("expire, and a newer link spends the older one", async () => {
    const { db } = await open();
    const user = await createUser({ email: "old@example.com", password: "a long password" }, db);
    const first = await issueToken({ userId: user.id, purpose: "reset_password", ttlSeconds: 60, now }, db);
    expect((await spendToken(first.token, "reset_password", later(61), db)).state).toBe("expired");
    const second = await issueToken({ userId: user.id, purpose: "reset_password", ttlSeconds: 60, now }, db);
    expect((await spendToken(first.token, "reset_password", now, db)).state).toBe("used");
    expect((await spendToken(second.token, "reset_password", now, db)).state).toBe("valid");
  });

  it("take a verification code once, and give up after too many wrong ones", async () => {
    const { db } = await open();
    const user = await createUser({ email: "code@example.com", password: "a long password" }, db);
    const issued = await issueToken({ userId: user.id, purpose: "verify_email", ttlSeconds: 60, now, codeKey: key }, db);
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const code = issued.code as string;
    expect((await spendCode(user.id, "WRONG123", key, now, db)).state).toBe("wrong");
    expect((await spendCode(user.id, ` ${code.toLowerCase()} `, key, now, db)).state).toBe("valid");
    expect((await spendCode(user.id, code, key, now, db)).state).toBe("none");
    expect((await spendToken(issued.token, "verify_email", now, db)).state).toBe("used");

    const again = await issueToken({ userId: user.id, purpose: "verify_email", ttlSeconds: 60, now, codeKey: key }, db);
    for (let i = 0; i < maxCodeAttempts; i += 1) expect((await spendCode(user.id, "WRONG123", key, now, db)).state).toBe("wrong");
    expect((await spendCode(user.id, again.code as string, key, now, db)).state).toBe("none");
  });
});
