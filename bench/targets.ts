// The targets of BENCHMARKS.md, checked against one run. Goals to report against, not assertions:
// a run that misses them still succeeds. A target the run did not measure (no reference cells,
// no c=8 or c=32, no soak) is left out.
import { concurrenciesOf, findCell, fmt, kb, ratio } from "./report-format";
import type { BenchResult, PageName } from "./types";

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export const TARGETS = {
  firstFlowsOursOverReference: 0.9,
  rememberedFlowsOursOverNull: 0.95,
  firstHopP99AddedMsAtC8: 40,
  loginDocumentGzipBytes: 6 * 1024,
  peakRssMBAtC32: 160,
  soakGrowthPercent: 10,
  nextStartMs: 600,
} as const;

const perConcurrency = <T>(values: { c: number; value: T }[], show: (value: T) => string) =>
  values.map((x) => `${show(x.value)} (c=${x.c})`).join(", ");

function comparisonChecks(result: BenchResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const concurrencies = concurrenciesOf(result);
  const verifyMs = result.passwordHash.verifyMsMedian;
  const measured = (path: string, other: string) =>
    concurrencies.filter((c) => findCell(result, path, c, "ours") && findCell(result, path, c, other));

  const withReference = measured("first", "reference");
  if (withReference.length > 0) {
    const noHash = withReference.map((c) => ({
      c,
      value: {
        ours: findCell(result, "first", c, "ours")!.providerTimePerFlow.p50 - verifyMs,
        reference: findCell(result, "first", c, "reference")!.providerTimePerFlow.p50,
      },
    }));
    checks.push({
      target: "first sign-in: provider time per flow p50, less one argon2id verification, ≤ reference at every concurrency",
      measured: `less ${fmt(verifyMs)} ms: ${perConcurrency(noHash, (v) => `${fmt(v.ours)} vs ${fmt(v.reference)} ms`)}`,
      met: noHash.every((x) => x.value.ours <= x.value.reference),
    });
    const flows = withReference.map((c) => ({
      c,
      value: ratio(findCell(result, "first", c, "ours")!.flowsPerSecond, findCell(result, "first", c, "reference")!.flowsPerSecond),
    }));
    checks.push({
      target: `first sign-in: flows/s ours ÷ reference ≥ ${TARGETS.firstFlowsOursOverReference} at every concurrency`,
      measured: perConcurrency(flows, (v) => fmt(v, 2)),
      met: flows.every((x) => x.value >= TARGETS.firstFlowsOursOverReference),
    });
  }

  const rememberedWithNull = measured("remembered", "null");
  if (rememberedWithNull.length > 0) {
    const flows = rememberedWithNull.map((c) => ({
      c,
      value: ratio(findCell(result, "remembered", c, "ours")!.flowsPerSecond, findCell(result, "remembered", c, "null")!.flowsPerSecond),
    }));
    checks.push({
      target: `remembered: flows/s ours ÷ null ≥ ${TARGETS.rememberedFlowsOursOverNull} at every concurrency`,
      measured: perConcurrency(flows, (v) => fmt(v, 2)),
      met: flows.every((x) => x.value >= TARGETS.rememberedFlowsOursOverNull),
    });
  }

  if (measured("first", "null").includes(8)) {
    const ours = findCell(result, "first", 8, "ours")!.hop.p99;
    const nil = findCell(result, "first", 8, "null")!.hop.p99;
    const added = ours - verifyMs - nil;
    checks.push({
      target: `first sign-in: hop p99 at c=8, ours − null ≤ ${TARGETS.firstHopP99AddedMsAtC8} ms (hash excluded)`,
      measured: `${fmt(ours)} − ${fmt(verifyMs)} (verify) − ${fmt(nil)} (null) = ${fmt(added)} ms`,
      met: added <= TARGETS.firstHopP99AddedMsAtC8,
    });
  }
  return checks;
}

function pageChecks(result: BenchResult): TargetCheck[] {
  const pages: PageName[] = ["login", "consent"];
  const clientJs = pages.map((page) => {
    const js = result.firstLoadJs[page];
    const weight = result.pageWeight[page];
    return {
      page,
      bytes: js.rawBytes + weight.inlineScriptBytes,
      scripts: weight.scriptElements.src + weight.scriptElements.inline,
      text: `${page} ${kb(js.gzipBytes)} gzip in ${weight.scriptElements.src} src + ${kb(weight.inlineScriptGzipBytes)} gzip in ${weight.scriptElements.inline} inline`,
    };
  });
  const login = result.pageWeight.login.documentGzipBytes;
  return [
    {
      target: "client JS on login and consent: 0 bytes, 0 scripts",
      measured: clientJs.map((x) => x.text).join("; "),
      met: clientJs.every((x) => x.bytes === 0 && x.scripts === 0),
    },
    {
      target: `login page document ≤ ${TARGETS.loginDocumentGzipBytes / 1024} KB gzip in all`,
      measured: `${kb(login)} (${login} B)`,
      met: login <= TARGETS.loginDocumentGzipBytes,
    },
  ];
}

function memoryChecks(result: BenchResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const atC32 = result.cells.filter((c) => c.provider === "ours" && c.concurrency === 32);
  if (atC32.length > 0) {
    const peak = Math.max(...atC32.map((c) => c.peakRssMB));
    checks.push({
      target: `peak RSS of ours ≤ ${TARGETS.peakRssMBAtC32} MB under c=32`,
      measured: `${fmt(peak, 0)} MB (whole process tree)`,
      met: peak <= TARGETS.peakRssMBAtC32,
    });
  }
  if (result.soak) {
    checks.push({
      target: `RSS growth over a 3-run soak ≤ ${TARGETS.soakGrowthPercent} %`,
      measured: `${fmt(result.soak.growthPercent)} % (settled ${result.soak.runs.map((r) => fmt(r.settledRssMB, 0)).join(" → ")} MB)`,
      met: result.soak.growthPercent <= TARGETS.soakGrowthPercent,
    });
  }
  return checks;
}

/** The targets this run measured, in the order BENCHMARKS.md lists them. */
export function checkTargets(result: BenchResult): TargetCheck[] {
  const startup = result.oursStartupMs.median;
  return [
    ...comparisonChecks(result),
    ...pageChecks(result),
    ...memoryChecks(result),
    // No samples: ours alone did not run (--providers).
    ...(result.oursStartupMs.samples.length > 0
      ? [
          {
            target: `\`next start\` to first 200 ≤ ${TARGETS.nextStartMs} ms`,
            measured: `${fmt(startup, 0)} ms (median of ${result.oursStartupMs.samples.length})`,
            met: startup <= TARGETS.nextStartMs,
          },
        ]
      : []),
  ];
}
