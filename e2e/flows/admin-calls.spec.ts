// How often each hop of a flow asks Hydra's admin API. The flows are driven by a plain
// HTTP client, not the browser, so that every request the app answers (a page GET or a
// form POST: a "hop") can be counted on its own; requests to the RP and to Hydra's public
// port in between are followed without counting.
import { request } from "undici";
import { CookieJar } from "../../bench/cookies";
import { fillForm } from "../../bench/flows";
import type { AdminCall } from "../harness/admin-counter";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";

test.use({ stackOptions: { countAdminCalls: true } });

const admin = "/admin/oauth2/auth/requests";
const scope = "openid email";

interface Answer {
  url: URL;
  status: number;
  location: URL | undefined;
  body: string;
}

/** The most calls a hop may make, and the one call it cannot do without. */
interface Limit {
  atMost: number;
  includes: string;
}

interface Hop {
  name: string;
  started: number;
  calls: AdminCall[];
}

/** A browser reduced to a cookie jar and redirects followed by hand. */
class Browser {
  private readonly jar = new CookieJar();

  /** GET `url`, or POST `form` to it from a page of `origin` (the Origin header a browser sends with a form). */
  async send(url: URL, post?: { form: URLSearchParams; origin: string }): Promise<Answer> {
    const headers: Record<string, string> = {};
    const cookie = this.jar.header(url.pathname);
    if (cookie) headers.cookie = cookie;
    if (post) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers.origin = post.origin;
    }
    const response = await request(url, { method: post ? "POST" : "GET", headers, body: post?.form.toString() });
    this.jar.store(response.headers["set-cookie"], url.pathname);
    // Read to the end: once the whole answer is in, the app has made every call of this hop.
    const body = await response.body.text();
    const location = [response.headers.location].flat()[0];
    return { url, status: response.statusCode, location: location ? new URL(location, url) : undefined, body };
  }
}

/** One flow through the app, hop by hop, with the admin calls of each hop. */
class Flow {
  readonly hops: Hop[] = [];

  constructor(
    readonly stack: Stack,
    readonly browser: Browser,
  ) {}

  /** Follows redirects through the RP and Hydra's public port up to the next request for the app. */
  async toApp(from: URL | string): Promise<URL> {
    const end = await this.follow(new URL(from));
    if (end instanceof URL) return end;
    throw new Error(`expected the flow to reach the app, it ended at ${end.url.href} (${end.status}): ${end.body.slice(0, 300)}`);
  }

  /** Follows redirects to the answer the flow ends with (the RP's callback or logged-out page). */
  async toEnd(from: URL): Promise<Answer> {
    const end = await this.follow(from);
    if (end instanceof URL) throw new Error(`expected the flow to leave the app, it came back to ${end.href}`);
    return end;
  }

  /** GET of one of the app's pages. */
  open(name: string, url: URL, limit?: Limit): Promise<Answer> {
    return this.hop(name, limit, () => this.browser.send(url));
  }

  /** POST of a page's form, as a person would fill it in and press accept or reject. */
  submit(name: string, page: Answer, choice: { action: "accept" | "reject"; remember?: boolean }, limit?: Limit): Promise<Answer> {
    expect(page.status, `${name}: the page before it answered ${page.status}: ${page.body.slice(0, 300)}`).toBe(200);
    const form = fillForm(page.body, { ...this.stack.user, remember: choice.remember ?? false });
    if (!form) throw new Error(`${name}: no form on ${page.url.pathname}`);
    expect(form.fields.get("challenge"), `${name}: hidden challenge`).toBeTruthy();
    expect(form.fields.get("csrf"), `${name}: hidden csrf`).toBeTruthy();
    form.fields.set("action", choice.action);
    return this.hop(name, limit, () => this.browser.send(new URL(form.action, page.url), { form: form.fields, origin: page.url.origin }));
  }

  total(): number {
    return this.hops.reduce((sum, hop) => sum + hop.calls.length, 0);
  }

  report(): string {
    return this.hops.map((hop) => `${hop.name}: ${hop.calls.length}\n${listCalls(hop)}`).join("\n");
  }

