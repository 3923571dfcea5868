import type { Page } from "@playwright/test";
import { expect } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { totpCode } from "@/lib/second-factor/totp";
import { openAccount } from "../account/helpers";
import { addAuthenticator, addPasskey, withoutPasskeyAutofill } from "../account/passkey-helpers";
import { enrolAuthenticator } from "../account/two-factor-helpers";
import type { UpstreamUser } from "../harness/upstream";
import { codeIn } from "../self-service/helpers";
import { expectNoAxeViolations } from "../ui/helpers";
import { allowConsent, callbackResult, signIn } from "./helpers";
import { continueWithCorp, signInAtUpstream, testWithUpstream, upstreamSignIn } from "./upstream-helpers";

const users = {
  fresh: { email: "fresh@upstream.test", password: "upstream fresh password", name: "Fresh Person" },
  shared: { email: "foo@bar.com", password: "the upstream's own password" },
  replay: { email: "replay@upstream.test", password: "upstream replay password" },
  noScript: { email: "noscript@upstream.test", password: "upstream noscript password" },
  denied: { email: "denied@upstream.test", password: "upstream denied password" },
  twoStep: { email: "two-step@upstream.test", password: "upstream two-step password" },
  passkeyLink: { email: "passkey-link@upstream.test", password: "upstream passkey-link password" },
  formPost: { email: "form-post@upstream.test", password: "upstream form-post password" },
  nonce: { email: "nonce@upstream.test", password: "upstream nonce password" },
  postedName: { email: "posted-name@upstream.test", password: "upstream posted-name password" },
  unverified: { email: "unverified@upstream.test", password: "upstream unverified password", emailVerified: false },
} satisfies Record<string, UpstreamUser>;

const test = testWithUpstream(Object.values(users), { REQUIRE_VERIFIED_EMAIL: "on" });

test("a first upstream sign-in creates a linked account; the next one signs in to the same account with amr fed", async ({ page, stack }) => {
  test.setTimeout(90_000);
  const first = await upstreamSignIn(page, stack, users.fresh);
  expect(first.result).toBe("success");
  const claims = stack.rp.lastTokens!.id_token_claims!;
  expect(claims.amr).toContain("fed");
  expect(claims.acr).toBe("1");
  expect(claims.email).toBe(users.fresh.email);
  const sub = claims.sub;

  await page.context().clearCookies();
  stack.rp.reset();
  const second = await upstreamSignIn(page, stack, users.fresh);
  expect(second.result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims!.sub).toBe(sub);
  expect(stack.rp.lastTokens!.id_token_claims!.amr).toContain("fed");

  // The account made for the upstream has no password: the form cannot sign in to it.
  await page.context().clearCookies();
  await page.goto(stack.rp.startUrl());
  await signIn(page, stack, { email: users.fresh.email, password: users.fresh.password });
  await expect(page.locator("#login-error")).toBeVisible();
});

test("with REQUIRE_VERIFIED_EMAIL, an account the upstream did not verify the address of is verified first, then the flow goes on as an upstream sign-in", async ({ page, stack }) => {
  test.setTimeout(90_000);
  const since = Date.now();
  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, users.unverified);
  await page.waitForURL((url) => url.pathname === "/verify" && url.searchParams.get("reason") === "unverified");
  expect(stack.rp.callbacks).toHaveLength(0);
  const code = codeIn(await stack.mail.waitFor(users.unverified.email, { since }));
  await page.getByLabel("Code from the e-mail").fill(code);
  await page.getByRole("button", { name: "Confirm" }).click();
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims).toMatchObject({ email: users.unverified.email, email_verified: true, amr: ["fed"], acr: "1" });
});

test("an upstream email that belongs to an account links only after that account's password", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await page.goto(stack.rp.startUrl());
  await signIn(page, stack);
  await allowConsent(page);
  await callbackResult(page, stack);
  const localSub = stack.rp.lastTokens!.id_token_claims!.sub;

  await page.context().clearCookies();
  stack.rp.reset();
  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, users.shared);
  await expect(page).toHaveURL(/\/login\/upstream\/link\?/);
  await expectNoAxeViolations(page, "the link page");
  await page.locator("#password").fill("not the password");
  await page.locator("#accept").click();
  await expect(page.locator("#link-error")).toBeVisible();
  await expectNoAxeViolations(page, "the link page with its error");
  // A wrong password linked nothing: the upstream's identity still has no account.
  expect(stack.rp.callbacks).toHaveLength(0);
  await page.locator("#password").fill(stack.user.password);
  await page.locator("#accept").click();
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
  const linked = stack.rp.lastTokens!.id_token_claims!;
  expect(linked.sub).toBe(localSub);
  expect(linked.amr).toEqual(expect.arrayContaining(["fed", "pwd"]));

  // Linked now: the upstream alone signs in to the same account.
  await page.context().clearCookies();
  stack.rp.reset();
  expect((await upstreamSignIn(page, stack, users.shared)).result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims!.sub).toBe(localSub);
  expect(stack.rp.lastTokens!.id_token_claims!.amr).toEqual(["fed"]);
});

