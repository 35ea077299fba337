// What the browser tests of the console share about a page: where its screenshots go (for
// review, not committed), the uncaught exceptions and CSP refusals it shows (each fails the
// test that expects none), and waiting for a dialog to have faded in before axe measures it.
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

/**
 * Resolves once the open dialog and everything around it is fully opaque: axe measures the
 * contrast of half-transparent text during a fade-in as it is at that instant.
 */
export async function dialogShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dialog = document.querySelector('[role="dialog"]');
    if (!dialog) return false;
    for (let e: Element | null = dialog; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
    return true;
  });
}
