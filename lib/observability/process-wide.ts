/**
 * One value for the whole process. Next compiles instrumentation and the API
 * routes separately, and each gets its own copy of every module it imports
 * (two copies of this folder, of prom-client, of lib/hydra/client.ts). What
 * both sides must share (the logger, the metrics registry, the closers run on
 * shutdown) lives on globalThis under a registered symbol instead.
 */
export function processWide<T>(name: string, create: () => T): T {
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`hydra-provider.${name}`);
  return (slots[key] ??= create());
}
