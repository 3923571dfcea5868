import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { type Closer, type ShutdownState, stopOnSignals } from "./shutdown";
import { capturedLog } from "./testing/captured-log";

/** A stand-in for `process`: signals are emitted by the test, exit() is recorded. */
class FakeProcess extends EventEmitter {
  readonly events: string[] = [];
  exit = (code?: number) => {
    this.events.push(`exit ${code}`);
  };
}

/** What `next start` registers before us: close the server, then process.exit(143) once its connections are gone. */
function withNextHandler(target: FakeProcess, drainMs: number | "never"): FakeProcess {
  target.on("SIGTERM", () => {
    target.events.push("next closes its server");
    if (drainMs !== "never") setTimeout(() => target.exit(143), drainMs);
  });
  return target;
}

function setUp(target: FakeProcess, closers: Closer[], options: { graceMs?: number; closeMs?: number } = {}) {
  const state: ShutdownState = { installed: false, shuttingDown: false };
  const log = capturedLog();
  stopOnSignals({ graceMs: options.graceMs ?? 2000, closeMs: options.closeMs ?? 2000, target, logger: log.logger }, state, closers);
  const exited = () => new Promise<void>((resolve) => {
    const check = () => (target.events.some((event) => event.startsWith("exit")) ? resolve() : setTimeout(check, 5));
    check();
  });
  return { state, log, exited };
}

const closer = (target: FakeProcess, name: string, close: () => unknown = () => undefined): Closer => ({
  name,
  close: async () => {
    target.events.push(`close ${name}`);
    await close();
  },
});

describe("stopping on SIGTERM", () => {
  it("lets Next drain its server, then closes every resource and exits 0 instead of Next's 143", async () => {
    const target = withNextHandler(new FakeProcess(), 30);
    const { state, log, exited } = setUp(target, [closer(target, "hydra pool"), closer(target, "database")]);
    target.emit("SIGTERM", "SIGTERM");
    expect(state.shuttingDown).toBe(true);
    await exited();
    expect(target.events).toEqual(["next closes its server", "close hydra pool", "close database", "exit 0"]);
    expect(log.entries().map((entry) => entry.msg)).toEqual(["stopping: no new connections, waiting for requests in flight", "shut down"]);
    expect(log.entries()[1]).toMatchObject({ reason: "drained" });
  });

  it("closes anyway once the grace period is over", async () => {
    const target = withNextHandler(new FakeProcess(), "never");
    const { log, exited } = setUp(target, [closer(target, "database")], { graceMs: 40 });
    target.emit("SIGTERM", "SIGTERM");
    await exited();
    expect(target.events).toEqual(["next closes its server", "close database", "exit 0"]);
    expect(log.entries()).toContainEqual(expect.objectContaining({ level: "warn", graceMs: 40 }));
    expect(log.entries().at(-1)).toMatchObject({ reason: "deadline" });
  });

  it("logs a resource that fails to close and still exits 0", async () => {
    const target = withNextHandler(new FakeProcess(), 1);
    const { log, exited } = setUp(target, [
      closer(target, "database", () => Promise.reject(new Error("already closed"))),
      closer(target, "metrics server"),
    ]);
    target.emit("SIGTERM", "SIGTERM");
    await exited();
    expect(target.events.at(-1)).toBe("exit 0");
    expect(log.entries()).toContainEqual(expect.objectContaining({ level: "warn", closer: "database" }));
  });

  it("exits 1 when a resource does not close in time", async () => {
    const target = withNextHandler(new FakeProcess(), 1);
    const { exited } = setUp(target, [closer(target, "database", () => new Promise(() => undefined))], { closeMs: 30 });
    target.emit("SIGTERM", "SIGTERM");
    await exited();
    expect(target.events).toEqual(["next closes its server", "close database", "exit 1"]);
  });

  it("ignores a second signal while stopping", async () => {
    const target = withNextHandler(new FakeProcess(), 20);
    const { exited } = setUp(target, [closer(target, "database")]);
    target.emit("SIGTERM", "SIGTERM");
    target.emit("SIGINT", "SIGINT");
    await exited();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(target.events.filter((event) => event.startsWith("close"))).toEqual(["close database"]);
    expect(target.events.filter((event) => event.startsWith("exit"))).toEqual(["exit 0"]);
  });

  it("closes at once when nothing else handles the signal (no server of Next's is draining)", async () => {
    const target = new FakeProcess();
    const { exited } = setUp(target, [closer(target, "database")], { graceMs: 10_000 });
    target.emit("SIGINT", "SIGINT");
    await exited();
    expect(target.events).toEqual(["close database", "exit 0"]);
  });
});
