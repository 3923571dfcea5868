import { config } from "@/lib/config";
import { levelAsked, reauthenticationReason } from "@/lib/flows/login";
import { type Problem, type Redirect, outcomeOfHydraFailure, problem } from "@/lib/flows/problems";
import { log } from "@/lib/observability/log";
import { HydraError } from "@/lib/hydra/errors";
import { type LoginRequest, getLoginRequest, rejectLogin } from "@/lib/hydra";
import { authenticate, findUserByEmail, findUserById, normaliseEmail } from "@/lib/identity/users";
import { metrics } from "@/lib/observability/metrics";
import { type FlowSession, newFlowSession } from "@/lib/security/flow-session";
import { withPendingSignIn } from "@/lib/security/pending-sign-in";
import { type Achieved, achievedBy, nextSignInStep } from "@/lib/second-factor/levels";
import { passkeysOf } from "@/lib/second-factor/passkey-store";
import { signInOptions, verifySignIn } from "@/lib/second-factor/passkeys";
import { type UpstreamChecks, UpstreamError, completeAuthorization, startAuthorization, upstreamRedirectUri } from "@/lib/upstream/client";
import { type UpstreamProvider, upstreamProvider, upstreamProviders } from "@/lib/upstream/config";
import {
  type UpstreamFailure,
  decideUpstreamArrival,
  failureOfUpstreamError,
  federated,
  federatedWith,
  localLoginAllowed,
  promptNone,
  rejectionAfterFailure,
  upstreamsForClient,
} from "@/lib/upstream/decisions";
import { type PendingLink, upstreamInFlight, upstreamLinkPending, withUpstreamLink, withUpstreamStart, withoutUpstream, withoutUpstreamLink } from "@/lib/upstream/flow-state";
import { mapProfile, withPostedName } from "@/lib/upstream/profile";
import { type UpstreamLevel, createLinkedAccount, linkAccount, linkedAccount, recordUpstreamSignIn } from "@/lib/upstream/store";
import type { PasskeySignInForm } from "@/lib/validations/passkey-input";
import type { UpstreamAbandonForm, UpstreamLinkForm } from "@/lib/validations/upstream-input";
import { verificationNeeded } from "../self-service/mails";
import { configuredSignInThrottle } from "../sign-in-throttle";
import { accountHasSecondFactor, acceptProved, loginPageUrl, loginPolicy, secondStepPageUrl } from "./login";
import { type Shown, type StepStart, type StepSubmit, type SubmitContext, formTargets, redirectTo } from "./step";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

/** What an upstream hop answers: where the browser goes, the flow session to keep, and the challenge cookie to set (a value) or clear (null). */
export type UpstreamHop = { answer: StepSubmit; session?: FlowSession; challengeCookie?: string | null };

const q = encodeURIComponent;
export const failedPageUrl = (challenge: string, provider: string, reason: UpstreamFailure) =>
  `${config().appUrl}/login/upstream/failed?login_challenge=${q(challenge)}&provider=${q(provider)}&reason=${reason}`;
export const linkPageUrl = (challenge: string) => `${config().appUrl}/login/upstream/link?login_challenge=${q(challenge)}`;

/** The upstreams the login page offers to this client (metadata.allowed_upstreams). */
export function upstreamsFor(request: LoginRequest): UpstreamProvider[] {
  return upstreamsForClient(upstreamProviders(), request.client.metadata);
}

/** What the login page adds for upstreams: a link per allowed one, and whether the password form stays (metadata.local_login). */
export function upstreamLoginChoices(request: LoginRequest) {
  const upstreams = upstreamsFor(request).map((provider) => ({
    id: provider.id,
    name: provider.name,
    href: `/login/upstream/start?login_challenge=${q(request.challenge)}&provider=${q(provider.id)}`,
  }));
  // Hiding the form with no upstream to offer would leave no way in: the form stays.
  return { upstreams, localLogin: upstreams.length === 0 || localLoginAllowed(request.client.metadata) };
}

/**
 * GET /login/upstream/start: the browser leaves for the upstream with fresh
 * PKCE, state and nonce, kept sealed in the flow cookie and bound to this challenge.
 */
export async function begin(challenge: string, providerId: string, session: FlowSession | undefined): Promise<UpstreamHop> {
  const request = await getLoginRequest(challenge);
  // Hydra already knows the person: the login page answers without a form.
  if (request.skip) return { answer: redirectTo(loginPageUrl(challenge)) };
  const provider = upstreamsFor(request).find((candidate) => candidate.id === providerId);
  if (!provider) return { answer: problem("invalid_request") };
  try {
    // prompt=login and max_age ask for a fresh sign-in: the upstream is asked for one too.
    const started = await startAuthorization(provider, { prompt: reauthenticationReason(request.requestUrl) ? "login" : undefined });
    return {
      answer: redirectTo(started.url),
      session: withUpstreamStart(session ?? newFlowSession(), challenge, provider.id, started.checks, Date.now()),
      challengeCookie: challenge,
    };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return { answer: redirectTo(failedPageUrl(challenge, provider.id, error.failure)) };
  }
}

