// Mantine's style sheets, per component, with the code that uses them. Mantine ships one sheet
// per component (@mantine/core/styles/<Component>.css) beside its whole one (styles.css, about
// 30 KB compressed): loading the whole one on the first screen put the inbox over its 300 KB
// budget (issue 5). This Vite plugin gives every module of the app the sheets of the Mantine
// components it imports, so each chunk carries the style of the components its code renders,
// and nothing else.
//
// What a component needs is read from Mantine's own build, not listed by hand: a component's
// module imports the modules of the components it renders (Button imports UnstyledButton and
// Loader, Select imports Combobox, Input, Popover…), and each styled one imports its class
// names from `<Component>.module.mjs`, whose sheet is `styles/<Component>.css`. Following those
// imports gives every sheet a component can need, and a Mantine upgrade cannot leave one out.
//
// Order: within a module, the sheets come in the order of Mantine's styles.css (a component
// after the ones it is built on, which it overrides). The `.layer.css` variants put Mantine in
// the `mantine` cascade layer, so the app's own CSS modules win over Mantine's whatever order the
// chunks arrive in (Mantine's advice when dynamic imports decide the order).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Mantine's global sheets: imported by MantineProvider's modules of the same names. */
const GLOBAL_SHEETS = new Set(['baseline', 'default-css-variables', 'global']);

const importsOf = (code: string) => [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g)].map((m) => m[1]!);

/** The names a module imports from `pkg` (`import { A, type B, C as D } from 'pkg'`), type-only ones left out. */
export function namedImports(code: string, pkg: string): string[] {
  const names: string[] = [];
  const escaped = pkg.replace(/[/.]/g, '\\$&');
  const statement = new RegExp(`\\bimport\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*["']${escaped}["']`, 'g');
  for (const match of code.matchAll(statement)) {
    if (match[1]) continue;
    for (const part of match[2]!.split(',')) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      names.push(spec.split(/\s+as\s+/)[0]!.trim());
    }
  }
  return names;
}

export interface MantineStyles {
  /** The sheets (`@mantine/core/styles/X.layer.css`) the named exports of @mantine/core need, in Mantine's order. */
  sheetsFor(names: Iterable<string>): string[];
  /** The sheets another Mantine package (`@mantine/notifications`) needs from @mantine/core. */
  sheetsForPackage(pkg: string): string[];
}

