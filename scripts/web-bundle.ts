// Building the web app (web/ → web/dist) with Vite's JS API, and deciding whether a build
// is needed: `npm start` and the browser tests rebuild only when a source file is newer
// than the built index.html. Shared by scripts/build-web.ts and test/support/e2e-setup.ts.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const webRoot = join(repoRoot, 'web');
export const webIndex = join(webRoot, 'dist', 'index.html');
const contractsRoot = join(repoRoot, 'src');

/** Folders under web/ that are outputs or third-party code, not sources of the build. */
const ignoredWebFolders = new Set(['dist', 'node_modules']);

function newestFile(dir: string, accept: (path: string, isDir: boolean) => boolean): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!accept(path, entry.isDirectory())) continue;
    const found = entry.isDirectory() ? newestFile(path, accept) : { path, mtimeMs: statSync(path).mtimeMs };
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why the web app must be (re)built, or null when web/dist is newer than every source. */
export function webBuildReason(): string | null {
  if (!existsSync(webIndex)) return 'web/dist/index.html does not exist';
  const builtAt = statSync(webIndex).mtimeMs;
  const sources = [
    newestFile(webRoot, (path, isDir) => !(isDir && ignoredWebFolders.has(relative(webRoot, path)))),
    newestFile(contractsRoot, (path, isDir) => isDir || path.endsWith('.contract.ts')),
  ];
  for (const source of sources) {
    if (source && source.mtimeMs > builtAt) return `${relative(repoRoot, source.path)} changed after the last build`;
  }
  return null;
}

/** Builds web/dist with web/vite.config.ts. Vite is loaded only here: it is a dev dependency. */
export async function buildWeb(): Promise<void> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch (error) {
    throw new Error('Building the web app needs the dev dependencies (npm install): vite could not be loaded', { cause: error });
  }
  // Vite takes NODE_ENV from the environment when it is set: under Vitest it is `test`, which
  // would ship React's development build. The bundle is always a production one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: join(webRoot, 'vite.config.ts'), mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  precompress(join(webRoot, 'dist'));
}

const compressible = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes .br and .gz beside every text file of the build, once, so the server sends the
 * compressed copy (about a quarter of the size) without compressing on every request. Small
 * files too, when compressing saves bytes: the per-component Mantine style sheets are many
 * files of a few hundred bytes (about 10 KB less on the inbox's first screen).
 */
export function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(path);
      continue;
    }
    if (!compressible.test(entry.name)) continue;
    const content = readFileSync(path);
    const brotli = brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length } });
    const gzip = gzipSync(content, { level: 9 });
    // A copy no smaller than the file would only cost the browser a decompression.
    if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < content.length) writeFileSync(`${path}.gz`, gzip);
  }
}

/** Builds only when a source changed; says what it did. */
export async function buildWebIfNeeded(log: (line: string) => void = console.log): Promise<boolean> {
  const reason = webBuildReason();
  if (!reason) {
    log('web app is up to date (web/dist)');
    return false;
  }
  log(`building the web app: ${reason}`);
  await buildWeb();
  return true;
}
