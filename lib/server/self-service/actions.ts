import { config } from "@/lib/config";
import { problem } from "@/lib/flows/problems";
import { revokeLoginSessions } from "@/lib/hydra/consent-sessions";
import type { Locale } from "@/lib/i18n/locales";
import { createUser, endSessions, findUserByEmail, findUserById, markEmailVerified, normaliseEmail, resetPassword } from "@/lib/identity/users";
import type { FlowSession } from "@/lib/security/flow-session";
import { newPasswordRuleProblem } from "@/lib/self-service/password-rule";
import { findToken, linkState, spendCode, spendToken } from "@/lib/self-service/tokens";
import type { ContinueForm, ForgotForm, RegisterForm, ResendForm, ResetForm, VerifyForm } from "@/lib/validations/self-service-input";
import { emailAddressSchema } from "@/lib/validations/self-service-input";
import type { PageRequest } from "../answers";
import { askedHere, continueSignedIn, flowFormTargets } from "./flow";
import { challengeHash } from "@/lib/self-service/challenge-hash";
import { codeKey, issueAndMail, mail } from "./mails";
import { clientAddressWait, mailWait, mayMail } from "./limits";
import type { SelfServiceAnswer, SelfServiceContext, SelfServiceOutcome } from "./serve";
import type { SelfServiceView } from "./views";

type ShowExtra = { status?: number; formTargets?: readonly string[]; languageLinks?: string | null; retryAfter?: number };

const show = (view: SelfServiceView, locale: Locale, extra: ShowExtra = {}): SelfServiceAnswer => ({ kind: "show", view, locale, ...extra });

/**
 * The pages that answer a post name the GET page their language links return
 * to: the page that shows the same thing (the code form, a link's page), or
 * the form the post came from.
 */
const inFlow = (path: string, challenge: string) => (challenge ? `${path}?login_challenge=${encodeURIComponent(challenge)}` : path);
const linkPage = (path: "/verify" | "/reset-password", token: string) => `${path}?token=${encodeURIComponent(token)}`;

const linkRefused = (state: "used" | "expired" | "unknown", locale: Locale, languageLinks?: string) =>
  show({ screen: "link", state }, locale, { status: state === "unknown" ? 400 : 410, languageLinks });

/**
 * A spent link's or a new password's outcome cannot be shown again by a GET,
 * and a page anyone could open by its address must not say that something was
 * confirmed or changed: these pages have no language links. The person read
 * the page before in this language, and the next one follows the cookie.
 */
const noLanguageLinks = null;

const pageChallenge = (page: PageRequest): string => {
  const value = page.query.login_challenge;
  return typeof value === "string" ? value : "";
};

/** The query's login challenge, checked at Hydra: a stale one gets its problem page before anything is typed. */
async function pageFlow(page: PageRequest): Promise<{ challenge: string; uiLocales: readonly string[]; formTargets: string[] } | SelfServiceAnswer> {
  const challenge = pageChallenge(page);
  if (page.query.login_challenge !== undefined && !/^[A-Za-z0-9._~=-]{1,8192}$/.test(challenge)) return problem("invalid_request");
  if (!challenge) return { challenge, uiLocales: [], formTargets: [] };
  return { challenge, ...(await flowFormTargets(challenge)) };
}

// ---- registration ----

export async function registerPage(page: PageRequest): Promise<SelfServiceAnswer> {
  const flow = await pageFlow(page);
  if ("kind" in flow) return flow;
  const locale = page.chooseLocale(flow.uiLocales);
  return show({ screen: "register", challenge: flow.challenge, csrf: page.formToken("self_service", flow.challenge), email: "", name: "" }, locale);
}

/**
 * A sign-up. The answer is the same "check your e-mail" page whether the
 * address is new or taken, and it is sent before the account is looked up;
 * a taken address gets an e-mail saying so instead of a second account.
 */
