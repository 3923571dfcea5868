import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { config } from "@/lib/config";
import { type Store, store } from "@/lib/identity/db";
import { type Throttle, accountThrottle, addressThrottle, throttleKeys, waitAfterFailures } from "@/lib/security/rate-limit";

type Limiter = RateLimiterMemory | RateLimiterPostgres | RateLimiterSQLite;
type LimiterOptions = { keyPrefix: string; points: number; duration: number };

export type SignInThrottle = {
  /** Seconds until this email from this address may try again (0: now). */
  retryAfter(email: string, clientAddress: string): Promise<number>;
  recordFailure(email: string, clientAddress: string): Promise<void>;
  /** A successful sign-in forgets the account's failures (the address keeps its count). */
  clear(email: string, clientAddress: string): Promise<void>;
};

/**
 * Sign-in limits kept by rate-limiter-flexible. Per throttle two limiters on
 * one store: one counts failures within the window (an atomic increment), the
 * other holds the wait the last failure earned (lib/security/rate-limit.ts
 * decides how long). In memory they count per process; in the database every
 * instance that shares it counts together.
 */
export function signInThrottle(store: "memory" | Store): SignInThrottle {
  const make = limiterFactory(store);
  const pair = (name: string, throttle: Throttle) => ({
    failures: make({ keyPrefix: `${name}-failures`, points: 1_000_000, duration: throttle.windowSeconds }),
    waits: make({ keyPrefix: `${name}-wait`, points: 1, duration: throttle.maxSeconds }),
    throttle,
  });
  const account = pair("sign-in-account", accountThrottle);
  const address = pair("sign-in-address", addressThrottle);

  async function fail(limiters: typeof account, key: string): Promise<void> {
    const counted = await limiters.failures.consume(key);
    const wait = waitAfterFailures(counted.consumedPoints, limiters.throttle);
    if (wait > 0) await limiters.waits.block(key, wait);
  }

  return {
    async retryAfter(email, clientAddress) {
      const keys = throttleKeys(email, clientAddress);
      const [forAccount, forAddress] = await Promise.all([account.waits.get(keys.account), address.waits.get(keys.address)]);
      return Math.max(secondsLeft(forAccount), secondsLeft(forAddress));
    },
    async recordFailure(email, clientAddress) {
      const keys = throttleKeys(email, clientAddress);
      await Promise.all([fail(account, keys.account), fail(address, keys.address)]);
    },
    async clear(email, clientAddress) {
      const key = throttleKeys(email, clientAddress).account;
      await Promise.all([account.failures.delete(key), account.waits.delete(key)]);
    },
  };
}

export function limiterFactory(store: "memory" | Store): (options: LimiterOptions) => Limiter {
  if (store === "memory") return (options) => new RateLimiterMemory(options);
  // The table is made by our migrations (lib/identity/migrations.ts), on both databases.
  const shared = { tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: false };
  if (store.kind === "postgres") return (options) => new RateLimiterPostgres({ ...options, ...shared, storeClient: store.client });
  return (options) => new RateLimiterSQLite({ ...options, ...shared, storeClient: store.client, storeType: "better-sqlite3" });
}

/** A key is waiting while the limiter holds it past its one point (block() sets them so). */
function secondsLeft(result: RateLimiterRes | null): number {
  if (!result || result.consumedPoints <= 1) return 0;
  return Math.ceil(result.msBeforeNext / 1000);
}

let configured: Promise<SignInThrottle> | undefined;

/** The throttle of this deployment: RATE_LIMIT_STORE decides where it counts. */
export function configuredSignInThrottle(): Promise<SignInThrottle> {
  configured ??= (async () => signInThrottle(config().rateLimitStore === "memory" ? "memory" : await store()))();
  return configured;
}