  private async follow(from: URL): Promise<URL | Answer> {
    const app = new URL(this.stack.app.url).origin;
    let url = from;
    for (let redirects = 0; redirects < 10; redirects++) {
      if (url.origin === app) return url;
      const answer = await this.browser.send(url);
      if (!answer.location) return answer;
      url = answer.location;
    }
    throw new Error(`more than 10 redirects from ${from.href}`);
  }

  private async hop(name: string, limit: Limit | undefined, send: () => Promise<Answer>): Promise<Answer> {
    const counter = this.stack.adminCalls!;
    counter.reset();
    const started = Date.now();
    const answer = await send();
    const hop = { name, started, calls: counter.calls() };
    this.hops.push(hop);
    if (limit) {
      const calls = hop.calls.map(describeCall);
      expect(calls, `${name} never called ${limit.includes}:\n${listCalls(hop)}`).toContain(limit.includes);
      expect
        .soft(hop.calls.length, `${name} asked Hydra's admin API ${hop.calls.length} times, at most ${limit.atMost} allowed:\n${listCalls(hop)}`)
        .toBeLessThanOrEqual(limit.atMost);
    }
    return answer;
  }
}

function describeCall(call: AdminCall): string {
  return `${call.method} ${call.path}`;
}

function listCalls(hop: Hop): string {
  return hop.calls.map((call) => `  ${describeCall(call)} (+${call.at - hop.started} ms)`).join("\n");
}

/** Where a hop sent the browser; a page or an error instead fails the test. */
function redirectOf(answer: Answer): URL {
  const what = `${answer.url.pathname} answered ${answer.status} ${answer.location?.href ?? answer.body.slice(0, 300)}`;
  expect(answer.status >= 300 && answer.status < 400 && answer.location !== undefined, what).toBe(true);
  return answer.location!;
}

function callbackOf(answer: Answer, stack: Stack): Record<string, unknown> {
  expect(answer.url.href.startsWith(stack.rp.redirectUri), `the flow ended at ${answer.url.href}`).toBe(true);
  return JSON.parse(answer.body) as Record<string, unknown>;
}

const firstSignIn = {
  loginPage: { atMost: 1, includes: `GET ${admin}/login` },
  loginForm: { atMost: 2, includes: `PUT ${admin}/login/accept` },
  // The consent page may also list earlier grants (GET /admin/oauth2/auth/sessions/consent).
  consentPage: { atMost: 2, includes: `GET ${admin}/consent` },
  consentForm: { atMost: 2, includes: `PUT ${admin}/consent/accept` },
  whole: 7,
} as const;

/** From the RP's /start through both forms, accepted, to the RP's callback. `limits` are checked when given. */
async function signIn(flow: Flow, options: { clientId?: string; remember?: boolean; limits?: typeof firstSignIn } = {}) {
  const { remember, limits } = options;
  const start = flow.stack.rp.startUrl({ scope, client_id: options.clientId });
  const loginPage = await flow.open("login page GET", await flow.toApp(start), limits?.loginPage);
  const loginForm = await flow.submit("login form POST (accept)", loginPage, { action: "accept", remember }, limits?.loginForm);
  const consentPage = await flow.open("consent page GET", await flow.toApp(redirectOf(loginForm)), limits?.consentPage);
  const consentForm = await flow.submit("consent form POST (accept)", consentPage, { action: "accept", remember }, limits?.consentForm);
  return flow.toEnd(redirectOf(consentForm));
}

