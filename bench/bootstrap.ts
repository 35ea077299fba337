// The organisation the benchmark works in, created through the API like an administrator
// would: sign in, one brand, its teams (queues of different sizes) and a few agents.
import { expectStatus, type HttpClient } from './http.ts';

export interface Team {
  id: string;
  slug: string;
  /** Share of generated cases routed to this team. */
  weight: number;
}

export interface Organisation {
  adminId: string;
  brandId: string;
  teams: Team[];
  agentIds: string[];
  reasonKeys: string[];
  reasonIds: string[];
  /** Step ids by key (intake, diagnosis, …, closed). */
  steps: Record<string, string>;
}

const teamPlan = [
  { slug: 'electromenager', name: 'SAV Électroménager', weight: 30 },
  { slug: 'multimedia', name: 'SAV Multimédia', weight: 20 },
  { slug: 'livraisons', name: 'Livraisons', weight: 15 },
  { slug: 'retours', name: 'Retours et remboursements', weight: 12 },
  { slug: 'magasins', name: 'Magasins', weight: 10 },
  { slug: 'marketplace', name: 'Marketplace', weight: 6 },
  { slug: 'pieces', name: 'Pièces détachées', weight: 4 },
  { slug: 'premium', name: 'Service premium', weight: 3 },
];

export const AGENT_COUNT = 6;

/** Signs in; the client sends the bearer token from then on. Returns the user id. */
export async function signIn(client: HttpClient, email: string, password: string): Promise<string> {
  const body = expectStatus(await client.post<{ token: string; user: { id: string } }>('/api/v1/auth/login', { email, password }), 200, 'sign in');
  client.token = body.token;
  return body.user.id;
}

export async function createOrganisation(client: HttpClient, tag: string): Promise<Omit<Organisation, 'adminId'>> {
  const brand = expectStatus(await client.post<{ id: string }>('/api/v1/brands', { slug: `bench-${tag}`, name: 'Maison Comptoir (benchmark)' }), 201, 'create brand');
  const teams: Team[] = [];
  for (const t of teamPlan) {
    const team = expectStatus(await client.post<{ id: string }>('/api/v1/teams', { slug: `${t.slug}-${tag}`, name: t.name, brandId: brand.id }), 201, 'create team');
    teams.push({ id: team.id, slug: t.slug, weight: t.weight });
  }
  const agentIds: string[] = [];
  for (let i = 1; i <= AGENT_COUNT; i++) {
    const agent = expectStatus(
      await client.post<{ id: string }>('/api/v1/users', {
        email: `agent${i}.${tag}@bench.comptoir`,
        name: `Agent ${i}`,
        role: 'agent',
        password: `bench-agent-password-${i}`,
        brandIds: [brand.id],
      }),
      201,
      'create agent',
    );
    agentIds.push(agent.id);
  }
  type Item = { id: string; key: string };
  const reasons = expectStatus(await client.get<{ items: Item[] }>('/api/v1/reasons'), 200, 'list reasons').items;
  const steps = expectStatus(await client.get<{ items: Item[] }>('/api/v1/steps'), 200, 'list steps').items;
  return {
    brandId: brand.id,
    teams,
    agentIds,
    reasonKeys: reasons.map((r) => r.key),
    reasonIds: reasons.map((r) => r.id),
    steps: Object.fromEntries(steps.map((s) => [s.key, s.id])),
  };
}
