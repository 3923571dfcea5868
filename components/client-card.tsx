import type { ClientInfo } from "@/lib/hydra/models";
import type { Translate } from "@/lib/i18n";
import { safeHttpUrl } from "@/lib/security/redirects";

type Labels = { policy: string; terms: string; clientSite: string };

export const clientCardLabels = (t: Translate): Labels => ({ policy: t("consent.policy"), terms: t("consent.terms"), clientSite: t("consent.clientSite") });

/** What the card shows of a client: its name, and its logo and links when they are http(s). */
export type ClientCardInfo = Pick<ClientInfo, "name" | "logoUri" | "clientUri" | "policyUri" | "tosUri">;

export function clientCardInfo(client: ClientInfo): ClientCardInfo {
  return { name: client.name, logoUri: client.logoUri, clientUri: client.clientUri, policyUri: client.policyUri, tosUri: client.tosUri };
}

export function ClientCard({ client, labels }: { client: ClientCardInfo; labels: Labels }) {
  const logo = safeHttpUrl(client.logoUri);
  const links = [
    { href: safeHttpUrl(client.clientUri), label: labels.clientSite },
    { href: safeHttpUrl(client.policyUri), label: labels.policy },
    { href: safeHttpUrl(client.tosUri), label: labels.terms },
  ].filter((link): link is { href: string; label: string } => Boolean(link.href));

  return (
    <div className="client">
      {logo && <img className="client-logo" src={logo} alt="" width={48} height={48} referrerPolicy="no-referrer" />}
      <p className="client-name">{client.name}</p>
      {links.length > 0 && (
        <ul className="client-links">
          {links.map((link) => (
            <li key={link.label}>
              <a href={link.href} rel="noopener noreferrer" target="_blank">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
