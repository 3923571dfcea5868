import { RateLimiterRes } from "rate-limiter-flexible";
import { config } from "@/lib/config";
import { store } from "@/lib/identity/db";
import { normaliseEmail } from "@/lib/identity/users";
import { limiterFactory } from "../sign-in-throttle";

type Limiter = ReturnType<ReturnType<typeof limiterFactory>>;

let limiters: Promise<{ perAddress: Limiter; perEmail: Limiter }> | undefined;

/**
 * Sign-ups, reset requests and new codes: at most 3 e-mails an hour to one
 * address (more are dropped silently after a sign-up or a reset request, so the
 * page stays the same; a new code asked for says so), and 20 posts in ten
 * minutes from one client address (then 429). Kept where the sign-in limits are (RATE_LIMIT_STORE).
 */
function configured() {
  limiters ??= (async () => {
    const make = limiterFactory(config().rateLimitStore === "memory" ? "memory" : await store());
    return {
      perAddress: make({ keyPrefix: "self-service-address", points: 20, duration: 600 }),
      perEmail: make({ keyPrefix: "self-service-email", points: 3, duration: 3600 }),
    };
  })();
  return limiters;
}

async function consume(limiter: Limiter, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw result;
  }
}

/** Seconds until this client may post again (0: now). */
export async function clientAddressWait(clientAddress: string): Promise<number> {
  return consume((await configured()).perAddress, clientAddress);
}

/** Seconds until another e-mail may go to this address (0: one may go now, and it is counted). */
export async function mailWait(email: string): Promise<number> {
  return consume((await configured()).perEmail, normaliseEmail(email));
}

/** Whether another e-mail may go to this address now. */
export async function mayMail(email: string): Promise<boolean> {
  return (await mailWait(email)) === 0;
}
