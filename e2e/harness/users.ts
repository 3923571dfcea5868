import { spawn } from "node:child_process";
import { join } from "node:path";
import { baseEnv, repoRoot, type Env } from "./process";

export interface SeedUserOptions {
  /** SQLite file of the app's user store (DATABASE_PATH). */
  databasePath: string;
  email: string;
  password: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  /** Defaults to true. */
  emailVerified?: boolean;
  /** Keep an existing user with this e-mail instead of failing (`--if-absent`). */
  ifAbsent?: boolean;
  /** Extra environment for the CLI, e.g. the app's configuration if the script validates it. */
  env?: Record<string, string | undefined>;
}

export interface SeedUserResult {
  /** False when the user already existed and nothing was changed. */
  created: boolean;
  output: string;
}

export const defaultUser = {
  email: "foo@bar.com",
  password: "foobar",
  name: "Foo Bar",
  givenName: "Foo",
  familyName: "Bar",
} as const;

/**
 * Adds a user through the app's own CLI (scripts/users.ts), so the password hash and
 * schema are exactly what the app expects. With `ifAbsent`, an existing user is kept as it is.
 */
export function seedUser(options: SeedUserOptions): Promise<SeedUserResult> {
  const args = ["scripts/users.ts", "add", options.email, options.password];
  if (options.name !== undefined) args.push("--name", options.name);
  if (options.givenName !== undefined) args.push("--given-name", options.givenName);
  if (options.familyName !== undefined) args.push("--family-name", options.familyName);
  if (options.emailVerified ?? true) args.push("--email-verified");
  if (options.ifAbsent) args.push("--if-absent");

  // With --if-absent the CLI prints "exists <id> <email>" and changes nothing.
  return usersCli(args, options.databasePath, options.env).then((output) => ({ created: !/^exists /m.test(output), output }));
}

/** Grants a role through the users CLI, as an operator would (never self-service). */
export async function grantRole(options: { email: string; role: "admin"; databasePath: string; env?: Env }): Promise<void> {
  await usersCli(["scripts/users.ts", "grant", options.email, options.role], options.databasePath, options.env);
}

/** Runs scripts/users.ts with the app's database settings; resolves with its output, rejects on a non-zero exit. */
export function usersCli(args: string[], databasePath: string, extraEnv: Env = {}): Promise<string> {
  const env: Env = { ...baseEnv(), DATABASE_PATH: databasePath };
  for (const [key, value] of Object.entries(extraEnv)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  env.DATABASE_PATH = databasePath;

  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, "node_modules", ".bin", "tsx"), args, { cwd: repoRoot, env: env as NodeJS.ProcessEnv });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${args.slice(0, 2).join(" ")} failed (exit ${code}):\n${output}`));
    });
  });
}
