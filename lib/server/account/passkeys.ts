import { branding } from "@/lib/branding/config";
import { config } from "@/lib/config";
import { log } from "@/lib/observability/log";
import { type PasskeySummary, passkeysOf } from "@/lib/second-factor/passkey-store";
import { registrationOptions, verifyRegistration } from "@/lib/second-factor/passkeys";
import { passkeyName } from "@/lib/validations/passkey-input";
import type { SignedIn } from "./serve";

/** The options of navigator.credentials.create() for this account, as JSON for the page. */
export async function creationOptionsFor(account: SignedIn, now: Date): Promise<string> {
  const rp = passkeyRelyingParty();
  const { user } = account;
  const existing = (await passkeysOf(user.id)).map((passkey) => passkey.credentialId);
  const options = await registrationOptions(
    { ...rp, name: branding().productName ?? new URL(config().appUrl).host },
    { userId: user.id, email: user.email, displayName: user.name ?? user.email, existing },
    now.getTime(),
  );
  return JSON.stringify(options);
}

export type Addition = { kind: "added" } | { kind: "bad_name" } | { kind: "refused" };

/** A new passkey, named by the person, from the attestation the browser posted. */
export async function addPasskey(account: SignedIn, name: string, credential: string, now: Date): Promise<Addition> {
  const named = passkeyName.safeParse(name);
  if (!named.success) return { kind: "bad_name" };
  const result = await verifyRegistration(passkeyRelyingParty(), account.user.id, named.data, credential, now);
  if (result.kind === "refused") {
    log().info({ reason: result.reason }, "passkey registration refused");
    return { kind: "refused" };
  }
  return { kind: "added" };
}

/** A passkey as the list shows it: synced when the credential may live on several devices (multiDevice), else this device only. */
export type PasskeyListed = { id: string; name: string; synced: boolean; createdAt: Date; lastUsedAt: Date | null };

export async function passkeyList(account: SignedIn): Promise<PasskeyListed[]> {
  return (await passkeysOf(account.user.id)).map(listed);
}

const listed = (passkey: PasskeySummary): PasskeyListed => ({
  id: passkey.credentialId,
  name: passkey.name,
  synced: passkey.deviceType === "multiDevice",
  createdAt: passkey.createdAt,
  lastUsedAt: passkey.lastUsedAt ?? null,
});

/** The passkey pages are reachable only with PASSKEYS=on (passkeysArea), so the relying party is configured. */
function passkeyRelyingParty() {
  const rp = config().passkeys;
  if (!rp) throw new Error("passkeys are turned off");
  return rp;
}
