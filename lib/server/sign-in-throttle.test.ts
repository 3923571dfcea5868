import { describe, expect, it } from "vitest";
import { openStore } from "@/lib/identity/db";
import { dialects, freshPostgresUrl } from "@/lib/identity/testing/stores";
import { signInThrottle } from "./sign-in-throttle";

const stores: [string, () => Promise<Parameters<typeof signInThrottle>[0]>][] = [["memory", async () => "memory"], ...dialects];

async function failTimes(throttle: ReturnType<typeof signInThrottle>, email: string, address: string, times: number) {
  for (let i = 0; i < times; i++) await throttle.recordFailure(email, address);
}

describe.each(stores)("sign-in throttle in %s", (_, open) => {
  it("lets four failures pass, makes the fifth wait two seconds, and forgets the account on success", async () => {
    const throttle = signInThrottle(await open());
    await failTimes(throttle, "a@b.c", "10.0.0.1", 4);
    expect(await throttle.retryAfter("a@b.c", "10.0.0.1")).toBe(0);
    await throttle.recordFailure("A@B.C", "10.0.0.1");
    const wait = await throttle.retryAfter("a@b.c", "10.0.0.2");
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(2);
    await throttle.recordFailure("a@b.c", "10.0.0.1");
    expect(await throttle.retryAfter("a@b.c", "10.0.0.3")).toBeGreaterThan(2);
    await throttle.clear("a@b.c", "10.0.0.1");
    expect(await throttle.retryAfter("a@b.c", "10.0.0.3")).toBe(0);
  });

  it("counts one address across accounts, up to twenty", async () => {
    const throttle = signInThrottle(await open());
    for (let i = 0; i < 19; i++) await throttle.recordFailure(`user${i}@b.c`, "10.0.0.9");
    expect(await throttle.retryAfter("other@b.c", "10.0.0.9")).toBe(0);
    await throttle.recordFailure("user19@b.c", "10.0.0.9");
    expect(await throttle.retryAfter("other@b.c", "10.0.0.9")).toBeGreaterThan(0);
    expect(await throttle.retryAfter("other@b.c", "10.0.0.10")).toBe(0);
  });
});

describe("sign-in throttle on one PostgreSQL shared by several instances", () => {
  it("counts failures spread over three instances together", async () => {
    const url = await freshPostgresUrl();
    const instances = await Promise.all([1, 2, 3].map(() => openStore({ kind: "postgres", url, poolMax: 2, statementTimeoutMs: 5000 })));
    const throttles = instances.map((instance) => signInThrottle(instance));
    for (let i = 0; i < 5; i++) await throttles[i % 3]!.recordFailure("shared@b.c", `10.1.0.${i}`);
    for (const throttle of throttles) expect(await throttle.retryAfter("shared@b.c", "10.1.0.99")).toBeGreaterThan(0);
    await Promise.all(instances.map((instance) => instance.db.destroy()));
  });

  it("counts parallel failures exactly: the increment is atomic", async () => {
    const url = await freshPostgresUrl();
    const instance = await openStore({ kind: "postgres", url, poolMax: 10, statementTimeoutMs: 5000 });
    const throttle = signInThrottle(instance);
    await Promise.all(Array.from({ length: 5 }, (_, i) => throttle.recordFailure("parallel@b.c", `10.2.0.${i}`)));
    expect(await throttle.retryAfter("parallel@b.c", "10.2.0.99")).toBeGreaterThan(0);
    await instance.db.destroy();
  });
});
