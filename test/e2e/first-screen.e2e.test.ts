// What the console weighs when it opens, as a browser downloads it: the sign-in page for someone
// arriving, and the inbox for an agent who is already signed in, each in a fresh profile (no
// cache). Counted from the browser's own resource timings (the bytes that came over the wire,
// compressed as the server sends them), the API's answers left out. The console is split per
// screen so that each first screen, its JavaScript and its style sheets with the page, stays
// under 300 KB (issue 5): Mantine's style sheets come per component, with the chunks that use
// them (web/build/mantine-styles.ts), not in one sheet for every screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

const BUDGET = 300 * 1024;

let server: E2eServer;
const browsers: TestBrowser[] = [];

beforeAll(async () => {
  server = await startE2eServer();
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

async function freshPage(): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  browser.context.setDefaultTimeout(15_000);
  return browser.context.newPage();
}

interface Shipped {
  /** The JavaScript, compressed as sent. */
  script: number;
  scriptFiles: number;
  /** Everything: the page, the scripts, the style sheets. */
  total: number;
  uncompressed: number;
}

/** Bytes of the document and of the app's files (scripts, styles) the page fetched. */
async function shippedBytes(page: Page): Promise<Shipped> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const assets = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => new URL(r.name).pathname.startsWith('/assets/'));
    const scripts = assets.filter((r) => r.name.endsWith('.js'));
    const sum = (list: PerformanceResourceTiming[], size: (r: PerformanceResourceTiming) => number) => list.reduce((n, r) => n + size(r), 0);
    return {
      script: sum(scripts, (r) => r.encodedBodySize),
      scriptFiles: scripts.length,
      total: nav.encodedBodySize + sum(assets, (r) => r.encodedBodySize),
      uncompressed: nav.decodedBodySize + sum(assets, (r) => r.decodedBodySize),
    };
  });
}

function report(screen: string, s: Shipped): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`[first screen] ${screen}: JavaScript ${kb(s.script)} in ${s.scriptFiles} files; with the page and styles ${kb(s.total)} (${kb(s.uncompressed)} uncompressed)`);
}

describe('the first screen', () => {
  it('for someone arriving: the sign-in page, under 300 KB', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/cases`);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    const shipped = await shippedBytes(page);
    report('sign-in page', shipped);
    // Compressed on the wire: far less than the code itself.
    expect(shipped.total).toBeLessThan(shipped.uncompressed / 2);
    expect(shipped.script).toBeLessThan(BUDGET);
    expect(shipped.total).toBeLessThan(BUDGET);
  });

  it('for an agent signed in: the inbox with its cases, under 300 KB', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: server.agent.email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie().map((header) => {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      return { name: name!.trim(), value: value.join('='), url: server.url };
    });
    expect(cookies.length).toBeGreaterThan(0);
    const page = await freshPage();
    await page.context().addCookies(cookies);
    await page.goto(`${server.url}/cases`);
    await page.locator('main tbody tr').first().waitFor();
    const shipped = await shippedBytes(page);
    report('inbox, signed in', shipped);
    expect(shipped.script).toBeLessThan(BUDGET);
    expect(shipped.total).toBeLessThan(BUDGET);
  });
});