test("an upstream email that belongs to an account with a passkey links after one of its passkeys; a refused one links nothing", async ({ context, page, stack }) => {
  test.setTimeout(120_000);
  const local = { email: users.passkeyLink.email, password: "the local passkey-link password" };
  await stack.addUser(local);
  await withoutPasskeyAutofill(page);
  await addAuthenticator(context, page);
  await openAccount(page, stack, local);
  await addPasskey(page, stack, "Link key");
  await context.clearCookies();
  stack.rp.reset();

  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, users.passkeyLink);
  await expect(page).toHaveURL(/\/login\/upstream\/link\?/);
  await expect(page.locator("#passkey")).toBeVisible();
  await expectNoAxeViolations(page, "the link page with a passkey");
  const linkPage = page.url();

  // An answer that is no passkey of this account, posted with the page's own form, is refused and links nothing.
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("form[data-passkey-sign-in]")!;
    form.querySelector<HTMLInputElement>('input[name="credential"]')!.value = "{}";
    form.requestSubmit(form.querySelector<HTMLButtonElement>("#passkey"));
  });
  await expect(page.locator("#passkey-refused")).toBeVisible();
  await expectNoAxeViolations(page, "the link page after a refused passkey");
  expect(stack.rp.callbacks).toHaveLength(0);
  expect(new URL(page.url()).pathname).toBe(new URL(linkPage).pathname);

  await page.locator("#passkey").click();
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
  const linked = stack.rp.lastTokens!.id_token_claims!;
  expect(linked).toMatchObject({ acr: "2", amr: ["fed", "hwk", "user"] });

  // Linked: the upstream alone signs in to the same account.
  await context.clearCookies();
  stack.rp.reset();
  expect((await upstreamSignIn(page, stack, users.passkeyLink)).result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims!.sub).toBe(linked.sub);
});

test("an account with a second factor is asked for it after the upstream, at linking and at every later upstream sign-in", async ({ page, stack, browser }) => {
  test.setTimeout(120_000);
  const local = { email: users.twoStep.email, password: "the local two-step password" };
  await stack.addUser(local);
  const context = await browser.newContext();
  const { key } = await enrolAuthenticator(await context.newPage(), stack, local);
  await context.close();
  stack.rp.reset();

  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, users.twoStep);
  await page.locator("#password").fill(local.password);
  await page.locator("#accept").click();
  await page.waitForURL((url) => url.pathname === "/login/second-factor");
  await page.locator("#code").fill(totpCode(key, Date.now() + 30_000));
  await page.locator("#accept").click();
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims).toMatchObject({ acr: "2", amr: ["fed", "pwd", "otp", "mfa"] });

  // Linked: the upstream alone never reports acr 1 for this account; the code is asked again.
  await page.context().clearCookies();
  stack.rp.reset();
  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, users.twoStep);
  await page.waitForURL((url) => url.pathname === "/login/second-factor");
  await expect(page.locator("#code")).toBeVisible();
});

test("an upstream that posts its answer back (response_mode=form_post) signs in like one that redirects", async ({ page, stack }) => {
  const callbacks: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/login/upstream/callback") callbacks.push(request.method());
  });
  await page.goto(stack.rp.startUrl());
  await page.locator("#upstream-corp-post").click();
  await page.waitForURL((url) => url.hostname === "127.0.0.1");
  await signInAtUpstream(page, stack, users.formPost);
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims).toMatchObject({ email: users.formPost.email, amr: ["fed"] });
  // Hydra's page posted the answer cross-site; the callback turned it into a GET that carries the flow cookie.
  expect(callbacks).toEqual(["POST", "GET"]);
});

