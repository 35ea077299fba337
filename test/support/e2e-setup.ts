// Global setup of the browser tests (vitest project e2e): the web app must be built (it is
// rebuilt only when a source changed, as `npm start` does) and a Chromium must exist. The
// tests never skip silently: without a browser they fail and say how to get one.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildWebIfNeeded } from '../../scripts/web-bundle.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, installed with apt-get when we may. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  if (isExecutable(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;

  const isRoot = process.getuid?.() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log(`[e2e] Chromium is not installed: running apt-get install -y chromium (once; set CHROMIUM_PATH to use another browser)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    } catch {
      // The package lists may be missing or stale on a fresh machine.
      execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    }
    if (isExecutable(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;
  }
  throw new Error(
    'The browser tests need Chromium and none was found.\n' +
      `  - Debian/Ubuntu: sudo apt-get install chromium (gives ${DEFAULT_CHROMIUM})\n` +
      '  - or point CHROMIUM_PATH at a Chromium or Chrome executable, e.g. CHROMIUM_PATH=/path/to/chrome npx vitest run --project e2e',
  );
}

export default async function setup(project: TestProject) {
  await buildWebIfNeeded((line) => console.log(`[e2e] ${line}`));
  if (!existsSync(new URL('../../web/dist/index.html', import.meta.url))) throw new Error('web/dist/index.html is missing after the build');
  project.provide('chromiumPath', findChromium());
}
