// Creates the demo organisation through the org and users services: brands, points of sale,
// users of every role with their scope, and teams with members and a lead. Everything is
// dated a month before the first case, as if the company had set Comptoir up then.
import type { Ctx } from '../../context.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { User } from '../access/access.contract.ts';
import { systemActor, type Actor } from '../access/actor.ts';
import { createUser, findUserByEmail, getUser } from '../access/users.service.ts';
import { createBrand } from '../org/brands.service.ts';
import { createStore } from '../org/stores.service.ts';
import { createTeam } from '../org/teams.service.ts';
import { MINUTE } from './demo.calendar.ts';
import { demoBrands, demoEmail, demoStores, demoTeams, demoUsers, type BrandKey, type TeamKey } from './demo.org-data.ts';

export interface DemoOrg {
  brandIds: Record<BrandKey, string>;
  storeIds: Map<string, string>;
  teamIds: Record<TeamKey, string>;
  /** Demo user key → the user and the actor the services see when they act. */
  users: Map<string, { user: User; actor: Actor }>;
  /** Demo e-mails that already belonged to someone: left as they were. */
  existingEmails: string[];
}

/** What the services see when this user acts, as a signed-in session would give it. */
export function actorOf(u: User): Actor {
  return {
    kind: 'user',
    userId: u.id,
    label: u.email,
    role: u.role,
    scope: { brandIds: u.brandIds.length ? u.brandIds : null, storeIds: u.storeIds.length ? u.storeIds : null },
    language: u.language,
  };
}

export async function createDemoOrg(ctx: Ctx, at: Date, password: string): Promise<DemoOrg> {
  const demo = systemActor('demo');
  const clock = new ManualClock(at);
  const step = () => (clock.advance(MINUTE), { ...ctx, clock });

  const brandIds = {} as Record<BrandKey, string>;
  for (const key of Object.keys(demoBrands) as BrandKey[]) {
    brandIds[key] = (await createBrand(step(), demo, { ...demoBrands[key], active: true })).id;
  }

  const storeIds = new Map<string, string>();
  for (const s of demoStores) {
    const created = await createStore(step(), demo, {
      brandId: brandIds[s.brand],
      code: s.code,
      name: s.name,
      kind: s.kind,
      addressLine1: s.addressLine1 ?? null,
      postalCode: s.postalCode ?? null,
      city: s.city ?? null,
      country: s.country,
      region: s.region ?? null,
      timezone: s.timezone,
      phone: s.phone ?? null,
      email: s.email ?? null,
      active: true,
    });
    storeIds.set(s.code, created.id);
  }

  const users = new Map<string, { user: User; actor: Actor }>();
  const existingEmails: string[] = [];
  for (const u of demoUsers) {
    const email = demoEmail(u.key);
    // An address already taken (say, the first administrator was given a demo address) is
    // left untouched: the demo never changes an account it did not create.
    const existing = await findUserByEmail(ctx, email);
    const user = existing
      ? await getUser(ctx, demo, existing.id)
      : await createUser(step(), demo, {
          email,
          name: u.name,
          role: u.role,
          password,
          language: 'fr',
          active: true,
          brandIds: u.brand ? [brandIds[u.brand]] : [],
          storeIds: u.store ? [storeIds.get(u.store)!] : [],
        });
    if (existing) existingEmails.push(email);
    users.set(u.key, { user, actor: actorOf(user) });
  }

  const teamIds = {} as Record<TeamKey, string>;
  for (const key of Object.keys(demoTeams) as TeamKey[]) {
    const t = demoTeams[key];
    const members = demoUsers.filter((u) => u.teams.includes(key)).map((u) => users.get(u.key)!.user.id);
    const lead = demoUsers.find((u) => u.leads?.includes(key));
    const created = await createTeam(step(), demo, {
      slug: t.slug,
      name: t.name,
      description: t.description,
      brandId: t.brand ? brandIds[t.brand] : null,
      leadUserId: lead ? users.get(lead.key)!.user.id : null,
      memberIds: members,
      active: true,
    });
    teamIds[key] = created.id;
  }
  return { brandIds, storeIds, teamIds, users, existingEmails };
}
