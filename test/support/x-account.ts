// The brand's X account connected through the admin API, pointed at a local fake X
// (test/fakes/x-api.ts): its user id and handle, the fake's consumer secret, and the tokens
// the test chooses (by default the fake's long-lived token of the brand).
import { expect } from 'vitest';
import type { FakeX } from '../fakes/x-api.ts';
import type { Client } from './harness.ts';

export async function connectXAccount(admin: Client, x: FakeX, o: { brandId: string; teamId: string; secrets?: Record<string, string> }): Promise<string> {
  const created = await admin.post('/api/v1/channel-accounts', {
    channel: 'x',
    name: 'Jardin & Maison sur X',
    address: 'JardinMaison',
    brandId: o.brandId,
    teamId: o.teamId,
    // The handle as an admin may type it, with its @.
    settings: { userId: x.brand.id, handle: '@JardinMaison', apiBaseUrl: x.url },
    secrets: { consumerSecret: x.consumerSecret, accessToken: x.tokenOf(x.brand.id), ...o.secrets },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}
