import { describe, expect, it } from "vitest";
import { openDatabase } from "./db";
import { DatabaseFailureStore } from "./failure-store";

describe("DatabaseFailureStore", () => {
  it("stores, updates and forgets failure records", async () => {
    const database = await openDatabase(":memory:");
    const store = new DatabaseFailureStore(async () => database);
    expect(await store.get("account:a")).toBeUndefined();
    await store.put("account:a", { count: 1, lastAt: 10 });
    await store.put("account:a", { count: 2, lastAt: 20 });
    expect(await store.get("account:a")).toEqual({ count: 2, lastAt: 20 });
    await store.remove("account:a");
    expect(await store.get("account:a")).toBeUndefined();
    await database.destroy();
  });
});