/** Reads Mantine's build once: where each export lives, and the order of styles.css. */
export function readMantineStyles(fromDir: string = process.cwd()): MantineStyles {
  const require = createRequire(join(fromDir, 'noop.js'));
  // A package's folder, from its entry point (their exports do not include package.json).
  const packageRoot = (pkg: string) => {
    const entry = require.resolve(pkg);
    return entry.slice(0, entry.lastIndexOf(`/node_modules/${pkg}/`) + `/node_modules/${pkg}`.length);
  };
  const coreRoot = packageRoot('@mantine/core');
  const esm = join(coreRoot, 'esm');
  const sheetNames = readdirSync(join(coreRoot, 'styles'))
    .filter((file) => file.endsWith('.css') && !file.endsWith('.layer.css'))
    .map((file) => file.slice(0, -'.css'.length));

  // The order of styles.css: each sheet's text is a slice of it.
  const whole = readFileSync(join(coreRoot, 'styles.css'), 'utf8');
  const rank = new Map<string, number>();
  for (const name of sheetNames) {
    const at = whole.indexOf(readFileSync(join(coreRoot, 'styles', `${name}.css`), 'utf8').trim().slice(0, 200));
    if (at < 0) throw new Error(`@mantine/core/styles/${name}.css is not part of styles.css: cannot place it`);
    rank.set(name, at);
  }

  // Export name → the module defining it, from the package's index.
  const index = readFileSync(join(esm, 'index.mjs'), 'utf8');
  const moduleOf = new Map<string, string>();
  for (const match of index.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const part of match[1]!.split(',')) {
      const [name, local] = part.trim().split(/\s+as\s+/);
      // Re-exports of other packages (react-remove-scroll) carry no sheet: ''.
      moduleOf.set((local ?? name)!.trim(), match[2]!.startsWith('.') ? resolve(esm, match[2]!) : '');
    }
  }
  for (const match of index.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const [local, exported] = part.trim().split(/\s+as\s+/);
      const file = moduleOf.get(local!.trim());
      if (exported && file !== undefined) moduleOf.set(exported.trim(), file);
    }
  }

  // Module → every sheet it can need, following its relative imports.
  const sheetsOfModule = new Map<string, Set<string>>();
  function sheetsOf(file: string): Set<string> {
    const known = sheetsOfModule.get(file);
    if (known) return known;
    const sheets = new Set<string>();
    sheetsOfModule.set(file, sheets); // before recursing: import cycles end here
    const name = basename(file, '.mjs');
    if (name.endsWith('.module')) sheets.add(name.slice(0, -'.module'.length));
    else if (GLOBAL_SHEETS.has(name) && basename(dirname(file)) === 'MantineProvider') sheets.add(name);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      for (const sheet of sheetsOf(resolve(dirname(file), specifier))) sheets.add(sheet);
    }
    return sheets;
  }

  const inOrder = (sheets: Set<string>) =>
    [...sheets].sort((a, b) => rank.get(a)! - rank.get(b)!).map((sheet) => `@mantine/core/styles/${sheet}.layer.css`);

  function collect(names: Iterable<string>, into: Set<string>) {
    for (const name of names) {
      const file = moduleOf.get(name);
      if (file === undefined) throw new Error(`@mantine/core has no export named ${name}`);
      if (file) for (const sheet of sheetsOf(file)) into.add(sheet);
    }
  }

  const packageSheets = new Map<string, string[]>();
  return {
    sheetsFor(names) {
      const sheets = new Set<string>();
      collect(names, sheets);
      return inOrder(sheets);
    },
    sheetsForPackage(pkg) {
      const known = packageSheets.get(pkg);
      if (known) return known;
      const root = join(packageRoot(pkg), 'esm');
      const sheets = new Set<string>();
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (entry.name.endsWith('.mjs')) collect(namedImports(readFileSync(path, 'utf8'), '@mantine/core'), sheets);
        }
      };
      walk(root);
      const found = inOrder(sheets);
      packageSheets.set(pkg, found);
      return found;
    },
  };
}

/** The import lines a module of the app needs for the Mantine it imports ('' when none). */
export function styleImportsFor(code: string, styles: MantineStyles): string {
  const sheets = new Set(styles.sheetsFor(namedImports(code, '@mantine/core')));
  for (const pkg of new Set([...code.matchAll(/from\s*["'](@mantine\/(?!core["'])[a-z-]+)["']/g)].map((m) => m[1]!))) {
    for (const sheet of styles.sheetsForPackage(pkg)) sheets.add(sheet);
  }
  return [...sheets].map((sheet) => `import '${sheet}';`).join('');
}

/** The plugin: the app's own modules (not node_modules) get the sheets of the Mantine they import. */
/** Where a module's sheets go: before its first import from Mantine (exported for its tests). */
export function styleInsertionPoint(code: string): number {
  return Math.max(0, code.search(/^import\b[^;]*?from\s*["']@mantine\//m));
}

export function mantineStyles(): Plugin {
  let styles: MantineStyles | undefined;
  return {
    name: 'comptoir-mantine-styles',
    enforce: 'pre',
    configResolved(config) {
      styles = readMantineStyles(config.root);
    },
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[jt]sx?$/.test(id.split('?')[0]!) || !code.includes('@mantine/')) return null;
      const imports = styleImportsFor(code, styles!);
      if (!imports) return null;
      // On the line of the module's first Mantine import, ahead of it: no other line moves. At
      // the start of a line, so that "import" in a header comment cannot swallow the sheets.
      const at = styleInsertionPoint(code);
      return { code: `${code.slice(0, at)}${imports}${code.slice(at)}`, map: null };
    },
  };
}
