import pino, { type DestinationStream, type Logger } from "pino";
import { type AppConfig, config } from "@/lib/config";
import { processWide } from "./process-wide";
import { withoutChallenges } from "./redaction";
import { currentRequestId } from "./request-context";

export type { Logger } from "pino";

/**
 * Fields that must never reach a log line, whoever adds them later: a
 * challenge answers the login request, the rest is the person's secret or
 * data, or a token and the client secrets the console's token pages handle.
 * Code logs a challenge only through challengeHash().
 */
const neverLogged = [
  "challenge",
  "password",
  "email",
  "csrf",
  "token",
  "access_token",
  "refresh_token",
  "id_token",
  "id_token_hint",
  "client_secret",
  // Not "code": error codes (ECONNREFUSED, next-auth's) are logged under it.
  "code_verifier",
];

/**
 * A JSON logger. Lines are buffered and written off the hot path (pino's
 * sync: false destination, flushed at exit); every line written while a
 * request is answered carries its id, read from the request's context rather
 * than from a child logger made per request.
 */
export function createLogger(level: AppConfig["logLevel"], destination: DestinationStream = pino.destination({ sync: false })): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // pino merges into the returned object, so it must be a new one each time.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      redact: { paths: [...neverLogged, ...neverLogged.map((key) => `*.${key}`)], censor: "[redacted]" },
      serializers: { err: (error: unknown) => serializeError(error) },
    },
    destination,
  );
}

/**
 * An error as type, message, stack, code and cause, and nothing else: pino's
 * own serializer copies every property, and a driver's error can carry the
 * values it choked on (a PostgreSQL error's `detail` quotes the row). A
 * challenge in a quoted URL is blanked.
 */
function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return withoutChallenges(String(error));
  const serialized: Record<string, unknown> = { type: error.name, message: withoutChallenges(error.message) };
  if (error.stack) serialized.stack = withoutChallenges(error.stack);
  const { code } = error as { code?: unknown };
  if (typeof code === "string" || typeof code === "number") serialized.code = code;
  if (error.cause !== undefined && depth < 3) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

/** The process's logger, at LOG_LEVEL. */
export function log(): Logger {
  return processWide("logger", () => createLogger(config().logLevel));
}
