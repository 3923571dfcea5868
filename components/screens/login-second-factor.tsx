import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { ClientCard, type ClientCardInfo, clientCardLabels } from "../client-card";
import { DecisionButtons } from "../decision-buttons";
import { HiddenFields } from "../hidden-fields";
import { PageShell } from "../page-shell";
import { TotpKey } from "../totp-key";
import { totpKeyLabels } from "./account-two-factor";

export type SecondStepView = {
  client: ClientCardInfo;
  challenge: string;
  csrf: string;
  wrongCode: boolean;
  screen: { kind: "code" } | { kind: "enrol"; uri: string; secret: string } | { kind: "needed"; setUpUrl: string };
};

/** GET /login/second-factor: the code after the password (or for a step-up), the app's set-up, or why it cannot go on. */
export function secondStepScreen(chrome: PageChrome, view: SecondStepView) {
  const t = translator(chrome.locale);
  const client = view.client.name;
  const { screen } = view;
  if (screen.kind === "needed") {
    return (
      <PageShell chrome={chrome} title={t("login.secondStep.neededTitle")}>
        <ClientCard client={view.client} labels={clientCardLabels(t)} />
        <p>{t("login.secondStep.neededBody", { client })}</p>
        <p>
          <a href={screen.setUpUrl}>{t("login.secondStep.neededSetUp")}</a>
        </p>
        <form method="post" action="/login/second-factor/submit">
          <HiddenFields challenge={view.challenge} csrf={view.csrf} />
          <div className="actions">
            <button id="unmet" name="action" value="unmet" type="submit" className="primary">
              {t("login.secondStep.neededBack", { client })}
            </button>
          </div>
        </form>
      </PageShell>
    );
  }
  const described = view.wrongCode ? { "aria-invalid": true, "aria-describedby": "code-error code-hint" } : { "aria-describedby": "code-hint" };
  return (
    <PageShell chrome={chrome} title={t(screen.kind === "enrol" ? "login.secondStep.enrolTitle" : "login.secondStep.title")}>
      <ClientCard client={view.client} labels={clientCardLabels(t)} />
      {screen.kind === "enrol" ? (
        <>
          <p>{t("login.secondStep.enrolIntro", { client })}</p>
          <TotpKey uri={screen.uri} secret={screen.secret} labels={totpKeyLabels(t)} />
        </>
      ) : (
        <p>{t("login.secondStep.intro", { client })}</p>
      )}
      <form method="post" action="/login/second-factor/submit" className="stack">
        <HiddenFields challenge={view.challenge} csrf={view.csrf} />
        {view.wrongCode && (
          <p className="alert" role="alert" id="code-error">
            {t("login.secondStep.wrong")}
          </p>
        )}
        <label htmlFor="code">{t("login.secondStep.code")}</label>
        <input id="code" name="code" type="text" autoComplete="one-time-code" maxLength={24} required autoFocus dir="ltr" spellCheck={false} {...described} />
        <p id="code-hint" className="muted field-hint">
          {t(screen.kind === "enrol" ? "login.secondStep.enrolHint" : "login.secondStep.codeHint")}
        </p>
        <DecisionButtons accept={t("login.secondStep.submit")} reject={t("login.cancel")} />
      </form>
    </PageShell>
  );
}

/** GET /login/recovery-code-used: after a sign-in with a recovery code, how many are left before continuing. */
export function recoveryCodeUsedScreen(chrome: PageChrome, view: { left: number; continueTo: string; renewUrl: string }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("login.recoveryCodeUsed.title")}>
      <p className={view.left <= 2 ? "alert" : "notice"} role="status">
        {t("login.recoveryCodeUsed.left", { count: view.left })}
      </p>
      <p>
        <a href={view.renewUrl}>{t("login.recoveryCodeUsed.renew")}</a>
      </p>
      <p>
        <a id="continue" className="button primary" href={view.continueTo}>
          {t("login.recoveryCodeUsed.continue")}
        </a>
      </p>
    </PageShell>
  );
}
