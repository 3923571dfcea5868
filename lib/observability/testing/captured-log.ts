import { createLogger } from "../log";

/** A logger at `level` whose lines are kept, as written and parsed. */
export function capturedLog(level: Parameters<typeof createLogger>[0] = "info") {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