export async function register(form: RegisterForm, { page, session, clientAddress }: SelfServiceContext): Promise<SelfServiceOutcome> {
  const locale = form.locale ?? page.chooseLocale();
  const email = emailAddressSchema.safeParse(form.email);
  const name = form.name.trim();
  const rule = newPasswordRuleProblem(form.password);
  const error = !email.success ? "invalidEmail" : name.length === 0 || [...name].length > 200 ? "invalidName" : rule === "too_short" ? "tooShort" : rule === "too_common" ? "tooCommon" : undefined;
  if (error || !email.success) {
    const view: SelfServiceView = { screen: "register", challenge: form.challenge, csrf: form.csrf, email: form.email, name: form.name, error };
    return { answer: show(view, locale, { status: 422, languageLinks: inFlow("/register", form.challenge) }) };
  }
  const wait = await clientAddressWait(clientAddress);
  if (wait > 0) return { answer: problem("too_many", wait) };
  const address = normaliseEmail(email.data);
  const next: FlowSession = { ...session, selfService: { email: address, challengeHash: form.challenge ? challengeHash(form.challenge) : undefined } };
  const targets = form.challenge ? (await flowFormTargets(form.challenge)).formTargets : [];
  return {
    session: next,
    answer: show(
      { screen: "checkEmail", reason: "registered", challenge: form.challenge, csrf: form.csrf, wrongCode: false, resend: { offered: true } },
      locale,
      { formTargets: targets, languageLinks: inFlow("/verify", form.challenge) },
    ),
    after: async () => {
      if (!(await mayMail(address))) return;
      const existing = await findUserByEmail(address);
      if (existing) return mail(existing.email, { kind: "exists" }, locale);
      const user = await createUser({ email: address, password: form.password, name, locale, emailVerified: false });
      await issueAndMail(user, "verify_email", form.challenge, locale);
    },
  };
}

// ---- verification ----

/** GET /verify: with ?token, the button that spends the link (a mail scanner's GET does not); without, the code form. */
export async function verifyPage(page: PageRequest): Promise<SelfServiceAnswer> {
  const token = page.query.token;
  if (token !== undefined) {
    const locale = page.chooseLocale();
    if (typeof token !== "string" || token.length > 200) return linkRefused("unknown", locale);
    const row = await findToken(token);
    const state = linkState(row, "verify_email", new Date());
    if (state !== "valid") return linkRefused(state, locale);
    const targets = askedHere(page.existingSession, row?.loginChallenge) ? await flowFormTargets(row.loginChallenge).catch(() => undefined) : undefined;
    return show({ screen: "verifyLink", token, csrf: page.formToken("self_service", "") }, locale, { formTargets: targets?.formTargets ?? [] });
  }
  const flow = await pageFlow(page);
  if ("kind" in flow) return flow;
  const locale = page.chooseLocale(flow.uiLocales);
  const reason = page.query.reason === "unverified" ? "unverified" : page.query.reason === "resent" ? "resent" : "registered";
  const view: SelfServiceView = {
    screen: "checkEmail",
    reason,
    challenge: flow.challenge,
    csrf: page.formToken("self_service", flow.challenge),
    wrongCode: false,
    resend: { offered: Boolean(page.existingSession?.selfService?.email) },
  };
  return show(view, locale, { formTargets: flow.formTargets });
}

