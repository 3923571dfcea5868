import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createClient, getClient } from "../harness/clients";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { expectNoAxeViolations } from "../ui/helpers";
import { newAdmin, openConsole } from "./helpers";

/** Whether Hydra takes this id and secret (client_secret_basic) at its token endpoint: a client_credentials grant. */
async function tokenFor(stack: Stack, clientId: string, secret: string): Promise<string | undefined> {
  const response = await fetch(`${stack.hydra.publicUrl}/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}` },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  const body = (await response.json()) as { access_token?: string };
  return response.ok ? body.access_token : undefined;
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test.describe("clients in the console", () => {
  test("a web app from its preset: the secret is shown once, the client is in Hydra as typed, and the change is in the audit log", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/clients");
    await expectNoAxeViolations(page, "clients list");
    await page.getByRole("link", { name: "Web app" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New client: Web app" })).toBeVisible();
    await expectNoAxeViolations(page, "client form");
    const name = `Console web ${randomBytes(3).toString("hex")}`;
    await field(page, "Name").fill(name);
    await field(page, "Redirect URIs").fill("https://app.example.com/callback");
    await page.getByRole("button", { name: "Create client" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Client created" })).toBeVisible();
    const clientId = (await page.locator("#client-id").textContent())!;
    const secret = (await page.locator("#client-secret").textContent())!;
    expect(secret.length).toBeGreaterThanOrEqual(26);
    expect(await getClient(stack.hydra.adminUrl, clientId)).toMatchObject({
      client_name: name,
      redirect_uris: ["https://app.example.com/callback"],
      grant_types: ["authorization_code", "refresh_token"],
      token_endpoint_auth_method: "client_secret_basic",
    });
    // The secret is in this answer only: the client's page does not have it.
    await page.getByRole("link", { name: "Go to the client" }).click();
    expect(await page.content()).not.toContain(secret);

    const exported = await (await page.request.get(`${stack.app.url}/admin/audit/export`)).text();
    expect(exported).toContain(`"action":"client.create"`);
    expect(exported).toContain(clientId);
    expect(exported).not.toContain(secret);
  });

  test("a refused form keeps everything typed and says what is wrong with each field", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/clients/new?preset=web");
    await field(page, "Name").fill("Keeps what I typed");
    await field(page, "Redirect URIs").fill("http://app.example.com/callback#frag");
    await field(page, "Client secret").fill("too short");
    await field(page, "Metadata (JSON object)").fill("{not json");
    const answer = page.waitForResponse((r) => r.url().endsWith("/admin/clients/new/submit"));
    await page.getByRole("button", { name: "Create client" }).click();
    expect((await answer).status()).toBe(422);
    await expect(page.getByRole("alert").first()).toContainText("3 fields need your attention");
    await expect(field(page, "Name")).toHaveValue("Keeps what I typed");
    await expect(field(page, "Redirect URIs")).toHaveValue("http://app.example.com/callback#frag");
    await expect(field(page, "Redirect URIs")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("A secret of your own needs at least 32 characters.")).toBeVisible();
    await expect(page.getByText("This is not valid JSON.")).toBeVisible();
    await expectNoAxeViolations(page, "refused client form");
  });

  test("more clients than a page holds: filtered by owner, page by page", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const owner = `paging-${randomBytes(3).toString("hex")}`;
    for (let n = 0; n < 27; n++) {
      await createClient(stack.hydra.adminUrl, { client_name: `Paged ${n}`, owner, grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_basic" });
    }
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/clients?owner=${owner}`);
    const rows = page.locator("table.admin-table tbody tr");
    await expect(rows).toHaveCount(25);
    await expect(page.getByRole("status")).toHaveText("1–25");
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole("status")).toHaveText("26–27");
    await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
    // Unfiltered, Hydra's total is right and shown.
    await page.goto(`${stack.app.url}/admin/clients`);
    await expect(page.getByRole("status")).toHaveText(/^1–25 of \d+$/);
  });

  test("edit, new secret, revoke its access tokens, and delete with the id typed", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const created = await createClient(stack.hydra.adminUrl, {
      client_name: "Machine",
      grant_types: ["client_credentials"],
      token_endpoint_auth_method: "client_secret_basic",
      client_secret: randomBytes(24).toString("hex"),
      authorization_code_grant_access_token_lifespan: "5m0s",
    });
    const id = created.client_id!;
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/clients/view?id=${id}`);
    await expectNoAxeViolations(page, "client page");

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await field(page, "Name").fill("Machine renamed");
    await field(page, "Owner").fill("team-a");
    await page.getByRole("button", { name: "Save client" }).click();
    await expect(page.getByRole("status")).toHaveText("The client is saved.");
    // A replacement keeps what the form does not show.
    expect(await getClient(stack.hydra.adminUrl, id)).toMatchObject({ client_name: "Machine renamed", owner: "team-a", authorization_code_grant_access_token_lifespan: "5m0s" });
    expect(await tokenFor(stack, id, created.client_secret!)).toBeTruthy();

    await page.getByRole("link", { name: "New secret" }).click();
    await page.getByRole("button", { name: "Make a new secret" }).click();
    const secret = (await page.locator("#client-secret").textContent())!;
    expect(await tokenFor(stack, id, created.client_secret!)).toBeUndefined();
    const token = await tokenFor(stack, id, secret);
    expect(token).toBeTruthy();
    expect((await stack.rp.introspect(token!)).active).toBe(true);

    await page.goto(`${stack.app.url}/admin/clients/view?id=${id}`);
    await page.getByRole("link", { name: "Revoke its access tokens" }).click();
    await page.getByRole("button", { name: "Revoke access tokens" }).click();
    await expect(page.getByRole("status")).toHaveText("Its access tokens are revoked.");
    expect((await stack.rp.introspect(token!)).active).toBe(false);

    await page.getByRole("link", { name: "Delete" }).click();
    await page.getByLabel("Type the client id to confirm").fill("not-the-id");
    await page.getByRole("button", { name: "Delete client" }).click();
    await expect(page.getByText("That is not this client's id.")).toBeVisible();
    expect(await getClient(stack.hydra.adminUrl, id)).toBeDefined();
    await page.getByLabel("Type the client id to confirm").fill(id);
    await page.getByRole("button", { name: "Delete client" }).click();
    await expect(page.getByRole("status").first()).toHaveText(`The client ${id} is deleted.`);
    expect(await getClient(stack.hydra.adminUrl, id)).toBeUndefined();

    const actions = (await (await page.request.get(`${stack.app.url}/admin/audit/export`)).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; target: { id: string } })
      .filter((entry) => entry.target.id === id)
      .map((entry) => entry.action);
    expect(actions).toEqual(["client.update", "client.rotate_secret", "client.revoke_access_tokens", "client.delete"]);
  });

  test("a client that does not exist is a 404 page", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin);
    for (const path of ["/admin/clients/view?id=nope", "/admin/clients/edit?id=nope", "/admin/clients/delete?id=nope", "/admin/clients/unknown-action?id=x"]) {
      expect((await page.goto(`${stack.app.url}${path}`))!.status(), path).toBe(404);
    }
  });
});
