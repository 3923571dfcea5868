import { describe, expect, it } from "vitest";
import { dialects } from "@/lib/identity/testing/stores";
import { authenticate, createUser, findUserByEmail, hasPassword, removeUser, setFirstPassword } from "@/lib/identity/users";
import { createLinkedAccount, linkAccount, linkedAccount, linksOf, recordUpstreamSignIn, removeLink } from "./store";

const at = new Date("2026-11-28T12:00:00Z");

describe.each(dialects)("upstream links on %s", (_, open) => {
  it("make an account without a password, linked to the upstream's subject", async () => {
    const { db } = await open();
    const id = await createLinkedAccount("corp", "sub-1", { email: "New@Example.com", emailVerified: true, name: "New" }, at, db);
    expect(id).toBeDefined();
    expect(await linkedAccount("corp", "sub-1", db)).toBe(id);
    expect(await linkedAccount("other", "sub-1", db)).toBeUndefined();
    const user = await findUserByEmail("new@example.com", db);
    expect(user).toMatchObject({ id, emailVerified: true, name: "New" });
    // No password signs in to it, not even the marker stored in its place.
    expect(await authenticate("new@example.com", "!no-password", db)).toBeUndefined();
    expect(await authenticate("new@example.com", "", db)).toBeUndefined();
    await db.destroy();
  });

  it("make nothing when the email is taken, and link an existing account once", async () => {
    const { db } = await open();
    const existing = await createUser({ email: "taken@example.com", password: "a long password" }, db);
    expect(await createLinkedAccount("corp", "sub-2", { email: "taken@example.com", emailVerified: true }, at, db)).toBeUndefined();
    expect(await linkedAccount("corp", "sub-2", db)).toBeUndefined();
    expect(await linkAccount("corp", "sub-2", existing.id, at, db)).toBe(true);
    expect(await linkAccount("corp", "sub-2", existing.id, at, db)).toBe(false);
    await recordUpstreamSignIn("corp", "sub-2", { acr: "urn:mace:incommon:iap:silver", amr: ["pwd", "mfa"] }, at, db);
    expect(await linksOf(existing.id, db)).toEqual([
      { provider: "corp", subject: "sub-2", createdAt: at, lastUsedAt: at, lastAcr: "urn:mace:incommon:iap:silver", lastAmr: ["pwd", "mfa"] },
    ]);
    // Links go with the account.
    await removeUser("taken@example.com", db);
    expect(await linkedAccount("corp", "sub-2", db)).toBeUndefined();
    await db.destroy();
  });
  it("give an account without a password its first one once, never replacing one", async () => {
    const { db } = await open();
    const id = (await createLinkedAccount("corp", "sub-3", { email: "first@example.com", emailVerified: true }, at, db))!;
    expect(await hasPassword(id, db)).toBe(false);
    expect(await setFirstPassword(id, "the first password", db)).toBe("set");
    expect(await hasPassword(id, db)).toBe(true);
    expect((await authenticate("first@example.com", "the first password", db))?.id).toBe(id);
    expect(await setFirstPassword(id, "a second first password", db)).toBe("has_password");
    expect(await authenticate("first@example.com", "a second first password", db)).toBeUndefined();
    const local = await createUser({ email: "local@example.com", password: "a long password" }, db);
    expect(await hasPassword(local.id, db)).toBe(true);
    expect(await setFirstPassword(local.id, "taken over", db)).toBe("has_password");
    expect(await hasPassword("no-such-account", db)).toBe(false);
    await db.destroy();
  });

  it("remove a link of its own account only", async () => {
    const { db } = await open();
    const id = (await createLinkedAccount("corp", "sub-4", { email: "links@example.com", emailVerified: true }, at, db))!;
    const other = await createUser({ email: "other@example.com", password: "a long password" }, db);
    expect(await removeLink(other.id, "corp", "sub-4", db)).toBe(false);
    expect(await linkedAccount("corp", "sub-4", db)).toBe(id);
    expect(await removeLink(id, "corp", "sub-4", db)).toBe(true);
    expect(await removeLink(id, "corp", "sub-4", db)).toBe(false);
    expect(await linksOf(id, db)).toEqual([]);
    await db.destroy();
  });
});
