import { availableParallelism } from "node:os";

/**
 * At most `slots` tasks at a time; the others wait in arrival order. Used for
 * password hashing: each argon2id run holds 19 MiB and a whole core, so more
 * runs at once than cores only add memory and jitter, never throughput, and a
 * burst of sign-ins must not be able to grow memory without bound.
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly slots: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

export const hashSlots = new Slots(Math.max(1, availableParallelism()));
