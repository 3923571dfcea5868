import { LogoutForm } from "@/components/logout-form";
import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { serveFlowPage } from "@/lib/server/serve";
import * as logout from "@/lib/server/steps/logout";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type LogoutView = { challenge: string; csrf: string; email: string | null; askingClient: string | null };

export const getServerSideProps = serveFlowPage({
  param: "logout_challenge",
  start: logout.start,
  view: ({ request, user }, page): LogoutView => ({
    challenge: request.challenge,
    csrf: page.formToken("logout", request.challenge),
    email: user?.email ?? null,
    askingClient: request.rpInitiated && request.client ? request.client.name : null,
  }),
});

export default function LogoutPage({ chrome, view }: { chrome: PageChrome; view: LogoutView }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("logout.title")}>
      <p>{t("logout.intro", { subject: view.email ? ` (${view.email})` : "" })}</p>
      {view.askingClient && <p>{t("logout.fromClient", { client: view.askingClient })}</p>}
      <LogoutForm challenge={view.challenge} csrf={view.csrf} labels={{ accept: t("logout.accept"), reject: t("logout.reject") }} />
    </PageShell>
  );
}
