import { expect, test } from "../harness/fixtures";
import { newAdmin, openConsole } from "../admin/helpers";
import { newPerson, openAccount } from "./helpers";

test("the account page's and the console's language links show the same page in the chosen language", async ({ page, stack }) => {
  await openAccount(page, stack, await newPerson(stack));
  await page.goto(`${stack.app.url}/account/password`);
  const english = await page.getByRole("heading", { level: 1 }).textContent();
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Deutsch" }).click();
  await page.waitForURL((url) => url.pathname === "/account/password");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(english ?? "");
  await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "العربية" }).click();
  await page.waitForURL((url) => url.pathname === "/account/password");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  await page.context().clearCookies();
  await openConsole(page, stack, await newAdmin(stack), "/admin/clients");
  await page.getByRole("link", { name: "Français" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/clients");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});
