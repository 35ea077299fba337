// Test data through the real services: buildBrand(), buildStore(), buildCase(), buildTrackedCase()…
import type { Ctx } from '../../src/context.ts';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createBrand } from '../../src/modules/org/brands.service.ts';
import { createStore } from '../../src/modules/org/stores.service.ts';
import { createTeam } from '../../src/modules/org/teams.service.ts';
import { createCase, openCase } from '../../src/modules/cases/cases.service.ts';
import type { CreateCaseInput } from '../../src/modules/cases/cases.contract.ts';

let n = 0;
const system = systemActor('test');

export function buildBrand(ctx: Ctx, over: { slug?: string; name?: string } = {}) {
  n++;
  return createBrand(ctx, system, { slug: over.slug ?? `brand-${n}-${Date.now() % 100000}`, name: over.name ?? `Marque ${n}`, active: true });
}

export function buildStore(ctx: Ctx, brandId: string, over: Partial<Parameters<typeof createStore>[2]> = {}) {
  n++;
  return createStore(ctx, system, {
    brandId,
    code: `S${n}`,
    name: `Magasin ${n}`,
    kind: 'store',
    country: 'FR',
    timezone: 'Europe/Paris',
    active: true,
    ...over,
  });
}

export function buildTeam(ctx: Ctx, over: Partial<Parameters<typeof createTeam>[2]> = {}) {
  n++;
  return createTeam(ctx, system, { slug: `team-${n}`, name: `Équipe ${n}`, memberIds: [], active: true, ...over });
}

function caseInput(brandId: string, over: Partial<CreateCaseInput>): CreateCaseInput {
  n++;
  return {
    customer: { email: `client${n}@exemple.fr`, firstName: 'Client', lastName: `Numéro ${n}` },
    subject: `Demande ${n}`,
    message: `Bonjour, ma demande numéro ${n}.`,
    channel: 'email',
    brandId,
    priority: 'normal',
    tags: [],
    ...over,
  };
}

export function buildCase(ctx: Ctx, brandId: string, over: Partial<CreateCaseInput> = {}) {
  return createCase(ctx, system, caseInput(brandId, over));
}

/** A case and the token of its tracking link (what the customer holds). */
export function buildTrackedCase(ctx: Ctx, brandId: string, over: Partial<CreateCaseInput> = {}) {
  return openCase(ctx, system, caseInput(brandId, over));
}
