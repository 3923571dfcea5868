import { describe, expect, it } from "vitest";
import { dialects } from "@/lib/identity/testing/stores";
import { createUser, removeUser } from "@/lib/identity/users";
import { passkeyByCredentialId, passkeysOf, recordPasskeyUse, removePasskey, renamePasskey, savePasskey, spendPasskeyChallenge } from "./passkey-store";

const now = new Date("2026-11-29T12:00:00Z");
const later = new Date("2026-11-29T12:05:00Z");
const passkey = { credentialId: "cred-1", publicKey: "pQECAyYgASFYIA", signCount: 3, transports: ["internal", "hybrid"], deviceType: "singleDevice" as const, backedUp: false, name: "Laptop" };

describe.each(dialects)("passkeys on %s", (_, open) => {
  it("are kept per account, listed with their state, and a credential is registered once", async () => {
    const { db } = await open();
    const user = await createUser({ email: "passkey@example.com", password: "a long password" }, db);
    const other = await createUser({ email: "other@example.com", password: "a long password" }, db);
    expect(await savePasskey(user.id, passkey, now, db)).toBe(true);
    expect(await savePasskey(other.id, { ...passkey, name: "Stolen" }, now, db)).toBe(false);
    expect(await savePasskey(user.id, { ...passkey, credentialId: "cred-2", deviceType: "multiDevice", backedUp: true, name: "Phone" }, later, db)).toBe(true);
    expect(await passkeysOf(user.id, db)).toEqual([
      { credentialId: "cred-1", name: "Laptop", deviceType: "singleDevice", backedUp: false, createdAt: now, lastUsedAt: undefined },
      { credentialId: "cred-2", name: "Phone", deviceType: "multiDevice", backedUp: true, createdAt: later, lastUsedAt: undefined },
    ]);
    expect(await passkeysOf(other.id, db)).toEqual([]);
    expect(await passkeyByCredentialId("cred-1", db)).toEqual({
      credentialId: "cred-1",
      userId: user.id,
      publicKey: passkey.publicKey,
      signCount: 3,
      transports: ["internal", "hybrid"],
      deviceType: "singleDevice",
    });
    expect(await passkeyByCredentialId("unknown", db)).toBeUndefined();
    await db.destroy();
  });

  it("move the signature counter forward only, once per value even when raced, and record the backup state and last use", async () => {
    const { db } = await open();
    const user = await createUser({ email: "counter@example.com", password: "a long password" }, db);
    await savePasskey(user.id, passkey, now, db);
    expect(await recordPasskeyUse("cred-1", { previousCount: 3, signCount: 3, backedUp: false }, later, db)).toBe(false);
    expect(await recordPasskeyUse("cred-1", { previousCount: 3, signCount: 2, backedUp: false }, later, db)).toBe(false);
    const raced = await Promise.all([
      recordPasskeyUse("cred-1", { previousCount: 3, signCount: 4, backedUp: true }, later, db),
      recordPasskeyUse("cred-1", { previousCount: 3, signCount: 5, backedUp: true }, later, db),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect((await passkeyByCredentialId("cred-1", db))?.signCount).toBeGreaterThan(3);
    expect((await passkeysOf(user.id, db))[0]).toMatchObject({ backedUp: true, lastUsedAt: later });
    // An authenticator without a counter reports 0 every time.
    await savePasskey(user.id, { ...passkey, credentialId: "no-counter", signCount: 0 }, now, db);
    expect(await recordPasskeyUse("no-counter", { previousCount: 0, signCount: 0, backedUp: false }, later, db)).toBe(true);
    expect(await recordPasskeyUse("no-counter", { previousCount: 0, signCount: 0, backedUp: false }, later, db)).toBe(true);
    await db.destroy();
  });

  it("are renamed and removed by their account only, and go with the account", async () => {
    const { db } = await open();
    const user = await createUser({ email: "rename@example.com", password: "a long password" }, db);
    const other = await createUser({ email: "intruder@example.com", password: "a long password" }, db);
    await savePasskey(user.id, passkey, now, db);
    expect(await renamePasskey(other.id, "cred-1", "Mine now", db)).toBe(false);
    expect(await renamePasskey(user.id, "cred-1", "Work laptop", db)).toBe(true);
    expect((await passkeysOf(user.id, db)).map((p) => p.name)).toEqual(["Work laptop"]);
    expect(await removePasskey(other.id, "cred-1", db)).toBe(false);
    expect(await removePasskey(user.id, "cred-1", db)).toBe(true);
    expect(await removePasskey(user.id, "cred-1", db)).toBe(false);
    expect(await passkeyByCredentialId("cred-1", db)).toBeUndefined();
    await savePasskey(user.id, passkey, now, db);
    await removeUser("rename@example.com", db);
    expect(await passkeyByCredentialId("cred-1", db)).toBeUndefined();
    await db.destroy();
  });

  it("spend a ceremony's challenge once, even when raced, and forget it once expired", async () => {
    const { db } = await open();
    expect(await spendPasskeyChallenge("challenge-a", later, now, db)).toBe(true);
    expect(await spendPasskeyChallenge("challenge-a", later, now, db)).toBe(false);
    const raced = await Promise.all([spendPasskeyChallenge("challenge-b", later, now, db), spendPasskeyChallenge("challenge-b", later, now, db)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    // Past its expiry the row goes; the challenge itself is refused as expired before it gets here.
    expect(await spendPasskeyChallenge("challenge-c", later, new Date(later.getTime() + 1), db)).toBe(true);
    const left = await db.selectFrom("spent_passkey_challenges").select("challenge").execute();
    expect(left.map((row) => row.challenge)).toEqual(["challenge-c"]);
    await db.destroy();
  });
});
