// How far V8 lets the old generation grow past what the last full GC kept alive. By default it
// picks the factor itself, up to 4× when collecting looks costly next to allocating — which is
// what a long import looks like: the server kept ~90 MB alive, yet its heap went to 500 MB
// before the next full collection (measured on a 1,000,000-line import, docs/benchmarks.md).
// At 1.5× the heap follows what is really alive; a full GC of ~100 MB, mostly concurrent, costs a
// few tens of milliseconds every several seconds of import, which the throughput does not show.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Applies to collections from now on (V8 reads the flag at each full GC). */
export function limitHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