/** A link's button or a typed code: the address is verified, and a flow begun in this browser goes on signed in. */
export async function verify(form: VerifyForm, { page, session }: SelfServiceContext): Promise<SelfServiceOutcome> {
  const locale = form.locale ?? page.chooseLocale();
  const now = new Date();
  let spent: { userId: string; loginChallenge?: string };
  if (form.token !== undefined) {
    const result = await spendToken(form.token, "verify_email", now);
    if (result.state !== "valid" || !result.row) return { answer: linkRefused(result.state === "valid" ? "unknown" : result.state, locale, linkPage("/verify", form.token)) };
    spent = result.row;
  } else {
    const email = session.selfService?.email;
    const user = email ? await findUserByEmail(email) : undefined;
    const result = user ? await spendCode(user.id, form.code ?? "", codeKey(), now) : { state: "wrong" as const };
    if (result.state !== "valid") {
      const targets = form.challenge ? (await flowFormTargets(form.challenge)).formTargets : [];
      const resend = { offered: Boolean(session.selfService?.email) };
      const view: SelfServiceView = { screen: "checkEmail", reason: "registered", challenge: form.challenge, csrf: form.csrf, wrongCode: true, resend };
      return { answer: show(view, locale, { status: 422, formTargets: targets, languageLinks: inFlow("/verify", form.challenge) }) };
    }
    spent = result.row;
  }
  await markEmailVerified(spent.userId);
  if (askedHere(session, spent.loginChallenge)) {
    const continued = await continueSignedIn(spent.loginChallenge, spent.userId, session);
    if (continued) return { answer: { kind: "redirect", to: continued.to }, session: continued.session };
  }
  return { answer: show({ screen: "verified" }, locale, { languageLinks: noLanguageLinks }), session: { ...session, selfService: undefined } };
}

/**
 * "Send a new code": a new link and code go to the address typed in this
 * browser. Issuing them spends the earlier ones (issueToken), rather than
 * letting each work until it expires: a person who asks again has lost or
 * distrusts the old e-mail, and fewer live codes means fewer to guess or to
 * find in a forwarded message. The answer is the same redirect whether or not
 * the address has an account, sent before the account is looked up; the
 * per-address count that can refuse it is kept for any address alike.
 */
export async function resend(form: ResendForm, { page, session, clientAddress }: SelfServiceContext): Promise<SelfServiceOutcome> {
  const locale = form.locale ?? page.chooseLocale();
  const address = session.selfService?.email;
  if (!address) return { answer: problem("expired") };
  const clientWait = await clientAddressWait(clientAddress);
  const wait = clientWait > 0 ? clientWait : await mailWait(address);
  if (wait > 0) {
    const targets = form.challenge ? (await flowFormTargets(form.challenge)).formTargets : [];
    const resendState = { offered: true, waitMinutes: Math.ceil(wait / 60) };
    const view: SelfServiceView = { screen: "checkEmail", reason: "registered", challenge: form.challenge, csrf: form.csrf, wrongCode: false, resend: resendState };
    return { answer: show(view, locale, { status: 429, retryAfter: wait, formTargets: targets, languageLinks: inFlow("/verify", form.challenge) }) };
  }
  const query = new URLSearchParams({ ...(form.challenge ? { login_challenge: form.challenge } : {}), reason: "resent", lang: locale });
  return {
    answer: { kind: "redirect", to: `${config().appUrl}/verify?${query}` },
    after: async () => {
      const user = await findUserByEmail(address);
      if (!user) return;
      // As at sign-up: an address already confirmed is told it has an account, and gets no code.
      if (user.emailVerified) return mail(user.email, { kind: "exists" }, locale);
      await issueAndMail(user, "verify_email", form.challenge, locale);
    },
  };
}

// ---- password reset ----

/** GET /forgot-password: the address form, or with ?sent=1 the page that answers it (for its language links). */
export async function forgotPage(page: PageRequest): Promise<SelfServiceAnswer> {
  if (page.query.sent === "1") return show({ screen: "resetSent" }, page.chooseLocale());
  const flow = await pageFlow(page);
  if ("kind" in flow) return flow;
  const locale = page.chooseLocale(flow.uiLocales);
  return show({ screen: "forgot", challenge: flow.challenge, csrf: page.formToken("self_service", flow.challenge), email: "" }, locale);
}

