import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from "jose";
import { createClient, type OAuth2Client } from "../harness/clients";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { expectNoAxeViolations } from "../ui/helpers";
import { newAdmin, openConsole } from "./helpers";

const jwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";

type Issuer = { issuer: string; subject: string; kid: string; privateKey: CryptoKey; publicJwk: JWK; privateJwk: JWK };

/** An issuer of our own: an EC key pair with a kid, and the iss and sub its assertions carry. */
async function newIssuer(): Promise<Issuer> {
  const tag = randomBytes(5).toString("hex");
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `key-${tag}`;
  return {
    issuer: `https://issuer-${tag}.example.com`,
    subject: `service-${tag}`,
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" },
  };
}

/** A client allowed the jwt-bearer grant, authenticating with its secret in the Authorization header. */
function newGrantClient(stack: Stack): Promise<OAuth2Client> {
  return createClient(stack.hydra.adminUrl, {
    client_secret: randomBytes(24).toString("base64url"),
    grant_types: [jwtBearer],
    response_types: ["token"],
    scope: "read write",
    token_endpoint_auth_method: "client_secret_basic",
  });
}

/**
 * RFC 7523 §2.1 at Hydra's public token endpoint: an assertion signed with the issuer's key,
 * with what fosite's rfc7523 handler insists on (iss, sub, aud = the token URL, exp, iat, jti).
 */
async function jwtGrant(stack: Stack, client: OAuth2Client, issuer: Issuer, scope = "read") {
  const tokenUrl = `${stack.hydra.publicUrl}/oauth2/token`;
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: issuer.kid })
    .setIssuer(issuer.issuer)
    .setSubject(issuer.subject)
    .setAudience(tokenUrl)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomUUID())
    .sign(issuer.privateKey);
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret!)}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: jwtBearer, assertion, scope }),
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; scope?: string; error?: string } };
}

