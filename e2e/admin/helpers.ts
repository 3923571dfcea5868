import type { Page } from "@playwright/test";
import { signIn } from "../flows/helpers";
import { expect } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { newPerson, type Person } from "../account/helpers";

/** A new account with the admin role, granted through the users CLI as an operator would. */
export async function newAdmin(stack: Stack): Promise<Person> {
  const person = await newPerson(stack, "Console Admin");
  await stack.grantAdmin(person.email);
  return person;
}

/** Opens a console page at `origin` (the app's, or the console's own host); signs in at Hydra when asked. */
export async function openConsole(page: Page, stack: Stack, person: Person, path = "/admin", origin = stack.app.url) {
  await page.goto(`${origin}${path}`);
  if (new URL(page.url()).pathname === "/login") await signIn(page, stack, person);
  await page.waitForURL((url) => url.pathname === path.split("?")[0]);
  await expect(page.locator("h1")).toBeVisible();
}
