import { Configuration, type FetchAPI, OAuth2Api } from "@ory/client-fetch";
import { Agent } from "undici";
import { config } from "@/lib/config";
import { recordHydraCall } from "@/lib/observability/hydra-calls";
import { onShutdown } from "@/lib/observability/shutdown";
import { pooledFetch } from "./pooled-fetch";

/**
 * One keep-alive pool for every call to Hydra: a flow makes several admin
 * calls within milliseconds, and a fresh TCP connection for each would cost
 * more than the call. Idle sockets close well before Hydra's own idle timeout.
 */
const pool = new Agent({ connections: 64, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });

const fetchFromPool = pooledFetch(pool, recordHydraCall) as FetchAPI;

/** Closes the pool's sockets once the calls in flight have ended; on shutdown, after the last request was answered. */
export function close(): Promise<void> {
  return pool.close();
}

onShutdown("hydra pool", close);

let apis: { admin: OAuth2Api; public: OAuth2Api } | undefined;

export function hydraApis(): { admin: OAuth2Api; public: OAuth2Api } {
  if (!apis) {
    const { adminUrl, publicUrl, apiKey } = config().hydra;
    apis = {
      admin: new OAuth2Api(new Configuration({ basePath: adminUrl, accessToken: apiKey, fetchApi: fetchFromPool })),
      public: new OAuth2Api(new Configuration({ basePath: publicUrl, accessToken: apiKey, fetchApi: fetchFromPool })),
    };
  }
  return apis;
}

/** Per-call options: never waiting on Hydra for longer than configured. */
export function callOptions(): RequestInit {
  return { signal: AbortSignal.timeout(config().hydra.timeoutMs) };
}

/** A plain request through the same pool, for endpoints the SDK does not wrap (health). */
export function hydraFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetchFromPool(url, init);
}
