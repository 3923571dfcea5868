import "server-only";
import { Configuration, OAuth2Api } from "@ory/client-fetch";
import { config } from "@/lib/config";

let apis: { admin: OAuth2Api; public: OAuth2Api } | undefined;

export function hydraApis(): { admin: OAuth2Api; public: OAuth2Api } {
  if (!apis) {
    const { adminUrl, publicUrl, apiKey } = config().hydra;
    apis = {
      admin: new OAuth2Api(new Configuration({ basePath: adminUrl, accessToken: apiKey })),
      public: new OAuth2Api(new Configuration({ basePath: publicUrl, accessToken: apiKey })),
    };
  }
  return apis;
}

/** Per-call options: never cached by Next.js, and never waiting on Hydra for longer than configured. */
export function callOptions(): RequestInit {
  return { cache: "no-store", signal: AbortSignal.timeout(config().hydra.timeoutMs) };
}
