import { describe, expect, it } from "vitest";
import { openDatabase } from "./db";
import { authenticate, createUser } from "./users";

describe("authenticate", () => {
  it("signs in with the right password only, case-insensitively by email", async () => {
    const database = await openDatabase(":memory:");
    const created = await createUser({ email: "Foo@Bar.com", password: "foobar", name: "Foo" }, database);
    expect((await authenticate("foo@bar.com", "foobar", database))?.id).toBe(created.id);
    expect(await authenticate("foo@bar.com", "wrong", database)).toBeUndefined();
    expect(await authenticate("nobody@bar.com", "foobar", database)).toBeUndefined();
    await database.destroy();
  });

  it("re-hashes a password stored with older parameters on sign-in", async () => {
    const database = await openDatabase(":memory:");
    await createUser({ email: "old@bar.com", password: "foobar" }, database);
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash("foobar", { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await database.updateTable("users").set({ password_hash: weak }).execute();

    expect(await authenticate("old@bar.com", "foobar", database)).toBeDefined();
    const row = await database.selectFrom("users").select("password_hash").executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await database.destroy();
  });
});
