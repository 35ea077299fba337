import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchBodyOf } from './patch-body.ts';

const create = z.strictObject({
  name: z.string().min(1),
  memberIds: z.array(z.string()).default([]),
  active: z.boolean().default(true),
  note: z.string().nullable().optional(),
});

describe('patch bodies', () => {
  it('leaves absent fields absent instead of defaulting them', () => {
    expect(patchBodyOf(create).parse({ name: 'Litiges' })).toEqual({ name: 'Litiges' });
    expect(create.partial().parse({ name: 'Litiges' })).toEqual({ name: 'Litiges', memberIds: [], active: true });
  });

  it('keeps each field’s checks, null where it was allowed, and refuses unknown fields', () => {
    const patch = patchBodyOf(create);
    expect(patch.parse({ active: false, memberIds: ['a'], note: null })).toEqual({ active: false, memberIds: ['a'], note: null });
    expect(patch.safeParse({ name: '' }).success).toBe(false);
    expect(patch.safeParse({ active: 'yes' }).success).toBe(false);
    expect(patch.safeParse({ colour: 'red' }).success).toBe(false);
  });
});
