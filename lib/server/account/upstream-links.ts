import { type LinkRemoval, type WaysIn, decideLinkRemoval } from "@/lib/account/ways-in";
import { config } from "@/lib/config";
import { hasPassword } from "@/lib/identity/users";
import { passkeysOf } from "@/lib/second-factor/passkey-store";
import { upstreamProvider, upstreamProviders } from "@/lib/upstream/config";
import { linksOf, removeLink } from "@/lib/upstream/store";
import type { SignedIn } from "./serve";

/** A link as the list shows it: the provider's configured name, or its id once it is no longer configured. */
export type LinkListed = { provider: string; subject: string; name: string; configured: boolean; createdAt: Date; lastUsedAt: Date | null };

export async function linkList(account: SignedIn): Promise<LinkListed[]> {
  return (await linksOf(account.user.id)).map((link) => {
    const provider = upstreamProvider(link.provider);
    return {
      provider: link.provider,
      subject: link.subject,
      name: provider?.name ?? link.provider,
      configured: provider !== undefined,
      createdAt: link.createdAt,
      lastUsedAt: link.lastUsedAt ?? null,
    };
  });
}

/** The account page shows the providers section when the account has links or the deployment offers providers. */
export function providersOffered(): boolean {
  return upstreamProviders().length > 0;
}

async function waysIn(account: SignedIn, links: LinkListed[]): Promise<WaysIn> {
  const { id } = account.user;
  return {
    hasPassword: await hasPassword(id),
    passkeys: config().passkeys ? (await passkeysOf(id)).length : 0,
    links,
  };
}

/** The link named, and whether it may be removed now; undefined when the account has no such link. */
export async function linkToRemove(account: SignedIn, target: { provider: string; subject: string }): Promise<{ link: LinkListed; removal: LinkRemoval } | undefined> {
  const links = await linkList(account);
  const link = links.find((listed) => listed.provider === target.provider && listed.subject === target.subject);
  if (!link) return undefined;
  return { link, removal: decideLinkRemoval(await waysIn(account, links), target) };
}

export type LinkRemovalResult = { kind: "removed" } | { kind: "last_way_in"; link: LinkListed } | { kind: "not_linked" };

/** Removes the link unless it is the account's last way in; it is checked again here, at the post. */
export async function removeProviderLink(account: SignedIn, target: { provider: string; subject: string }): Promise<LinkRemovalResult> {
  const found = await linkToRemove(account, target);
  if (!found) return { kind: "not_linked" };
  if (found.removal.kind === "last_way_in") return { kind: "last_way_in", link: found.link };
  return (await removeLink(account.user.id, target.provider, target.subject)) ? { kind: "removed" } : { kind: "not_linked" };
}
