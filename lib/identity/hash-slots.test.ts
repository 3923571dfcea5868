import { describe, expect, it } from "vitest";
import { Slots } from "./hash-slots";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("Slots", () => {
  it("runs at most its number of tasks at once, the rest in arrival order", async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        slots.run(async () => {
          running++;
          most = Math.max(most, running);
          await tick();
          order.push(n);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it("frees its slot when a task fails", async () => {
    const slots = new Slots(1);
    await expect(slots.run(async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await slots.run(async () => "next")).toBe("next");
  });
});
