// Who may do what (roles → permissions) and see which data (brand and store scope).
// Pure functions: the HTTP layer and the services both ask here, and the tests pin it down.
import type { Role } from './access.schema.ts';

export const permissions = [
  'cases.read',
  'cases.write',
  'customers.read',
  'customers.write',
  'customers.merge',
  'org.read',
  'org.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'tokens.own',
  /** Write the macros (answer scripts) agents use: managers and admins. */
  'macros.manage',
  /** The manager views: team workload, backlog, agents' load, and reassigning in bulk. */
  'workload.manage',
] as const;
export type Permission = (typeof permissions)[number];

const worker: Permission[] = ['cases.read', 'cases.write', 'customers.read', 'customers.write', 'org.read', 'users.read', 'tokens.own'];

const byRole: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  manager: new Set([...worker, 'customers.merge', 'macros.manage', 'workload.manage']),
  agent: new Set([...worker, 'customers.merge']),
  community_manager: new Set(worker),
  store_staff: new Set(worker),
  viewer: new Set(['cases.read', 'customers.read', 'org.read', 'users.read']),
};

export function can(role: Role, permission: Permission): boolean {
  return byRole[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((p) => byRole[role].has(p));
}

/** Brands and stores a user is limited to; null means "all". */
export interface Scope {
  brandIds: readonly string[] | null;
  storeIds: readonly string[] | null;
}

export const unrestricted: Scope = { brandIds: null, storeIds: null };

/**
 * How much of a case a user may see:
 * - `full`: the case is in their brands and stores: everything, internal notes included, and they may work it;
 * - `history`: same brand, another store or the web: the shared customer history, public
 *   messages and changes only, read-only (store staff see what the customer went through
 *   elsewhere, not other stores' internal notes);
 * - `none`: another brand.
 */
export type CaseAccess = 'full' | 'history' | 'none';

export function caseAccess(scope: Scope, c: { brandId: string; storeId: string | null }): CaseAccess {
  if (scope.brandIds && !scope.brandIds.includes(c.brandId)) return 'none';
  if (scope.storeIds && !(c.storeId !== null && scope.storeIds.includes(c.storeId))) return 'history';
  return 'full';
}

/** Whether an event of a case is shown to a reader with that access. */
export function canSeeEvent(access: CaseAccess, visibility: 'public' | 'internal'): boolean {
  return access === 'full' || (access === 'history' && visibility === 'public');
}

/** Only admins grant roles; nobody changes their own role (no lock-out, no self-promotion). */
export function canAssignRole(actor: { role: Role; userId: string }, target: { userId?: string }): boolean {
  return actor.role === 'admin' && actor.userId !== target.userId;
}
