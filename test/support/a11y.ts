// Accessibility checks in the browser tests: axe-core run on the page as it is shown.
// The server's CSP allows only same-origin scripts (no inline ones), and the tests keep it
// on to prove the app lives with it; so axe.min.js is added as a script tag whose
// same-origin URL the browser context answers from node_modules.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_URL_PATH = '/__e2e__/axe.min.js';

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Violations of impact `serious` or `critical` (WCAG 2.x A/AA and best practices). */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const url = new URL(AXE_URL_PATH, page.url()).href;
    await page.context().route(url, (route) => route.fulfill({ path: axePath, contentType: 'text/javascript; charset=utf-8' }));
    await page.addScriptTag({ url });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
