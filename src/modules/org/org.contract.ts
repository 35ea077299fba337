// The organisation API's shapes: brands, stores (points of sale of every kind) and teams.
import { z } from 'zod';
import { patchBodyOf } from '../../platform/patch-body.ts';

export const storeKinds = ['store', 'eshop', 'marketplace', 'dealer', 'warehouse'] as const;

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes');
export const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Paris');

export const brandSchema = z
  .object({ id, slug: z.string(), name: z.string(), active: z.boolean(), createdAt: instant, updatedAt: instant })
  .meta({ id: 'Brand' });
export const createBrandBody = z.strictObject({
  slug,
  name: z.string().trim().min(1).max(200),
  active: z.boolean().default(true),
});
export const updateBrandBody = patchBodyOf(createBrandBody);

const addressFields = {
  addressLine1: z.string().trim().max(300).nullable(),
  addressLine2: z.string().trim().max(300).nullable(),
  postalCode: z.string().trim().max(20).nullable(),
  city: z.string().trim().max(200).nullable(),
};

export const storeSchema = z
  .object({
    id,
    brandId: id,
    code: z.string(),
    name: z.string(),
    kind: z.enum(storeKinds),
    ...addressFields,
    country: z.string(),
    region: z.string().nullable(),
    timezone: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    calendarId: id.nullable().describe('Opening hours its cases are promised in (null: the team’s, then the default calendar)'),
    active: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Store' });

export const createStoreBody = z.strictObject({
  brandId: id,
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'letters, digits, - and _ (max 32)'),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(storeKinds),
  addressLine1: addressFields.addressLine1.optional(),
  addressLine2: addressFields.addressLine2.optional(),
  postalCode: addressFields.postalCode.optional(),
  city: addressFields.city.optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. FR'),
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$|^[A-Z]{2}$/, 'e.g. alsace-moselle, or a province code such as QC')
    .nullable()
    .optional(),
  timezone,
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().nullable().optional(),
  calendarId: id.nullable().optional(),
  active: z.boolean().default(true),
});
export const updateStoreBody = patchBodyOf(createStoreBody.omit({ brandId: true }));

export const teamSchema = z
  .object({
    id,
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    brandId: id.nullable(),
    leadUserId: id.nullable(),
    calendarId: id.nullable().describe('Working hours its cases are promised in (null: the default calendar)'),
    memberIds: z.array(id),
    active: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Team' });

export const createTeamBody = z.strictObject({
  slug,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  brandId: id.nullable().optional(),
  leadUserId: id.nullable().optional(),
  calendarId: id.nullable().optional(),
  memberIds: z.array(id).max(1000).default([]),
  active: z.boolean().default(true),
});
export const updateTeamBody = patchBodyOf(createTeamBody);

export const orgListQuery = z.strictObject({
  brandId: id.optional(),
  kind: z.enum(storeKinds).optional(),
  active: z.enum(['true', 'false']).optional(),
});
