import { describe, expect, it } from "vitest";
import { dialects } from "@/lib/identity/testing/stores";
import { createUser, removeUser } from "@/lib/identity/users";
import {
  factorSummary,
  hasSecondFactor,
  recordSessionLevel,
  removeAllFactors,
  removeTotp,
  replaceRecoveryCodes,
  resealTotp,
  saveTotp,
  sessionLevel,
  spendRecoveryCode,
  spendTotpStep,
  totpOf,
  unusedRecoveryCodes,
} from "./store";

const now = new Date("2026-11-28T12:00:00Z");

describe.each(dialects)("second factors on %s", (_, open) => {
  it("keep an unconfirmed seed until a first step is spent, and spend each step once, even when raced", async () => {
    const { db } = await open();
    const user = await createUser({ email: "totp@example.com", password: "a long password" }, db);
    await saveTotp(user.id, "sealed-seed", now, db);
    expect(await totpOf(user.id, db)).toEqual({ sealed: "sealed-seed", lastStep: undefined, confirmed: false });
    expect(await spendTotpStep(user.id, 100, now, db)).toBe(true);
    expect(await totpOf(user.id, db)).toEqual({ sealed: "sealed-seed", lastStep: 100, confirmed: true });
    expect(await spendTotpStep(user.id, 100, now, db)).toBe(false);
    expect(await spendTotpStep(user.id, 99, now, db)).toBe(false);
    const raced = await Promise.all([spendTotpStep(user.id, 101, now, db), spendTotpStep(user.id, 101, now, db)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    await resealTotp(user.id, "sealed-again", db);
    expect(await totpOf(user.id, db)).toEqual({ sealed: "sealed-again", lastStep: 101, confirmed: true });
    await removeTotp(user.id, db);
    expect(await totpOf(user.id, db)).toBeUndefined();
    await db.destroy();
  });

  it("spend a recovery code once, replace the whole set, and go with the account", async () => {
    const { db } = await open();
    const user = await createUser({ email: "codes@example.com", password: "a long password" }, db);
    await replaceRecoveryCodes(user.id, ["h1", "h2", "h3"], now, db);
    expect(await spendRecoveryCode(user.id, "h2", now, db)).toBe(true);
    expect(await spendRecoveryCode(user.id, "h2", now, db)).toBe(false);
    expect((await unusedRecoveryCodes(user.id, db)).sort()).toEqual(["h1", "h3"]);
    await replaceRecoveryCodes(user.id, ["h4"], now, db);
    expect(await unusedRecoveryCodes(user.id, db)).toEqual(["h4"]);
    await saveTotp(user.id, "sealed", now, db);
    await removeUser("codes@example.com", db);
    expect(await unusedRecoveryCodes(user.id, db)).toEqual([]);
    expect(await totpOf(user.id, db)).toBeUndefined();
    await db.destroy();
  });

  it("sum up an account's factors for an operator, and reset them all", async () => {
    const { db } = await open();
    const user = await createUser({ email: "reset@example.com", password: "a long password" }, db);
    expect(await factorSummary(user.id, db)).toEqual({ app: "none", recoveryCodesLeft: 0, passkeys: [] });
    await saveTotp(user.id, "sealed", now, db);
    expect((await factorSummary(user.id, db)).app).toBe("pending");
    expect(await hasSecondFactor(user.id, db)).toBe(false);
    await spendTotpStep(user.id, 1, now, db);
    await replaceRecoveryCodes(user.id, ["h1", "h2"], now, db);
    await db
      .insertInto("passkeys")
      .values({ credential_id: "c1", user_id: user.id, public_key: "k", sign_count: 0, transports: "", device_type: "singleDevice", backed_up: 0, name: "Laptop", created_at: now.toISOString(), last_used_at: null })
      .execute();
    expect(await hasSecondFactor(user.id, db)).toBe(true);
    expect(await factorSummary(user.id, db)).toEqual({
      app: "set_up",
      recoveryCodesLeft: 2,
      passkeys: [{ name: "Laptop", createdAt: now.toISOString(), lastUsedAt: null }],
    });
    await removeAllFactors(user.id, db);
    expect(await factorSummary(user.id, db)).toEqual({ app: "none", recoveryCodesLeft: 0, passkeys: [] });
    await db.destroy();
  });

  it("remember what a login session proved until it expires", async () => {
    const { db } = await open();
    await recordSessionLevel("sid-0", { acr: "2", amr: ["hwk", "user"] }, now, new Date(now.getTime() + 1_000), db);
    await recordSessionLevel("sid-1", { acr: "1", amr: ["pwd"] }, now, new Date(now.getTime() + 60_000), db);
    await recordSessionLevel("sid-1", { acr: "2", amr: ["pwd", "otp", "mfa"] }, now, new Date(now.getTime() + 60_000), db);
    expect(await sessionLevel("sid-0", now, db)).toEqual({ acr: "2", amr: ["hwk", "user"] });
    // A later record sweeps the rows that expired by then.
    await recordSessionLevel("sid-2", { acr: "2", amr: ["pwd", "mfa"] }, new Date(now.getTime() + 2_000), new Date(now.getTime() + 60_000), db);
    expect(await db.selectFrom("login_session_levels").select("sid").where("sid", "=", "sid-0").execute()).toEqual([]);
    expect(await sessionLevel("sid-1", now, db)).toEqual({ acr: "2", amr: ["pwd", "otp", "mfa"] });
    expect(await sessionLevel("sid-1", new Date(now.getTime() + 60_000), db)).toBeUndefined();
    expect(await sessionLevel("unknown", now, db)).toBeUndefined();
    await db.destroy();
  });
});
