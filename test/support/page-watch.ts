// What the browser tests of the console share about a page: where its screenshots go (for
// review, not committed), and the uncaught exceptions and CSP refusals it shows, each of
// which fails the test that expects none.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const screenshotsDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** The page, whole, as test/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: `${screenshotsDir}${name}.png`, fullPage: true });
}

/** Collects the page's uncaught exceptions and Content-Security-Policy refusals from now on. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) errors.push(`csp: ${message.text()}`);
  });
  return errors;
}
