// Unmeasured flows before the measured ones: JIT, connection pools and Next's lazily loaded routes
// warm up, and each virtual user of the remembered path gets a browser that signed in with
// "remember me" and remembered its consent.
import { CookieJar } from "./cookies";
import { runCell, runFlow, type FlowPath } from "./flows";
import { flowTarget, type Provider } from "./providers";
import type { BenchStack } from "./stack";

/** Warms every provider on `paths`; returns what went wrong (the run goes on and reports it). */
export async function warmUp(options: {
  stack: BenchStack;
  providers: Provider[];
  paths: FlowPath[];
  /** Warm browsers per provider for the remembered path: the highest concurrency measured. */
  browsers: number;
  scope: string;
  smoke: boolean;
}): Promise<string[]> {
  const { stack, scope, smoke } = options;
  const warmErrors: string[] = [];
  const warm = new WeakSet<CookieJar>();
  for (const provider of options.providers) {
    for (const path of options.paths) {
      // Round robin spreads the warm-up over the instances: each gets as many flows as ours alone.
      const flows = (smoke ? 2 : 16) * provider.instances;
      const run = await runCell(flowTarget(stack, provider, path, scope), flows, smoke ? 1 : 4, () => new CookieJar(), path === "first" ? "first" : undefined);
      for (const f of run.flows) if (!f.ok) warmErrors.push(`${provider.id} warm-up ${path}: ${f.error}`);
    }
    if (!options.paths.includes("remembered")) continue;
    provider.jars = Array.from({ length: options.browsers }, () => new CookieJar());
    // Each warm browser signs in once (a second try if that failed), then proves it is remembered.
    const t = flowTarget(stack, provider, "remembered", scope);
    for (let attempt = 0; attempt < 2; attempt++) {
      const cold = provider.jars.filter((jar) => !warm.has(jar));
      if (cold.length === 0) break;
      await Promise.all(
        cold.map(async (jar) => {
          const signIn = await runFlow(t, jar);
          if (!signIn.ok) return;
          if ((await runFlow(t, jar, "remembered")).ok) warm.add(jar);
        }),
      );
    }
    const notWarm = provider.jars.filter((jar) => !warm.has(jar)).length;
    if (notWarm > 0) warmErrors.push(`${provider.id}: ${notWarm} of ${provider.jars.length} browsers could not be made remembered`);
  }
  return warmErrors;
}