test.describe("calls to Hydra's admin API per hop", () => {
  test("a first sign-in asks Hydra's admin API at most 7 times: one lookup per shown page, a lookup and an answer per form", async ({
    stack,
  }) => {
    const flow = new Flow(stack, new Browser());
    const end = await signIn(flow, { limits: firstSignIn });

    expect(end.url.searchParams.get("code"), "an authorization code at the RP's redirect URI").toBeTruthy();
    expect(callbackOf(end, stack)).toMatchObject({ result: "success", access_token: expect.any(String) });
    expect.soft(flow.total(), `the whole flow, hop by hop:\n${flow.report()}`).toBeLessThanOrEqual(firstSignIn.whole);
  });

  test("a remembered sign-in asks Hydra's admin API 4 times and shows no page: a lookup and an accept for login and for consent", async ({
    stack,
  }) => {
    // Its own client: Hydra looks remembered consent up by client and subject, not by browser
    // (FindGrantedAndRememberedConsentRequests in consent/strategy_default.go), so a remembered
    // grant for the default client would skip the consent page of the other tests.
    const client = await stack.addClient();
    const browser = new Browser();
    const first = await signIn(new Flow(stack, browser), { clientId: client.client_id, remember: true });
    expect(callbackOf(first, stack)).toMatchObject({ result: "success" });

    const flow = new Flow(stack, browser);
    const login = await flow.open(
      "login GET (remembered)",
      await flow.toApp(stack.rp.startUrl({ scope, client_id: client.client_id })),
      { atMost: 2, includes: `PUT ${admin}/login/accept` },
    );
    const consent = await flow.open("consent GET (remembered)", await flow.toApp(redirectOf(login)), {
      atMost: 2,
      includes: `PUT ${admin}/consent/accept`,
    });
    const end = await flow.toEnd(redirectOf(consent));

    expect(callbackOf(end, stack)).toMatchObject({ result: "success", access_token: expect.any(String) });
    expect.soft(flow.total(), `the whole flow, hop by hop:\n${flow.report()}`).toBeLessThanOrEqual(4);
  });

  test("rejecting the login form asks Hydra's admin API at most twice", async ({ stack }) => {
    const flow = new Flow(stack, new Browser());
    const loginPage = await flow.open("login page GET", await flow.toApp(stack.rp.startUrl({ scope })));
    const rejected = await flow.submit("login form POST (reject)", loginPage, { action: "reject" }, {
      atMost: 2,
      includes: `PUT ${admin}/login/reject`,
    });
    const end = await flow.toEnd(redirectOf(rejected));

    expect(callbackOf(end, stack)).toMatchObject({ result: "error", error: "access_denied" });
  });

  test("rejecting the consent form asks Hydra's admin API at most twice", async ({ stack }) => {
    const flow = new Flow(stack, new Browser());
    const loginPage = await flow.open("login page GET", await flow.toApp(stack.rp.startUrl({ scope })));
    const loginForm = await flow.submit("login form POST (accept)", loginPage, { action: "accept" });
    const consentPage = await flow.open("consent page GET", await flow.toApp(redirectOf(loginForm)));
    const rejected = await flow.submit("consent form POST (reject)", consentPage, { action: "reject" }, {
      atMost: 2,
      includes: `PUT ${admin}/consent/reject`,
    });
    const end = await flow.toEnd(redirectOf(rejected));

    expect(callbackOf(end, stack)).toMatchObject({ result: "error", error: "access_denied" });
  });

  test("RP-initiated logout asks Hydra's admin API once for the page and at most twice for the answer", async ({ stack }) => {
    // Remember ticked so Hydra keeps a login session for the logout to end; its own client for the reason above.
    const client = await stack.addClient();
    const browser = new Browser();
    const first = await signIn(new Flow(stack, browser), { clientId: client.client_id, remember: true });
    expect(callbackOf(first, stack)).toMatchObject({ result: "success" });

    const flow = new Flow(stack, browser);
    const logoutPage = await flow.open("logout page GET", await flow.toApp(stack.rp.logoutUrl({ state: "count-calls" })), {
      atMost: 1,
      includes: `GET ${admin}/logout`,
    });
    const accepted = await flow.submit("logout form POST (accept)", logoutPage, { action: "accept" }, {
      atMost: 2,
      includes: `PUT ${admin}/logout/accept`,
    });
    const end = await flow.toEnd(redirectOf(accepted));

    expect(end.url.href.startsWith(stack.rp.postLogoutRedirectUri), `the flow ended at ${end.url.href}`).toBe(true);
    expect(JSON.parse(end.body)).toMatchObject({ result: "logged-out", state: "count-calls" });
  });
});