/** In 30 days, as the form's datetime-local field takes it (UTC). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

async function fillTrustForm(page: Page, issuer: Issuer, options: { jwk?: string; expires?: string } = {}) {
  await page.getByLabel("Issuer", { exact: true }).fill(issuer.issuer);
  await page.getByLabel("Subject (sub)").fill(issuer.subject);
  await page.getByLabel("Scopes").fill("read");
  await page.getByLabel("Expires (UTC)").fill(options.expires ?? inDays(30));
  if (options.jwk !== undefined) await page.getByLabel("Public key as JWK (paste)").fill(options.jwk);
}

test.describe("trusted JWT issuers in the console", () => {
  test("an issuer trusted through the console gets access tokens for its JWTs, and none once the trust is deleted", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const issuer = await newIssuer();
    const client = await newGrantClient(stack);
    const before = await jwtGrant(stack, client, issuer);
    expect(before.status).toBe(400);
    expect(before.body.error).toBe("invalid_grant");

    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/issuers");
    await page.getByRole("link", { name: "Trust a new issuer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Trust a new issuer" })).toBeVisible();
    await fillTrustForm(page, issuer, { jwk: JSON.stringify(issuer.publicJwk) });
    await page.getByRole("button", { name: "Trust this issuer" }).click();

    await page.waitForURL((url) => url.pathname === "/admin/issuers/view");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Trusted issuer ${issuer.issuer}`);
    const facts = page.locator("dl.facts");
    await expect(facts).toContainText(issuer.subject);
    await expect(facts).toContainText(issuer.kid);
    await expect(facts).toContainText("ES256");

    const granted = await jwtGrant(stack, client, issuer);
    expect(granted.status).toBe(200);
    expect(granted.body.scope).toBe("read");
    const token = await stack.rp.introspect(granted.body.access_token!);
    expect(token).toMatchObject({ active: true, sub: issuer.subject, client_id: client.client_id });
    // The trust is for "read" only: fosite refuses a scope it does not list (rfc7523 HandleTokenEndpointRequest).
    expect((await jwtGrant(stack, client, issuer, "write")).body.error).toBe("invalid_scope");

    await page.goto(`${stack.app.url}/admin/issuers?${new URLSearchParams({ issuer: issuer.issuer })}`);
    const row = page.getByRole("row").filter({ hasText: issuer.issuer });
    await expect(row).toContainText(issuer.subject);
    await expect(row).toContainText(issuer.kid);
    await row.getByRole("link", { name: issuer.issuer }).click();
    await page.getByRole("link", { name: "Delete this trust" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Delete the trust in ${issuer.issuer}?`);
    await page.getByRole("button", { name: "Delete trust" }).click();

    await page.waitForURL((url) => url.pathname === "/admin/issuers");
    await expect(page.getByRole("status").first()).toHaveText("The trust is deleted: Hydra no longer accepts this issuer's JWTs for it.");
    await expect(page.getByRole("row").filter({ hasText: issuer.issuer })).toHaveCount(0);
    const after = await jwtGrant(stack, client, issuer);
    expect(after.status).toBe(400);
    expect(after.body.error).toBe("invalid_grant");

    await page.goto(`${stack.app.url}/admin/audit`);
    const trusted = page.getByRole("row").filter({ hasText: "issuer.trust" }).first();
    await expect(trusted).toContainText(admin.email);
    await expect(trusted).toContainText(issuer.kid);
    await expect(trusted).not.toContainText(String(issuer.publicJwk.x));
    await expect(page.getByRole("row").filter({ hasText: "issuer.delete" }).first()).toContainText(admin.email);
  });

  test("a pasted private key and an expiry in the past are refused, with everything else kept", async ({ page, stack }) => {
    const issuer = await newIssuer();
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/issuers/new");

    await fillTrustForm(page, issuer, { jwk: JSON.stringify(issuer.privateJwk) });
    await page.getByRole("button", { name: "Trust this issuer" }).click();
    await expect(page.getByRole("alert")).toHaveText("1 field needs your attention.");
    await expect(page.getByText("This is a private key. Never share it: give the issuer's public key only.")).toBeVisible();
    await expect(page.getByLabel("Public key as JWK (paste)")).toHaveValue("");
    await expect(page.getByLabel("Issuer", { exact: true })).toHaveValue(issuer.issuer);
    await expect(page.getByLabel("Subject (sub)")).toHaveValue(issuer.subject);
    await expect(page.getByLabel("Scopes")).toHaveValue("read");
    expect(await page.content()).not.toContain(String(issuer.privateJwk.d));

    await fillTrustForm(page, issuer, { jwk: JSON.stringify(issuer.publicJwk), expires: "2020-01-01T00:00" });
    await page.getByRole("button", { name: "Trust this issuer" }).click();
    await expect(page.getByText("This time has passed: the trust must end in the future (UTC).")).toBeVisible();
    await expect(page.getByLabel("Expires (UTC)")).toHaveValue("2020-01-01T00:00");
    await expect(page.getByLabel("Public key as JWK (paste)")).toHaveValue(JSON.stringify(issuer.publicJwk));

    const listed = await fetch(`${stack.hydra.adminUrl}/admin/trust/grants/jwt-bearer/issuers?${new URLSearchParams({ issuer: issuer.issuer })}`);
    expect(await listed.json()).toEqual([]);
  });

  test("a key uploaded as a file is trusted for any subject, and the same issuer and kid again is refused in Hydra's words", async ({ page, stack }) => {
    const issuer = await newIssuer();
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/issuers/new");
    const upload = async () => {
      await page.getByLabel("Issuer", { exact: true }).fill(issuer.issuer);
      await page.getByLabel("Allow any subject").check();
      await page.getByLabel("Expires (UTC)").fill(inDays(7));
      await page.getByLabel("Or upload a JWK file").setInputFiles({ name: "issuer.jwk.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ keys: [issuer.publicJwk] })) });
      await page.getByRole("button", { name: "Trust this issuer" }).click();
    };
    await upload();
    await page.waitForURL((url) => url.pathname === "/admin/issuers/view");
    await expect(page.locator("dl.facts")).toContainText("Any subject");
    await expect(page.locator("dl.facts")).toContainText(issuer.kid);

    // Any subject: an assertion for someone else is honoured too.
    const client = await newGrantClient(stack);
    const anyone = await jwtGrant(stack, client, { ...issuer, subject: "someone-else" }, "");
    expect(anyone.status).toBe(200);

    await page.goto(`${stack.app.url}/admin/issuers/new`);
    await upload();
    await expect(page.getByRole("alert")).toContainText("Hydra refused this: Unable to insert or update resource because a resource with that value exists already");
    await expect(page.getByLabel("Issuer", { exact: true })).toHaveValue(issuer.issuer);
    await expect(page.getByLabel("Allow any subject")).toBeChecked();
    await expect(page.getByLabel("Public key as JWK (paste)")).toHaveValue(JSON.stringify({ keys: [issuer.publicJwk] }));
  });

  test("trusts of one issuer under one kid share a key: the pages say so, and deleting one deletes the other too", async ({ page, stack }) => {
    const issuer = await newIssuer();
    // Made at Hydra directly: the console would show the same, and the point is Hydra's storage (persister_grant_jwk.go).
    const trust = async (subject: string) => {
      const response = await fetch(`${stack.hydra.adminUrl}/admin/trust/grants/jwt-bearer/issuers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ issuer: issuer.issuer, subject, scope: ["read"], expires_at: new Date(Date.now() + 86_400_000).toISOString(), jwk: issuer.publicJwk }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const first = await trust(issuer.subject);
    await trust("second-subject");
    const client = await newGrantClient(stack);
    expect((await jwtGrant(stack, client, { ...issuer, subject: "second-subject" })).status).toBe(200);

    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/issuers/view?id=${first}`);
    await expect(page.getByText("1 other trust of this issuer uses the same kid.", { exact: false })).toBeVisible();
    await expect(page.locator("dl.facts")).toContainText("Not known: Hydra does not return the key");
    await page.getByRole("link", { name: "Delete this trust" }).click();
    await expect(page.getByText("1 other trust of this issuer shares this kid. Hydra deletes the key, and with it these trusts too:", { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: "second-subject" })).toBeVisible();
    await page.getByRole("button", { name: "Delete trust" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/issuers");

    // The trust table's foreign key on the key cascades (Hydra's migration 20211226155900000000_grant_jwk_bearer).
    await page.goto(`${stack.app.url}/admin/issuers?${new URLSearchParams({ issuer: issuer.issuer })}`);
    await expect(page.getByRole("status")).toHaveText("Nothing here.");
    await page.goto(`${stack.app.url}/admin/audit`);
    await expect(page.getByRole("row").filter({ hasText: "issuer.delete" }).filter({ hasText: "second-subject" })).toHaveCount(1);
    const orphaned = await jwtGrant(stack, client, { ...issuer, subject: "second-subject" });
    expect(orphaned.status).toBe(400);
    expect(orphaned.body.error).toBe("invalid_grant");
  });

  test("an unknown or malformed id shows that there is no such trust", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/issuers/view?id=${randomUUID()}`);
    await expect(page.getByText("There is no trust with this id.")).toBeVisible();
    await page.goto(`${stack.app.url}/admin/issuers/view?id=%3Cscript%3E`);
    await expect(page.getByText("There is no trust with this id.")).toBeVisible();
    await page.goto(`${stack.app.url}/admin/issuers?page_token=%3Cx%3E&issuer=`);
    await expect(page.getByRole("heading", { level: 1, name: "Trusted JWT issuers" })).toBeVisible();
  });

  test("the list and the form pass axe", async ({ page, stack }) => {
    const issuer = await newIssuer();
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/issuers");
    await expectNoAxeViolations(page, "/admin/issuers");
    await page.goto(`${stack.app.url}/admin/issuers/new`);
    await expectNoAxeViolations(page, "/admin/issuers/new");
    await fillTrustForm(page, issuer, { jwk: "{}", expires: "2020-01-01T00:00" });
    await page.getByRole("button", { name: "Trust this issuer" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, "/admin/issuers/new refused");
  });
});
