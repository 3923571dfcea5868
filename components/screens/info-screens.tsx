import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { PageShell } from "../page-shell";
import { ProblemView } from "../problem-view";

/** What this service is, for someone who opens its address directly. */
export function homeScreen(chrome: PageChrome) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("app.homeTitle")}>
      <p>{t("app.homeBody")}</p>
      <p>
        <a href="https://www.ory.sh/docs/hydra/guides/custom-ui-oauth2">{t("app.docs")}</a>
      </p>
    </PageShell>
  );
}

/** Hydra's post-logout page when the client named none. */
export function loggedOutScreen(chrome: PageChrome) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("loggedOut.title")}>
      <p>{t("loggedOut.body")}</p>
    </PageShell>
  );
}

export type HydraErrorView = { error: string | null; description: string | null };

/** Hydra's error, shown as text (never as HTML). */
export function hydraErrorScreen(chrome: PageChrome, view: HydraErrorView) {
  const t = translator(chrome.locale);
  return (
    <ProblemView chrome={chrome} title={t("problem.oauth.title")} body={view.description ?? t("problem.oauth.body")}>
      {view.error && (
        <p className="muted">
          {t("problem.oauth.code")}: <code>{view.error}</code>
        </p>
      )}
    </ProblemView>
  );
}
