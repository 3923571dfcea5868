import type { ClientInfo } from "@/lib/hydra/models";
import { safeHttpUrl } from "@/lib/security/redirects";

type Labels = { policy: string; terms: string; clientSite: string };

export function ClientCard({ client, labels }: { client: ClientInfo; labels: Labels }) {
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
