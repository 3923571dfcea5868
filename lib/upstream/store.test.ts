import { describe, expect, it } from "vitest";
import { dialects } from "@/lib/identity/testing/stores";
import { authenticate, createUser, findUserByEmail, removeUser } from "@/lib/identity/users";
import { createLinkedAccount, linkAccount, linkedAccount, linksOf, recordUpstreamSignIn } from "./store";

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
});
