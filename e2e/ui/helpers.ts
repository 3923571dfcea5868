import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "../harness/fixtures";

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the issue asks the pages to meet. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Fails with axe's own summary (rule, impact, offending HTML) so a failure says what to fix. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.html).slice(0, 3),
  }));
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Presses Tab until the element matching `selector` has focus; fails if it is not reachable within `max` presses. */
export async function tabTo(page: Page, selector: string, max = 30) {
  for (let i = 0; i < max; i += 1) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${selector} could not be reached with the Tab key`);
}

/** A focused control must show a visible outline (WCAG 2.4.7). */
export async function expectVisibleFocus(page: Page, selector: string) {
  const outline = await page.locator(selector).evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style, `${selector} focus outline`).not.toBe("none");
  expect(outline.width, `${selector} focus outline width`).toBeGreaterThanOrEqual(2);
}
