import type { NextApiRequest, NextApiResponse } from "next";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import type { PlaygroundFlow } from "@/lib/admin/playground";
import { config } from "@/lib/config";

/**
 * The playground's flow between the start form and Hydra's return, and the
 * client's secret for refreshing and revoking afterwards: sealed with the
 * app's session secrets (like lib/security/flow-session.ts), sent only to
 * the playground's paths, and gone after ten minutes.
 */
const ttlSeconds = 10 * 60;
const path = "/admin/playground";

const flowSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  codeVerifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  scope: z.string(),
  redirectUri: z.string(),
});

const isHttps = () => config().appUrl.startsWith("https://");
// __Host- would need Path=/; __Secure- still keeps it to https.
const cookieName = () => (isHttps() ? "__Secure-provider-playground" : "provider-playground");

function cookie(value: string, maxAge: number): string {
  return [`${cookieName()}=${value}`, `Path=${path}`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax", ...(isHttps() ? ["Secure"] : [])].join("; ");
}

/** Seals the flow into the answer's cookie, for another ten minutes. */
export async function keepPlaygroundFlow(response: NextApiResponse, flow: PlaygroundFlow): Promise<void> {
  const sealed = await sealData(flow, { password: config().sessionSecrets, ttl: ttlSeconds });
  response.appendHeader("Set-Cookie", cookie(sealed, ttlSeconds));
}

/** This browser's flow, or undefined when it has none, or one expired or tampered with. */
export async function playgroundFlow(request: NextApiRequest): Promise<PlaygroundFlow | undefined> {
  const sealed = request.cookies[cookieName()];
  if (!sealed) return undefined;
  try {
    return flowSchema.safeParse(await unsealData(sealed, { password: config().sessionSecrets, ttl: ttlSeconds })).data;
  } catch {
    return undefined;
  }
}

export function forgetPlaygroundFlow(response: NextApiResponse): void {
  response.appendHeader("Set-Cookie", cookie("", 0));
}
