import { config } from "@/lib/config";
import { db } from "@/lib/identity/db";
import { DatabaseFailureStore } from "@/lib/identity/failure-store";
import {
  type FailureStore,
  MemoryFailureStore,
  accountThrottle,
  addressThrottle,
  nextFailure,
  retryAfterSeconds,
  throttleKeys,
} from "@/lib/security/rate-limit";

let store: FailureStore | undefined;

function failureStore(): FailureStore {
  store ??= config().rateLimitStore === "database" ? new DatabaseFailureStore(db) : new MemoryFailureStore();
  return store;
}

/** Seconds until this email from this address may try again (0: now). */
export async function signInRetryAfter(email: string, clientAddress: string): Promise<number> {
  const keys = throttleKeys(email, clientAddress);
  const now = Date.now();
  const [account, address] = await Promise.all([failureStore().get(keys.account), failureStore().get(keys.address)]);
  return Math.max(retryAfterSeconds(account, now, accountThrottle), retryAfterSeconds(address, now, addressThrottle));
}

export async function recordSignInFailure(email: string, clientAddress: string): Promise<void> {
  const keys = throttleKeys(email, clientAddress);
  const now = Date.now();
  const store = failureStore();
  await store.put(keys.account, nextFailure(await store.get(keys.account), now, accountThrottle));
  await store.put(keys.address, nextFailure(await store.get(keys.address), now, addressThrottle));
}

export async function clearSignInFailures(email: string, clientAddress: string): Promise<void> {
  await failureStore().remove(throttleKeys(email, clientAddress).account);
}
