import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { LogoutForm } from "../logout-form";
import { PageShell } from "../page-shell";

export type LogoutView = { challenge: string; csrf: string; email: string | null; askingClient: string | null };

export function logoutScreen(chrome: PageChrome, view: LogoutView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("logout.title")}>
      <p>{t("logout.intro", { subject: view.email ? ` (${view.email})` : "" })}</p>
      {view.askingClient && <p>{t("logout.fromClient", { client: view.askingClient })}</p>}
      <LogoutForm challenge={view.challenge} csrf={view.csrf} labels={{ accept: t("logout.accept"), reject: t("logout.reject") }} />
    </PageShell>
  );
}
