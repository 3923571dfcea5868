import { describe, expect, it } from "vitest";
import { dialects } from "@/lib/identity/testing/stores";
import { allChanges, latestChangeTo, listChanges, recordChange } from "./store";

const change = (n: number) => ({
  actor: { subject: "admin-1", email: "admin@example.com" },
  action: "client.update",
  target: { type: "client", id: `client-${n}` },
  summary: { changed: { client_name: { before: "a", after: `b${n}` } } },
  requestId: `req-${n}`,
});

describe.each(dialects)("the audit log on %s", (_, open) => {
  it("records changes in order, lists the newest first page by page, and exports them all oldest first", async () => {
    const { db } = await open();
    for (let n = 1; n <= 5; n++) await recordChange(change(n), db);
    const newest = await listChanges({ limit: 2 }, db);
    expect(newest.map((e) => e.target.id)).toEqual(["client-5", "client-4"]);
    expect(newest[0]).toMatchObject({ actor: { subject: "admin-1", email: "admin@example.com" }, action: "client.update", requestId: "req-5" });
    expect(newest[0]!.summary).toEqual({ changed: { client_name: { before: "a", after: "b5" } } });
    const older = await listChanges({ limit: 2, beforeSeq: newest.at(-1)!.seq }, db);
    expect(older.map((e) => e.target.id)).toEqual(["client-3", "client-2"]);

    const exported: string[] = [];
    for await (const entry of allChanges(2, db)) exported.push(entry.target.id);
    expect(exported).toEqual(["client-1", "client-2", "client-3", "client-4", "client-5"]);
    await db.destroy();
  });

  it("finds the newest entry of one action on one target", async () => {
    const { db } = await open();
    await recordChange({ ...change(1), action: "issuer.trust", target: { type: "issuer", id: "g-1" }, summary: ["first"] }, db);
    await recordChange({ ...change(2), action: "issuer.trust", target: { type: "issuer", id: "g-1" }, summary: ["second"] }, db);
    await recordChange({ ...change(3), action: "issuer.delete", target: { type: "issuer", id: "g-1" } }, db);
    await recordChange({ ...change(4), action: "issuer.trust", target: { type: "client", id: "g-1" } }, db);
    expect((await latestChangeTo({ type: "issuer", id: "g-1" }, "issuer.trust", db))?.summary).toEqual(["second"]);
    expect(await latestChangeTo({ type: "issuer", id: "g-2" }, "issuer.trust", db)).toBeUndefined();
    await db.destroy();
  });

  it("gives writers at the same moment distinct, increasing numbers", async () => {
    const { db } = await open();
    const entries = await Promise.all([1, 2, 3, 4].map((n) => recordChange(change(n), db)));
    expect(new Set(entries.map((e) => e.seq)).size).toBe(4);
    await db.destroy();
  });
});
