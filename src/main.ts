// The `comptoir` command line entry point. It registers the module-resolution cache before
// anything else is loaded (the CLI and the server behind it are imported after it, so that
// their ~600 modules are resolved through it: see platform/module-resolution.ts), then runs the
// CLI (cli.ts).
import { cacheModuleResolution } from './platform/module-resolution.ts';

cacheModuleResolution(new URL('..', import.meta.url));
await import('./cli.ts');
