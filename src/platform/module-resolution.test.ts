import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isRelative, resolutionScope } from './module-resolution.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('resolutionScope', () => {
  it.each([
    ['file:///srv/comptoir/src/modules/commerce/import/import-run.ts', 'app'],
    ['file:///srv/comptoir/node_modules/drizzle-orm/pg-core/columns/text.js', 'file:///srv/comptoir/node_modules/drizzle-orm'],
    ['file:///srv/comptoir/node_modules/@electric-sql/pglite/dist/index.js', 'file:///srv/comptoir/node_modules/@electric-sql/pglite'],
    // A package installed inside another one resolves from its own folder.
    ['file:///srv/comptoir/node_modules/a/node_modules/b/lib/x.js', 'file:///srv/comptoir/node_modules/a/node_modules/b'],
  ])('%s → %s', (parent, scope) => {
    expect(resolutionScope(parent)).toBe(scope);
  });
});

describe('isRelative', () => {
  it.each([
    ['./x.js', true],
    ['../x.js', true],
    ['drizzle-orm', false],
    ['node:fs', false],
    ['#internal', false],
    ['.hidden', false],
  ])('%s → %s', (specifier, relative) => {
    expect(isRelative(specifier)).toBe(relative);
  });
});

/** Where a child Node resolves the application's modules, with or without the hooks. */
function resolvedInChild(withHooks: boolean): Record<string, string> {
  const script = `
    ${withHooks ? `const { cacheModuleResolution } = await import('./src/platform/module-resolution.ts'); cacheModuleResolution(new URL('file://${root}'));` : ''}
    const pgCore = await import('drizzle-orm/pg-core');
    const runtime = await import('./src/platform/db/database.ts');
    const out = {
      drizzle: import.meta.resolve('drizzle-orm'),
      pgCore: import.meta.resolve('drizzle-orm/pg-core'),
      zod: import.meta.resolve('zod'),
      loaded: String(typeof pgCore.pgTable === 'function' && typeof runtime.assertChannelName === 'function'),
    };
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as Record<string, string>;
}

describe('cacheModuleResolution', () => {
  it('resolves and loads modules exactly where Node does without it', () => {
    const plain = resolvedInChild(false);
    expect(plain.loaded).toBe('true');
    expect(resolvedInChild(true)).toEqual(plain);
  });
});
