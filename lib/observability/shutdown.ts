import { type Logger, log } from "./log";
import { processWide } from "./process-wide";

export type Closer = { name: string; close: () => unknown };
export type ShutdownState = { installed: boolean; shuttingDown: boolean };

const closers = processWide("closers", () => [] as Closer[]);
const state = processWide("shutdown", (): ShutdownState => ({ installed: false, shuttingDown: false }));

/**
 * A resource to close when the process stops (the Hydra pool, the database,
 * the metrics server). Each registers where it is made: the API routes and
 * instrumentation hold separate copies of the modules that own them.
 */
export function onShutdown(name: string, close: () => unknown): void {
  closers.push({ name, close });
}

/** True once a stop signal arrived: answers then ask the client to close its connection. */
export function shuttingDown(): boolean {
  return state.shuttingDown;
}

/** The part of `process` the handler uses, so a test can stand in for it. */
export type SignalTarget = {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  listenerCount(signal: NodeJS.Signals): number;
  exit: (code?: number) => unknown;
};

export type ShutdownOptions = {
  /** Longest wait for requests in flight before closing anyway. */
  graceMs: number;
  /** Longest wait for the closers once the requests are done. */
  closeMs: number;
  target?: SignalTarget;
  logger?: Logger;
};

/**
 * Graceful stop on SIGTERM and SIGINT, alongside `next start`'s own handler
 * (next/dist/server/lib/start-server.js), which is registered first: on the
 * signal it calls server.close() (no new connections; requests in flight run
 * to their end, idle keep-alive sockets are dropped), waits until the last
 * connection has gone, closes its own server, then calls process.exit(143),
 * or 130 for SIGINT, with no time limit. That exit call is the moment every
 * request has been answered, so once the signal arrives process.exit is
 * replaced: the call closes our resources, flushes the log and exits 0
 * instead. If the connections have not gone within `graceMs`, the same
 * happens anyway. Next's own steps are left as they are.
 */
export function handleShutdownSignals(options: ShutdownOptions): void {
  stopOnSignals(options, state, closers);
}

/** handleShutdownSignals with its state and closers passed in (tests). */
export function stopOnSignals(options: ShutdownOptions, state: ShutdownState, closers: readonly Closer[]): void {
  if (state.installed) return;
  state.installed = true;
  const target = options.target ?? process;
  const logger = options.logger ?? log();
  const begin = (signal: NodeJS.Signals) => {
    if (state.shuttingDown) return;
    state.shuttingDown = true;
    const started = performance.now();
    const exit = target.exit.bind(target);
    let finishing = false;
    const finish = async (reason: "drained" | "deadline") => {
      if (finishing) return;
      finishing = true;
      clearTimeout(deadline);
      if (reason === "deadline") logger.warn({ graceMs: options.graceMs }, "requests still in flight after the grace period: closing anyway");
      const stuck = setTimeout(() => exit(1), options.closeMs);
      await Promise.all(closers.map((closer) => closeOne(closer, logger)));
      clearTimeout(stuck);
      logger.info({ reason, ms: Math.round(performance.now() - started) }, "shut down");
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
      exit(0);
    };
    const deadline = setTimeout(() => void finish("deadline"), options.graceMs);
    // Next's handler runs before this one; without it (a custom server) nothing is draining, so nothing is waited for.
    const nextIsDraining = target.listenerCount(signal) > 1;
    logger.info({ signal, graceMs: options.graceMs, nextIsDraining }, "stopping: no new connections, waiting for requests in flight");
    target.exit = () => void finish("drained");
    if (!nextIsDraining) void finish("drained");
  };
  target.on("SIGTERM", begin);
  target.on("SIGINT", begin);
}

async function closeOne(closer: Closer, logger: Logger): Promise<void> {
  try {
    await closer.close();
  } catch (error) {
    logger.warn({ err: error, closer: closer.name }, "could not close cleanly");
  }
}
