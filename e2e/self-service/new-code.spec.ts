import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult } from "../flows/helpers";
import { expectNoAxeViolations } from "../ui/helpers";
import { codeIn, expectCheckEmail, fillRegistration, linkIn, messageText, switchLanguage, uniqueEmail } from "./helpers";

test.use({ stackOptions: { appEnv: { ALLOW_REGISTRATION: "on" } } });

test.describe("a new code on the verification page", () => {
  test("the new code works in the same OAuth flow; the earlier e-mail's code and link are refused", async ({ page, stack }) => {
    const email = uniqueEmail("new-code");
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    const challenge = new URL(page.url()).searchParams.get("login_challenge");
    await page.getByRole("link", { name: "Create an account" }).click();
    await fillRegistration(page, email);
    await expectCheckEmail(page);
    const first = await stack.mail.waitFor(email);

    await expect(page.getByRole("heading", { name: "Didn't get the e-mail?" })).toBeVisible();
    await page.getByRole("button", { name: "Send a new code" }).click();
    await expect(page.getByRole("status")).toHaveText(messageText("en", "selfService.checkEmail.resent"));
    expect(new URL(page.url()).pathname).toBe("/verify");
    expect(new URL(page.url()).searchParams.get("login_challenge")).toBe(challenge);
    await expectNoAxeViolations(page, "verification page after a new code");
    const second = await stack.mail.waitFor(email, { since: first.at + 1 });
    expect(second.subject).toContain("Confirm your e-mail address");
    expect(codeIn(second)).not.toBe(codeIn(first));

    await page.getByLabel("Code from the e-mail").fill(codeIn(first));
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText("That code is not right or no longer valid.");
    const oldLink = await page.request.get(linkIn(first, "/verify"));
    expect(oldLink.status()).toBe(410);

    await page.getByLabel("Code from the e-mail").fill(codeIn(second));
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    expect(stack.rp.lastTokens?.id_token_claims).toMatchObject({ email, email_verified: true });
  });

  test("new codes are limited per address: the page says so with 429, and the newest code still works", async ({ page, stack }) => {
    const email = uniqueEmail("new-code-limit");
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await page.getByRole("link", { name: "Create an account" }).click();
    await fillRegistration(page, email);
    await stack.mail.waitFor(email);
    // The sign-up's e-mail and two new ones: three an hour to one address.
    for (const count of [2, 3]) {
      await page.getByRole("button", { name: "Send a new code" }).click();
      await expect(page.getByRole("status")).toBeVisible();
      await expect.poll(() => stack.mail.to(email).length).toBe(count);
    }
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/verify/resend")),
      page.getByRole("button", { name: "Send a new code" }).click(),
    ]);
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(page.getByRole("alert")).toHaveText(/^You asked for too many messages to this address\. Wait \d+ minutes? and try again, or use the code from the newest message\.$/);
    await expectNoAxeViolations(page, "new code refused");
    await page.waitForTimeout(500);
    expect(stack.mail.to(email)).toHaveLength(3);

    // Its language links lead to the verification page of the same flow, which a GET can show.
    expect(await switchLanguage(page, "de")).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messageText("de", "selfService.checkEmail.title"));

    const newest = stack.mail.to(email).at(-1)!;
    await page.locator("#code").fill(codeIn(newest));
    await page.locator('form[action="/verify/submit"] button').click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messageText("de", "consent.title"));
  });

  test("a taken address gets the same page for a new code, and an e-mail saying it has an account", async ({ page, stack }) => {
    const answers: string[] = [];
    for (const email of [uniqueEmail("new-code-fresh"), stack.user.email]) {
      const since = Date.now();
      await page.goto(`${stack.app.url}/register`);
      await fillRegistration(page, email);
      await stack.mail.waitFor(email, { since });
      await page.getByRole("button", { name: "Send a new code" }).click();
      await expect(page.getByRole("status")).toBeVisible();
      answers.push(`${new URL(page.url()).search} ${await page.locator("main").innerText()}`);
      await expect.poll(() => stack.mail.to(email).filter((m) => m.at >= since).length).toBe(2);
    }
    expect(answers[1]).toBe(answers[0]);
    const latest = stack.mail.to(stack.user.email).at(-1)!;
    expect(latest.text).toContain("you already have one");
    expect(latest.text).not.toMatch(/token=/);
  });
});
