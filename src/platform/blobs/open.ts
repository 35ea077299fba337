// The blob store the configuration names: the local folder for now; an S3-compatible store
// will be chosen here when its variables are set.
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';

export function openBlobStore(config: Pick<Config, 'blobs'>): BlobStore {
  return new LocalBlobStore(config.blobs.dir);
}
