import { describe, expect, it } from "vitest";
import { openStore } from "./db";
import { migrationProvider } from "./migrations";
import { dialects, freshPostgresUrl } from "./testing/stores";
import { authenticate, changePassword, createUser, endSessions, findUserByEmail, findUserById, listUsers, removeUser, setPassword, setRole, updateProfile } from "./users";

describe.each(dialects)("the account store on %s", (_, open) => {
  it("signs in with the right password only, case-insensitively by email", async () => {
    const { db } = await open();
    const created = await createUser({ email: "Foo@Bar.com", password: "foobar", name: "Foo" }, db);
    expect((await authenticate("foo@bar.com", "foobar", db))?.id).toBe(created.id);
    expect(await authenticate("foo@bar.com", "wrong", db)).toBeUndefined();
    expect(await authenticate("nobody@bar.com", "foobar", db)).toBeUndefined();
    await db.destroy();
  });

  it("re-hashes a password stored with older parameters on sign-in", async () => {
    const { db } = await open();
    await createUser({ email: "old@bar.com", password: "foobar" }, db);
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash("foobar", { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await db.updateTable("users").set({ password_hash: weak }).execute();

    expect(await authenticate("old@bar.com", "foobar", db)).toBeDefined();
    const row = await db.selectFrom("users").select("password_hash").executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await db.destroy();
  });

  it("lists, finds, changes the password of and removes accounts, and refuses a second account with one email", async () => {
    const { db } = await open();
    const user = await createUser({ email: "a@b.c", password: "first", emailVerified: true, locale: "de" }, db);
    await expect(createUser({ email: "A@B.C", password: "second" }, db)).rejects.toThrow();
    expect((await findUserById(user.id, db))?.emailVerified).toBe(true);
    expect((await findUserByEmail(" A@b.C ", db))?.id).toBe(user.id);
    expect((await listUsers(db)).map((u) => u.email)).toEqual(["a@b.c"]);
    expect(await setPassword("a@b.c", "second", db)).toBe(true);
    expect(await authenticate("a@b.c", "second", db)).toBeDefined();
    expect(await removeUser("a@b.c", db)).toBe(true);
    expect(await findUserById(user.id, db)).toBeUndefined();
    await db.destroy();
  });
});

describe.each(dialects)("the account page's changes on %s", (_, open) => {
  it("updates the profile fields and clears one set to null", async () => {
    const { db } = await open();
    const user = await createUser({ email: "p@b.c", password: "pw", name: "Old", givenName: "O" }, db);
    const updated = await updateProfile(user.id, { name: "New Name", givenName: null, familyName: "Name", locale: "de" }, db);
    expect(updated).toMatchObject({ name: "New Name", givenName: undefined, familyName: "Name", locale: "de" });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(user.updatedAt.getTime());
    await db.destroy();
  });

  it("changes the password only with the right current one", async () => {
    const { db } = await open();
    const user = await createUser({ email: "q@b.c", password: "first" }, db);
    expect(await changePassword(user.id, "wrong", "second", db)).toBe("wrong_password");
    expect(await changePassword(user.id, "first", "second", db)).toBe("changed");
    expect(await authenticate("q@b.c", "first", db)).toBeUndefined();
    expect(await authenticate("q@b.c", "second", db)).toBeDefined();
    expect(await changePassword("no-such-id", "second", "third", db)).toBe("wrong_password");
    await db.destroy();
  });

  it("records when the account's sessions were ended", async () => {
    const { db } = await open();
    const user = await createUser({ email: "e@b.c", password: "pw" }, db);
    expect(user.sessionsEndedAt).toBeUndefined();
    const at = new Date("2026-11-27T10:00:00.123Z");
    await endSessions(user.id, at, db);
    expect((await findUserById(user.id, db))?.sessionsEndedAt).toEqual(at);
    await db.destroy();
  });
});

describe("migrations on PostgreSQL", () => {
  it("run once when ten instances start at the same moment", async () => {
    const url = await freshPostgresUrl();
    const stores = await Promise.all(Array.from({ length: 10 }, () => openStore({ kind: "postgres", url, poolMax: 2, statementTimeoutMs: 10_000 })));
    const [first] = stores;
    const applied = await first!.db.selectFrom("kysely_migration" as never).selectAll().execute();
    expect(applied).toHaveLength(Object.keys(await migrationProvider.getMigrations()).length);
    await Promise.all(stores.map((s) => s.db.destroy()));
  });
});

describe.each(dialects)("roles on %s", (_, open) => {
  it("are granted and removed by email, and nothing else changes them", async () => {
    const { db } = await open();
    const user = await createUser({ email: "root@example.com", password: "a long password" }, db);
    expect(user.roles).toEqual([]);
    expect(await setRole("ROOT@example.com", "admin", true, db)).toBe(true);
    expect(await setRole("ROOT@example.com", "admin", true, db)).toBe(true);
    expect((await findUserById(user.id, db))?.roles).toEqual(["admin"]);
    await updateProfile(user.id, { name: "Root", givenName: null, familyName: null, locale: null }, db);
    expect((await findUserById(user.id, db))?.roles).toEqual(["admin"]);
    expect(await setRole("root@example.com", "admin", false, db)).toBe(true);
    expect((await findUserById(user.id, db))?.roles).toEqual([]);
    expect(await setRole("nobody@example.com", "admin", true, db)).toBe(false);
    await db.destroy();
  });
});
