// Module resolution that does not re-read drizzle-orm's package.json for every import.
//
// Node 24's ESM loader, for each module it resolves, asks for the package scope of the file
// (to know whether a .js is ESM) and, for each bare specifier (`from 'drizzle-orm'`), reads the
// package's `exports`. Either way it hands JavaScript the whole package.json again and parses its
// `exports` afresh: for drizzle-orm (a 178 KB package.json) that is ~0.5 MB of garbage per import,
// and the server's ~600 modules importing drizzle turned startup into ~300 MB of short-lived
// strings and objects. They are garbage, but V8 grows the heap to hold them until a full GC, so
// the process's peak resident memory (VmHWM) was ~375 MiB before it served a request; with these
// hooks it is ~210 MiB (measured with `npm run bench -- --suite commerce`, see docs/benchmarks.md).
//
// Two synchronous resolve hooks, both answering exactly what Node would have answered:
// - a bare specifier resolves the same way for every file of one package (and for every file of
//   the application outside node_modules), so its first answer is reused for that package;
// - a relative `.js` import inside an installed package whose package.json says
//   `"type": "module"` is that file, as ESM: the package type is read once per folder.
// Anything else (missing files, other extensions, CommonJS packages) goes through Node unchanged.
import { readFileSync, statSync } from 'node:fs';
import { registerHooks, type ModuleFormat, type ResolveFnOutput } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NODE_MODULES = '/node_modules/';

/** The folder of the installed package a file belongs to, or 'app' for the application's own files. */
export function resolutionScope(parentUrl: string): string {
  const at = parentUrl.lastIndexOf(NODE_MODULES);
  if (at < 0) return 'app';
  const parts = parentUrl.slice(at + NODE_MODULES.length).split('/');
  const nameParts = parts[0]!.startsWith('@') ? 2 : 1;
  return parentUrl.slice(0, at + NODE_MODULES.length) + parts.slice(0, nameParts).join('/');
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** "module" when the nearest package.json above `dir` says `"type": "module"`, else "other". */
function packageTypeReader(): (dir: string) => 'module' | 'other' {
  const typeByDir = new Map<string, 'module' | 'other'>();
  return (dir) => {
    const visited: string[] = [];
    let current = dir;
    let type: 'module' | 'other';
    for (;;) {
      const known = typeByDir.get(current);
      if (known) {
        type = known;
        break;
      }
      visited.push(current);
      let text: string | undefined;
      try {
        text = readFileSync(join(current, 'package.json'), 'utf8');
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        type = (JSON.parse(text) as { type?: unknown }).type === 'module' ? 'module' : 'other';
        break;
      }
      const parent = dirname(current);
      if (parent === current) {
        type = 'other';
        break;
      }
      current = parent;
    }
    for (const folder of visited) typeByDir.set(folder, type);
    return type;
  };
}

let registered = false;

/**
 * Registers the hooks once for this process. `appRoot` is the application folder: bare
 * specifiers from files under it (outside node_modules) share one answer.
 */
export function cacheModuleResolution(appRoot: URL): void {
  if (registered) return;
  registered = true;
  const appPrefix = pathToFileURL(fileURLToPath(appRoot)).href;
  const packageType = packageTypeReader();
  const bareAnswers = new Map<string, ResolveFnOutput>();
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      if (!parent?.startsWith('file:')) return nextResolve(specifier, context);
      const inPackage = parent.includes(NODE_MODULES);
      if (isRelative(specifier)) {
        if (!inPackage || !specifier.endsWith('.js')) return nextResolve(specifier, context);
        const url = new URL(specifier, parent);
        const path = fileURLToPath(url);
        if (!statSync(path, { throwIfNoEntry: false })?.isFile() || packageType(dirname(path)) !== 'module') {
          return nextResolve(specifier, context);
        }
        return { url: url.href, format: 'module' satisfies ModuleFormat, shortCircuit: true };
      }
      if (!inPackage && !parent.startsWith(appPrefix)) return nextResolve(specifier, context);
      const key = `${resolutionScope(parent)}\0${specifier}\0${(context.conditions ?? []).join(',')}`;
      let answer = bareAnswers.get(key);
      if (!answer) {
        answer = { ...nextResolve(specifier, context), shortCircuit: true };
        bareAnswers.set(key, answer);
      }
      return answer;
    },
  });
}
