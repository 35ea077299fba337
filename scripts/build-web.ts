// `npm run build`: builds the web app into web/dist.
// `node scripts/build-web.ts --if-needed` (npm prestart): only when a source is newer than the build.
import { buildWeb, buildWebIfNeeded } from './web-bundle.ts';

const ifNeeded = process.argv.includes('--if-needed');
try {
  if (ifNeeded) await buildWebIfNeeded();
  else await buildWeb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
