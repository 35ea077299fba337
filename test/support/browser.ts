// Headless Chromium for the browser tests, through playwright-core and the system's
// Chromium (no downloaded browser). Chromium's own calls home (updates, sync, QUIC probes)
// are switched off: this machine refuses them, and a test must not wait on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh browser profile (its own user-data-dir): no cookies or storage from another test.
 * `extraArgs` add Chromium switches (a fake camera, say).
 */
export async function launchBrowser(options: BrowserContextOptions = {}, extraArgs: string[] = []): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'comptoir-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
    viewport: { width: 1280, height: 860 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Uncaught exceptions and CSP refusals in the page, collected as they happen: a test expects none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) errors.push(`csp: ${message.text()}`);
  });
  return errors;
}