test("a name posted with the answer, as Sign in with Apple does once, names the new account when the ID token does not", async ({ page, stack }) => {
  // Sign in with Apple's first answer carries the person's name in a "user" field beside the code; it is added here to the real answer.
  await page.route(
    (url) => url.pathname === "/login/upstream/callback",
    async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const fields = new URLSearchParams(route.request().postData() ?? "");
      fields.set("user", JSON.stringify({ name: { firstName: "Ada", lastName: "Lovelace" }, email: users.postedName.email }));
      await route.continue({ postData: fields.toString() });
    },
  );
  await page.goto(stack.rp.startUrl({ scope: "openid email profile" }));
  await page.locator("#upstream-corp-post").click();
  await page.waitForURL((url) => url.hostname === "127.0.0.1");
  await signInAtUpstream(page, stack, users.postedName);
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims).toMatchObject({ email: users.postedName.email, name: "Ada Lovelace", given_name: "Ada", family_name: "Lovelace" });
});

test("refusing at the upstream shows a clear page, and going back gives the client access_denied", async ({ page, stack }) => {
  await continueWithCorp(page, stack);
  await page.locator("#reject").click();
  await expect(page).toHaveURL(/\/login\/upstream\/failed\?/);
  await expect(page.locator("#upstream-failure")).toHaveAttribute("data-reason", "denied");
  await expect(page.locator("#upstream-failure")).toContainText("Corp ID");
  await expectNoAxeViolations(page, "the upstream failure page");
  await page.locator("#reject").click();
  const result = await callbackResult(page, stack);
  expect(result.result).toBe("error");
  expect(result.result === "error" && result.error).toBe("access_denied");
});

/**
 * Runs an upstream sign-in up to its callback and holds the callback back (the browser never
 * follows it): the upstream's login form is posted from the page's context, which shares the
 * browser's cookies, and its redirects are followed by hand until one leads to our callback.
 */
async function heldCallback(page: Page, stack: Stack, user: UpstreamUser): Promise<URL> {
  await continueWithCorp(page, stack);
  const field = (name: string) => page.locator(`form[action="/login/submit"] [name="${name}"]`).inputValue();
  const upstreamOrigin = new URL(page.url()).origin;
  let response = await page.request.post(`${upstreamOrigin}/login/submit`, {
    form: { challenge: await field("challenge"), csrf: await field("csrf"), action: "accept", email: user.email, password: user.password },
    headers: { origin: upstreamOrigin },
    maxRedirects: 0,
  });
  for (let hop = 0; hop < 10; hop++) {
    const location = response.headers().location;
    if (!location) throw new Error(`the upstream answered ${response.status()} without a redirect`);
    const next = new URL(location, response.url());
    if (next.href.startsWith(`${stack.app.url}/login/upstream/callback?`)) return next;
    response = await page.request.get(next.href, { maxRedirects: 0 });
  }
  throw new Error("the upstream never sent the browser back");
}

test("a callback with another state, or one replayed into another sign-in, is refused with a clear page", async ({ page, stack }) => {
  test.setTimeout(90_000);
  const callback = await heldCallback(page, stack, users.replay);
  const tampered = new URL(callback);
  tampered.searchParams.set("state", "not-the-state");
  await page.goto(tampered.href);
  await expect(page.locator("#upstream-failure")).toHaveAttribute("data-reason", "mismatch");
  await expectNoAxeViolations(page, "the mismatch page");
  // The checks are spent: the genuine answer arriving now finds no sign-in under way.
  const late = await page.goto(callback.href);
  expect(late?.status()).toBe(400);
  await expect(page.locator("#upstream-failure")).toHaveAttribute("data-reason", "no_flow");
  await expectNoAxeViolations(page, "the no-sign-in page");

  // Flow A's answer replayed into flow B: as it came, its state is not B's. With C's state put in, its
  // code is bound to A's PKCE verifier (and its ID token to A's nonce): the upstream refuses the code.
  await page.context().clearCookies();
  const replayed = await heldCallback(page, stack, users.replay);
  let lastState: string | undefined;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/oauth2/auth" && url.hostname === "127.0.0.1") lastState = url.searchParams.get("state") ?? undefined;
  });
  await continueWithCorp(page, stack);
  await page.goto(replayed.href);
  await expect(page.locator("#upstream-failure")).toHaveAttribute("data-reason", "mismatch");

  lastState = undefined;
  await continueWithCorp(page, stack);
  expect(lastState).toBeDefined();
  const withStateOfC = new URL(replayed);
  withStateOfC.searchParams.set("state", lastState!);
  await page.goto(withStateOfC.href);
  await expect(page.locator("#upstream-failure")).toHaveAttribute("data-reason", "mismatch");
  expect(stack.rp.callbacks).toHaveLength(0);

  // The same held callback, untouched and in its own sign-in, signs in: the refusals above came from the tampering.
  const genuine = await heldCallback(page, stack, users.replay);
  await page.goto(genuine.href);
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
});

