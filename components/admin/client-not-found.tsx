import type { Translate } from "@/lib/i18n";

/** What a client's page shows (with 404) when Hydra has no client with the id asked for. */
export function ClientNotFound({ t }: { t: Translate }) {
  return (
    <>
      <p className="alert" role="alert">
        {t("admin.clientView.notFound")}
      </p>
      <p>
        <a href="/admin/clients">{t("admin.clients.title")}</a>
      </p>
    </>
  );
}
