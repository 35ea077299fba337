// The `comptoir` command line entry point. Before anything else is loaded it registers the
// module-resolution cache (the CLI and the server behind it are imported after it, so that
// their ~600 modules are resolved through it: see platform/module-resolution.ts) and bounds the
// heap's growth (platform/heap-growth.ts); then it runs the CLI (cli.ts).
import { limitHeapGrowth } from './platform/heap-growth.ts';
import { cacheModuleResolution } from './platform/module-resolution.ts';

cacheModuleResolution(new URL('..', import.meta.url));
limitHeapGrowth();
await import('./cli.ts');
