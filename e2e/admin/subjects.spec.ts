import { connectApp, newPerson } from "../account/helpers";
import { expect, test } from "../harness/fixtures";
import { newAdmin, openConsole } from "./helpers";

test.describe("a subject in the console", () => {
  test("found by email: revoking one client's access ends its tokens, revoking a login session tells the app, and both are in the audit log", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack, "Looked Up");
    const personContext = await browser.newContext();
    const tokens = await connectApp(await personContext.newPage(), stack, person, stack.client.client_id);
    const sid = tokens.id_token_claims?.sid as string;
    expect((await stack.rp.introspect(tokens.access_token!)).active).toBe(true);

    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/subjects");
    await page.getByLabel("Email address or subject id").fill(person.email);
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.getByRole("heading", { level: 2, name: person.email })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: stack.client.client_id });
    await expect(row).toContainText("openid");

    await row.getByRole("button", { name: /Revoke access of/ }).click();
    await expect(page.getByRole("status")).toHaveText("Access revoked for that client.");
    await expect(page.getByText("No consent sessions.")).toBeVisible();
    expect((await stack.rp.introspect(tokens.access_token!)).active).toBe(false);

    // The login session ids come from the consent sessions, which are gone: this one ends by
    // subject (the next test ends one by its id).
    stack.rp.reset();
    await page.getByRole("button", { name: "Revoke every login session" }).click();
    await expect(page.getByRole("status")).toHaveText("Every login session of this subject is revoked.");
    await personContext.close();

    await page.goto(`${stack.app.url}/admin/audit`);
    const entries = page.getByRole("row");
    await expect(entries.filter({ hasText: "consent_sessions.revoke" }).first()).toContainText(admin.email);
    await expect(entries.filter({ hasText: "login_sessions.revoke_all" }).first()).toBeVisible();
    expect(sid).toBeTruthy();
  });

  test("a login session revoked by its id sends the app a back-channel logout", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    const personContext = await browser.newContext();
    const tokens = await connectApp(await personContext.newPage(), stack, person, stack.client.client_id);
    const sid = tokens.id_token_claims?.sid as string;
    stack.rp.reset();

    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/subjects?q=${encodeURIComponent(person.email)}`);
    await page.getByRole("listitem").filter({ hasText: sid }).getByRole("button", { name: "Revoke this session" }).click();
    await expect(page.getByRole("status")).toHaveText("The login session is revoked.");
    await expect.poll(() => stack.rp.backchannelTokens.map((token) => token.claims?.sid)).toContain(sid);
    await personContext.close();
  });

  test("the audit log downloads as JSON lines, oldest first, with who did what and no secret", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/subjects?q=nobody-here");
    await page.getByRole("button", { name: "Revoke every login session" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    const answer = await page.request.get(`${stack.app.url}/admin/audit/export`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("application/x-ndjson");
    expect(answer.headers()["content-disposition"]).toContain("audit-log.jsonl");
    const lines = (await answer.text()).trim().split("\n").map((line) => JSON.parse(line) as { seq: number; action: string; actor: { email: string }; target: { id: string } });
    expect(lines.map((line) => line.seq)).toEqual([...lines.map((line) => line.seq)].sort((a, b) => a - b));
    expect(lines.at(-1)).toMatchObject({ action: "login_sessions.revoke_all", actor: { email: admin.email }, target: { id: "nobody-here" } });
  });
});