test("an ID token carrying another nonce than the one this sign-in sent is refused with a clear page", async ({ page, stack }) => {
  // The authorization request is changed on its way to the upstream: its nonce only. State and PKCE
  // still match, so the code is exchanged, and the ID token that comes back names the other nonce.
  let tampered = false;
  await page.route(
    (url) => url.pathname === "/login/upstream/start",
    async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      const location = new URL(answer.headers().location ?? "");
      expect(location.searchParams.get("nonce")).toBeTruthy();
      location.searchParams.set("nonce", "a-nonce-this-sign-in-never-sent");
      tampered = true;
      await route.fulfill({ response: answer, headers: { ...answer.headers(), location: location.href } });
    },
  );
  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, users.nonce);
  await expect(page).toHaveURL(/\/login\/upstream\/failed\?/);
  await expect(page.locator("#upstream-failure")).toHaveAttribute("data-reason", "mismatch");
  expect(tampered).toBe(true);
  expect(stack.rp.callbacks).toHaveLength(0);
});

test("an upstream whose metadata names another issuer is refused with a clear page", async ({ page, stack }) => {
  await page.goto(stack.rp.startUrl());
  await page.locator("#upstream-elsewhere").click();
  await expect(page).toHaveURL(/\/login\/upstream\/failed\?/);
  await expect(page.locator("#upstream-failure")).toHaveAttribute("data-reason", "mismatch");
  await page.locator("#reject").click();
  const result = await callbackResult(page, stack);
  expect(result.result === "error" && result.error).toBe("access_denied");
});

test("a client's allowed_upstreams and local_login: false limit what its login page offers", async ({ page, stack }) => {
  await page.goto(stack.rp.startUrl());
  await expect(page.locator("#upstream-corp")).toBeVisible();
  await expect(page.locator("#upstream-elsewhere")).toBeVisible();
  await expect(page.locator("#email")).toBeVisible();
  await expectNoAxeViolations(page, "the login page with upstreams");

  const restricted = await stack.addClient({ metadata: { allowed_upstreams: ["corp"], local_login: false } });
  await page.goto(stack.rp.startUrl({ client_id: restricted.client_id }));
  await expect(page.locator("#upstream-corp")).toBeVisible();
  await expect(page.locator("#upstream-elsewhere")).toHaveCount(0);
  await expect(page.locator("#email")).toHaveCount(0);
  await expectNoAxeViolations(page, "the login page with one upstream and no form");
  // A provider the client does not allow cannot be started by hand either.
  const challenge = new URL(page.url()).searchParams.get("login_challenge")!;
  const refused = await page.goto(`${stack.app.url}/login/upstream/start?login_challenge=${encodeURIComponent(challenge)}&provider=elsewhere`);
  expect(refused?.status()).toBe(400);
});

test("the upstream pages speak the five languages, right to left in Arabic", async ({ page, stack }) => {
  await continueWithCorp(page, stack);
  await page.locator("#reject").click();
  await expect(page).toHaveURL(/\/login\/upstream\/failed\?/);
  const failed = page.url();
  const titles = new Set<string>();
  for (const [lang, dir] of [["en", "ltr"], ["de", "ltr"], ["fr", "ltr"], ["es", "ltr"], ["ar", "rtl"]] as const) {
    await page.goto(`${failed}&lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    titles.add((await page.getByRole("heading", { level: 1 }).textContent()) ?? "");
    await page.goto(`${stack.rp.startUrl({ ui_locales: lang })}`);
    await expect(page.locator("#upstream-corp")).toContainText("Corp ID");
    titles.add((await page.locator("#upstream-corp").textContent()) ?? "");
  }
  expect(titles.size).toBe(10);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole upstream sign-in works", async ({ page, stack }) => {
    const result = await upstreamSignIn(page, stack, users.noScript);
    expect(result.result).toBe("success");
    expect(stack.rp.lastTokens!.id_token_claims!.amr).toContain("fed");
  });
});