/**
 * GET /login/upstream/callback: the upstream's answer. Only this browser's
 * sealed checks are trusted, never the query; they are spent whatever the outcome.
 */
export async function callback(query: URLSearchParams, session: FlowSession | undefined, challenge: string | undefined): Promise<UpstreamHop | { noFlow: true }> {
  const now = Date.now();
  const inFlight = upstreamInFlight(session, challenge, now);
  const provider = inFlight && upstreamProvider(inFlight.provider);
  if (!inFlight || !provider || !session || challenge === undefined) return { noFlow: true };
  const spent = withoutUpstream(session);
  try {
    return await answered(query, provider, inFlight.checks, challenge, spent, now);
  } catch (error) {
    // Hydra failed after the checks were spent: the answer cannot be used twice, so the session is kept without them.
    if (error instanceof HydraError) return { answer: outcomeOfHydraFailure(error.failure), session: spent, challengeCookie: null };
    throw error;
  }
}

/** The answer against this browser's checks: the failure page, the link page, the second step or Hydra's next URL. */
async function answered(query: URLSearchParams, provider: UpstreamProvider, checks: UpstreamChecks, challenge: string, spent: FlowSession, now: number): Promise<UpstreamHop> {
  const failed = (failure: UpstreamFailure): UpstreamHop => ({ answer: redirectTo(failedPageUrl(challenge, provider.id, failure)), session: spent, challengeCookie: null });
  const error = query.get("error");
  if (error !== null) return failed(query.get("state") === checks.state ? failureOfUpstreamError(error) : "mismatch");
  let identity: Awaited<ReturnType<typeof completeAuthorization>>;
  try {
    identity = await completeAuthorization(provider, new URL(`${upstreamRedirectUri()}?${query}`), checks);
  } catch (caught) {
    if (!(caught instanceof UpstreamError)) throw caught;
    return failed(caught.failure);
  }

  const request = await getLoginRequest(challenge);
  const mapped = mapProfile(identity.claims, provider.claims);
  const profile = provider.responseMode === "form_post" ? withPostedName(mapped, query.get("user")) : mapped;
  const linkedUserId = await linkedAccount(provider.id, identity.subject);
  const accountWithEmail = !linkedUserId && profile.email ? await findUserByEmail(profile.email) : undefined;
  const arrival = decideUpstreamArrival({ linkedUserId, profile, accountWithEmail });
  switch (arrival.kind) {
    case "no_email":
      return failed("no_email");
    case "confirm_link":
      return {
        answer: redirectTo(linkPageUrl(challenge)),
        session: withUpstreamLink(spent, challenge, { provider: provider.id, upstreamSubject: identity.subject, userId: arrival.userId, email: normaliseEmail(arrival.email), ...identity.level }, now),
        challengeCookie: null,
      };
    case "create": {
      const userId = await createLinkedAccount(provider.id, identity.subject, { ...profile, email: arrival.email }, new Date(now));
      // Someone took the address or the link in the meantime: the next attempt decides again.
      if (!userId) return failed("failed");
      await recordUpstreamSignIn(provider.id, identity.subject, identity.level, new Date(now));
      const done = await signedIn(request, userId, federated, spent);
      return { answer: done, session: done.session, challengeCookie: null };
    }
    case "sign_in":
    {
      await recordUpstreamSignIn(provider.id, identity.subject, identity.level, new Date(now));
      const done = await signedIn(request, arrival.userId, federated, spent);
      return { answer: done, session: done.session, challengeCookie: null };
    }
  }
}

/**
 * The person is proved through the upstream: accepted at Hydra, or sent to
 * verify the address or to the second step, exactly as after a password.
 */
async function signedIn(request: LoginRequest, userId: string, achieved: Achieved, session: FlowSession): Promise<Redirect & { session: FlowSession }> {
  if (config().selfService.requireVerifiedEmail) {
    const user = await findUserById(userId);
    // As after a password: an address not verified (the upstream did not say it was, or the account's own) is verified first.
    if (user && !user.emailVerified) return verificationNeeded(user, request.challenge, session, achieved);
  }
  const next = nextSignInStep({ proved: achieved, fresh: true, required: levelAsked(request, loginPolicy()), accountHasSecondFactor: await accountHasSecondFactor(userId) });
  if (next.kind === "done") return { ...redirectTo(await acceptProved(request, userId, achieved, false)), session };
  const pending = withPendingSignIn(session, request.challenge, { subject: userId, remember: false, amr: achieved.amr }, Date.now());
  return { ...redirectTo(secondStepPageUrl(request.challenge)), session: pending };
}

export type FailedShown = Shown & { request: LoginRequest };

