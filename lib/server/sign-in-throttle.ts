import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/identity/db";
import { DatabaseFailureStore } from "@/lib/identity/failure-store";
import {
  type FailureStore,
  MemoryFailureStore,
  accountThrottle,
  addressThrottle,
  clientAddress,
  nextFailure,
  retryAfterSeconds,
  throttleKeys,
} from "@/lib/security/rate-limit";

// proxy.ts and the route handlers are bundled apart; one process must still count in one place.
const storeKey = Symbol.for("hydra-provider.sign-in-failures");
const shared = globalThis as { [storeKey]?: FailureStore };

function failureStore(): FailureStore {
  shared[storeKey] ??= config().rateLimitStore === "database" ? new DatabaseFailureStore(db) : new MemoryFailureStore();
  return shared[storeKey];
}

function keysFor(email: string, headers: Headers) {
  return throttleKeys(email, clientAddress(headers.get("x-forwarded-for"), config().trustProxyHops));
}

/** Seconds until this email from this address may try again (0: now). */
export async function signInRetryAfter(email: string, headers: Headers): Promise<number> {
  const keys = keysFor(email, headers);
  const now = Date.now();
  const [account, address] = await Promise.all([failureStore().get(keys.account), failureStore().get(keys.address)]);
  return Math.max(retryAfterSeconds(account, now, accountThrottle), retryAfterSeconds(address, now, addressThrottle));
}

export async function recordSignInFailure(email: string, headers: Headers): Promise<void> {
  const keys = keysFor(email, headers);
  const now = Date.now();
  const store = failureStore();
  await store.put(keys.account, nextFailure(await store.get(keys.account), now, accountThrottle));
  await store.put(keys.address, nextFailure(await store.get(keys.address), now, addressThrottle));
}

export async function clearSignInFailures(email: string, headers: Headers): Promise<void> {
  await failureStore().remove(keysFor(email, headers).account);
}
