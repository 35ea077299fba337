import { describe, expect, it } from 'vitest';
import { can, canSeeEvent, caseAccess, permissionsOf, unrestricted } from './access.policy.ts';

const brandA = 'a0000000-0000-7000-8000-000000000001';
const brandB = 'b0000000-0000-7000-8000-000000000002';
const storeGrigny = 'c0000000-0000-7000-8000-000000000003';
const storeLyon = 'd0000000-0000-7000-8000-000000000004';

describe('roles', () => {
  it('gives admins every permission and viewers only reads', () => {
    expect(permissionsOf('admin')).toContain('users.manage');
    expect(permissionsOf('admin')).toContain('audit.read');
    expect(permissionsOf('viewer')).toEqual(['cases.read', 'customers.read', 'org.read', 'users.read']);
  });

  it('lets agents work cases and merge customers but not manage users or read the audit log', () => {
    expect(can('agent', 'cases.write')).toBe(true);
    expect(can('agent', 'customers.merge')).toBe(true);
    expect(can('agent', 'users.manage')).toBe(false);
    expect(can('agent', 'audit.read')).toBe(false);
  });

  it('keeps merges away from store staff and community managers', () => {
    expect(can('store_staff', 'customers.merge')).toBe(false);
    expect(can('community_manager', 'customers.merge')).toBe(false);
    expect(can('store_staff', 'cases.write')).toBe(true);
  });

  it('opens the manager views to managers and admins only', () => {
    expect(can('manager', 'workload.manage')).toBe(true);
    expect(can('admin', 'workload.manage')).toBe(true);
    for (const role of ['agent', 'store_staff', 'community_manager', 'viewer'] as const) {
      expect(can(role, 'workload.manage')).toBe(false);
    }
  });

  it('lets nobody but admins manage the organisation', () => {
    for (const role of ['manager', 'agent', 'store_staff', 'community_manager', 'viewer'] as const) {
      expect(can(role, 'org.manage')).toBe(false);
    }
  });
});

describe('case access', () => {
  it('is full for an unrestricted user', () => {
    expect(caseAccess(unrestricted, { brandId: brandA, storeId: null })).toBe('full');
  });

  it('is none for a case of another brand', () => {
    expect(caseAccess({ brandIds: [brandA], storeIds: null }, { brandId: brandB, storeId: null })).toBe('none');
  });

  it('is full for a store user on their store and history elsewhere in their brand', () => {
    const scope = { brandIds: [brandA], storeIds: [storeGrigny] };
    expect(caseAccess(scope, { brandId: brandA, storeId: storeGrigny })).toBe('full');
    expect(caseAccess(scope, { brandId: brandA, storeId: storeLyon })).toBe('history');
    expect(caseAccess(scope, { brandId: brandA, storeId: null })).toBe('history');
    expect(caseAccess(scope, { brandId: brandB, storeId: storeGrigny })).toBe('none');
  });

  it('hides internal notes from history readers only', () => {
    expect(canSeeEvent('full', 'internal')).toBe(true);
    expect(canSeeEvent('history', 'internal')).toBe(false);
    expect(canSeeEvent('history', 'public')).toBe(true);
    expect(canSeeEvent('none', 'public')).toBe(false);
  });
});
