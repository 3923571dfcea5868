// The machine a run is on: what it is, what runs on it, and what one password verification costs
// there, so that figures are read against it and never compared across machines.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type as osType } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../e2e/harness/process";
import { median, round } from "./stats";
import type { Machine, PasswordHashCost } from "./types";

export function describeMachine(): Machine {
  const cpuList = cpus();
  let hydraVersion = "";
  try {
    hydraVersion = /Version:\s+(\S+)/.exec(execFileSync(join(repoRoot, ".bin", "hydra"), ["version"]).toString())?.[1] ?? "";
  } catch {
    hydraVersion = "unknown";
  }
  let nextVersion = "";
  let referenceVersion = "";
  try {
    nextVersion = JSON.parse(readFileSync(join(repoRoot, "node_modules", "next", "package.json"), "utf8")).version;
    referenceVersion = JSON.parse(
      readFileSync(join(repoRoot, "node_modules", "hydra-login-consent-logout", "package.json"), "utf8"),
    ).version;
  } catch {
    // Reported as empty.
  }
  return {
    cpu: cpuList[0]?.model ?? "unknown",
    cores: cpuList.length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${osType()} ${release()}`,
    node: process.version,
    hydra: hydraVersion,
    next: nextVersion,
    reference: `hydra-login-consent-logout@${referenceVersion}`,
    loadAverageAtStart: loadavg().map((v) => round(v, 2)),
  };
}

/** Time of one argon2id verification at the app's production parameters (what first sign-in pays per flow). */
export async function measureHashCost(): Promise<PasswordHashCost> {
  const { hashParameters } = await import("../lib/identity/passwords");
  const argon2 = await import("@node-rs/argon2");
  const hash = await argon2.hash("benchmark password", hashParameters);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await argon2.verify(hash, "benchmark password");
    times.push(performance.now() - t0);
  }
  return { algorithm: "argon2id", parameters: { ...hashParameters }, verifyMsMedian: round(median(times), 2) };
}
