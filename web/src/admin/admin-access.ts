// What the signed-in user may do in the administration: admins change everything; managers
// read what the API lets them read (users, organisation, calendars, policies, channel
// accounts, reasons and steps) and see the screens read-only; templates and the audit log
// are for admins only. Other roles have no administration.
import { useQuery } from '@tanstack/react-query';
import type { Me } from '../api/contracts.ts';
import { sessionQuery } from '../auth/session.ts';

export interface AdminAccess {
  /** May open the administration at all. */
  enter: boolean;
  /** org.manage: brands, stores, teams, calendars, policies, templates, channels, reasons, steps. */
  manage: boolean;
  /** users.manage: users, roles, scopes, other users' API tokens. */
  manageUsers: boolean;
  audit: boolean;
  templates: boolean;
  me: Me | null;
}

export function accessOf(me: Me | null | undefined): AdminAccess {
  const has = (p: string) => !!me?.permissions.includes(p);
  return {
    enter: me?.role === 'admin' || me?.role === 'manager',
    manage: has('org.manage'),
    manageUsers: has('users.manage'),
    audit: has('audit.read'),
    // The templates API is an admin setting (org.manage), even to read.
    templates: has('org.manage'),
    me: me ?? null,
  };
}

export function useAdminAccess(): AdminAccess {
  const { data } = useQuery(sessionQuery);
  return accessOf(data);
}