/** The same page, answered before the address is looked up, whether or not it has an account; only an account gets the e-mail. */
export async function forgot(form: ForgotForm, { page, session, clientAddress }: SelfServiceContext): Promise<SelfServiceOutcome> {
  const locale = form.locale ?? page.chooseLocale();
  const email = emailAddressSchema.safeParse(form.email);
  if (!email.success) {
    const view: SelfServiceView = { screen: "forgot", challenge: form.challenge, csrf: form.csrf, email: form.email, error: "invalidEmail" };
    return { answer: show(view, locale, { status: 422, languageLinks: inFlow("/forgot-password", form.challenge) }) };
  }
  const wait = await clientAddressWait(clientAddress);
  if (wait > 0) return { answer: problem("too_many", wait) };
  const address = normaliseEmail(email.data);
  return {
    session: { ...session, selfService: { challengeHash: form.challenge ? challengeHash(form.challenge) : undefined } },
    answer: show({ screen: "resetSent" }, locale, { languageLinks: "/forgot-password?sent=1" }),
    after: async () => {
      if (!(await mayMail(address))) return;
      const user = await findUserByEmail(address);
      if (user) await issueAndMail(user, "reset_password", form.challenge, locale);
    },
  };
}

export async function resetPage(page: PageRequest): Promise<SelfServiceAnswer> {
  const locale = page.chooseLocale();
  const token = page.query.token;
  if (typeof token !== "string" || token.length > 200) return linkRefused("unknown", locale);
  const state = linkState(await findToken(token), "reset_password", new Date());
  if (state !== "valid") return linkRefused(state, locale);
  return show({ screen: "reset", token, csrf: page.formToken("self_service", "") }, locale);
}

/**
 * A new password through the e-mailed link: every other sign-in of the
 * account ends (Hydra's login sessions and the account page's). In the
 * browser that asked, the flow can go on from here, through the second step
 * when the account has one.
 */
export async function reset(form: ResetForm, { page, session }: SelfServiceContext): Promise<SelfServiceOutcome> {
  const locale = form.locale ?? page.chooseLocale();
  const formPage = linkPage("/reset-password", form.token);
  const rule = newPasswordRuleProblem(form.password);
  if (rule) {
    const view: SelfServiceView = { screen: "reset", token: form.token, csrf: form.csrf, error: rule === "too_short" ? "tooShort" : "tooCommon" };
    return { answer: show(view, locale, { status: 422, languageLinks: formPage }) };
  }
  const now = new Date();
  const spent = await spendToken(form.token, "reset_password", now);
  if (spent.state !== "valid" || !spent.row) return { answer: linkRefused(spent.state === "valid" ? "unknown" : spent.state, locale, formPage) };
  const { userId, loginChallenge } = spent.row;
  if (!(await findUserById(userId))) return { answer: linkRefused("unknown", locale, formPage) };
  await resetPassword(userId, form.password);
  await revokeLoginSessions({ subject: userId });
  await endSessions(userId, now);
  if (askedHere(session, loginChallenge)) {
    const targets = await flowFormTargets(loginChallenge).catch(() => undefined);
    if (targets) {
      const proved = { subject: userId, challengeHash: challengeHash(loginChallenge), until: now.getTime() + 10 * 60_000 };
      const view: SelfServiceView = { screen: "resetDone", continueWith: { challenge: loginChallenge, csrf: page.formToken("self_service", loginChallenge) } };
      return { answer: show(view, locale, { formTargets: targets.formTargets, languageLinks: noLanguageLinks }), session: { ...session, selfService: { proved } } };
    }
  }
  return { answer: show({ screen: "resetDone" }, locale, { languageLinks: noLanguageLinks }), session: { ...session, selfService: undefined } };
}

/** "Continue" after a reset: the flow goes on with the account whose password was just set here. */
export async function continueAfterReset(form: ContinueForm, { session }: SelfServiceContext): Promise<SelfServiceOutcome> {
  const proved = session.selfService?.proved;
  if (!proved || proved.until <= Date.now() || proved.challengeHash !== challengeHash(form.challenge)) return { answer: problem("expired") };
  const continued = await continueSignedIn(form.challenge, proved.subject, session);
  if (!continued) return { answer: problem("expired") };
  return { answer: { kind: "redirect", to: continued.to }, session: continued.session };
}
