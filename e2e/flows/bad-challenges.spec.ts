import { expect, test } from "../harness/fixtures";

const cases = [
  { path: "/login", status: 400, heading: "This link is not valid" },
  { path: "/login?login_challenge=", status: 400, heading: "This link is not valid" },
  { path: "/login?login_challenge=a&login_challenge=b", status: 400, heading: "This link is not valid" },
  { path: "/login?login_challenge=%3Cscript%3Ealert(1)%3C%2Fscript%3E", status: 400, heading: "This link is not valid" },
  { path: "/login?login_challenge=unknown-challenge", status: 404, heading: "This request is unknown" },
  { path: "/consent", status: 400, heading: "This link is not valid" },
  { path: "/consent?consent_challenge=unknown-challenge", status: 404, heading: "This request is unknown" },
  { path: "/logout", status: 400, heading: "This link is not valid" },
  { path: "/logout?logout_challenge=0b9f8a52-7a7e-4a0e-9d55-5f3a1a8e2c11", status: 404, heading: "This request is unknown" },
];

test.describe("missing, malformed and unknown challenges", () => {
  for (const { path, status, heading } of cases) {
    test(`${path} answers ${status} with a friendly page`, async ({ page, stack }) => {
      const response = await page.goto(`${stack.app.url}${path}`);
      expect(response?.status()).toBe(status);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      const body = (await response?.text()) ?? "";
      expect(body).not.toMatch(/\bat \S+ \(|Error: |node_modules/);
    });
  }

  test("Hydra's error page shows its error as text, never as HTML", async ({ page, stack }) => {
    const description = "<img src=x onerror=alert(1)> broken";
    await page.goto(`${stack.app.url}/error?error=invalid_client&error_description=${encodeURIComponent(description)}`);
    await expect(page.getByText(description)).toBeVisible();
    await expect(page.locator("img")).toHaveCount(0);
    await expect(page.getByText("invalid_client")).toBeVisible();
  });

  test("the pages work without JavaScript", async ({ browser, stack }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${stack.app.url}/login?login_challenge=unknown-challenge`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This request is unknown");
    await context.close();
  });
});