/** GET /login/upstream/failed: the page that explains why the upstream sign-in did not happen. */
export async function failedStart(challenge: string): Promise<StepStart<FailedShown>> {
  const request = await getLoginRequest(challenge);
  return { kind: "show", request, formTargets: formTargets(request.client.redirectUris), uiLocales: request.oidc.uiLocales };
}

/** POST /login/upstream/abandon: the person gives up; the relying party hears access_denied (login_required under prompt=none). */
export async function abandon(form: UpstreamAbandonForm): Promise<StepSubmit> {
  const request = await getLoginRequest(form.challenge);
  return redirectTo(await rejectLogin(form.challenge, rejectionAfterFailure(promptNone(request.requestUrl))));
}

export type LinkShown = Shown & { request: LoginRequest; email: string; providerName: string; passkeyOptions: PublicKeyCredentialRequestOptionsJSON | null };

/** GET /login/upstream/link: the existing account's password, or one of its passkeys, before the upstream is linked to it. */
export async function linkStart(challenge: string, session: FlowSession | undefined): Promise<StepStart<LinkShown>> {
  const pending = upstreamLinkPending(session, challenge, Date.now());
  if (!pending) return redirectTo(loginPageUrl(challenge));
  const request = await getLoginRequest(challenge);
  return {
    kind: "show",
    request,
    email: pending.email,
    providerName: upstreamProvider(pending.provider)?.name ?? pending.provider,
    passkeyOptions: await accountPasskeyOptions(challenge, pending.userId),
    formTargets: formTargets(request.client.redirectUris),
    uiLocales: request.oidc.uiLocales,
  };
}

/** A passkey ceremony that only the account's own passkeys can answer; none when passkeys are off or the account has none. */
async function accountPasskeyOptions(challenge: string, userId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const rp = config().passkeys;
  if (!rp) return null;
  const credentialIds = (await passkeysOf(userId)).map((passkey) => passkey.credentialId);
  return credentialIds.length === 0 ? null : signInOptions(rp, challenge, Date.now(), { userId, credentialIds });
}

const linkRefusedUrl = (challenge: string, error: "invalid_credentials" | "passkey") => `${linkPageUrl(challenge)}&error=${error}`;

/** POST /login/upstream/link/submit: the right password links the upstream and signs in; a wrong one is counted like any sign-in failure. */
export async function linkSubmit(form: UpstreamLinkForm, context: SubmitContext): Promise<StepSubmit> {
  const pending = upstreamLinkPending(context.session, form.challenge, Date.now());
  if (!pending || form.action === "reject") return { ...redirectTo(loginPageUrl(form.challenge)), session: withoutUpstreamLink(context.session) };
  if (normaliseEmail(form.email) !== pending.email) return problem("forbidden") satisfies Problem;
  const request = await getLoginRequest(form.challenge);
  const user = await authenticate(pending.email, form.password);
  const throttle = await configuredSignInThrottle();
  if (!user || user.id !== pending.userId) {
    metrics().signInFailures.inc();
    await throttle.recordFailure(pending.email, context.clientAddress);
    return redirectTo(linkRefusedUrl(form.challenge, "invalid_credentials"));
  }
  await throttle.clear(pending.email, context.clientAddress);
  return linked(request, pending, achievedBy({ kind: "password" }), context.session);
}

/** POST /login/upstream/link/passkey: a passkey of the account (and only of it) links the upstream and signs in. */
export async function linkWithPasskey(form: PasskeySignInForm, context: SubmitContext): Promise<StepSubmit> {
  const pending = upstreamLinkPending(context.session, form.challenge, Date.now());
  if (!pending) return { ...redirectTo(loginPageUrl(form.challenge)), session: withoutUpstreamLink(context.session) };
  const rp = config().passkeys;
  if (!rp) return redirectTo(linkRefusedUrl(form.challenge, "passkey"));
  const request = await getLoginRequest(form.challenge);
  const result = await verifySignIn(rp, form.challenge, form.credential, new Date(), { userId: pending.userId });
  if (result.kind === "refused") {
    log().info({ reason: result.reason }, "passkey refused before linking an upstream");
    return redirectTo(linkRefusedUrl(form.challenge, "passkey"));
  }
  return linked(request, pending, achievedBy({ kind: "passkey", hardware: result.hardware, userVerified: result.userVerified }), context.session);
}

/** The account is proved: the upstream subject is linked to it, and the sign-in goes on with both proofs. */
async function linked(request: LoginRequest, pending: PendingLink, proof: Achieved, session: FlowSession): Promise<StepSubmit> {
  const at = new Date();
  await linkAccount(pending.provider, pending.upstreamSubject, pending.userId, at);
  const level: UpstreamLevel = { acr: pending.acr, amr: pending.amr };
  await recordUpstreamSignIn(pending.provider, pending.upstreamSubject, level, at);
  return signedIn(request, pending.userId, federatedWith(proof), withoutUpstreamLink(session));
}
