// The access API's shapes (zod), shared by the server routes and the web app.
// Only zod here: the web bundle imports this file.
import { z } from 'zod';

export const roles = ['admin', 'manager', 'agent', 'store_staff', 'community_manager', 'viewer'] as const;
export const roleSchema = z.enum(roles).describe('admin, manager, agent, store_staff, community_manager or viewer');
export const languageSchema = z.enum(['fr', 'en']);

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const userSchema = z
  .object({
    id,
    email: z.email(),
    name: z.string(),
    role: roleSchema,
    language: languageSchema,
    active: z.boolean(),
    brandIds: z.array(id).describe('Brands the user is limited to; empty means all brands'),
    storeIds: z.array(id).describe('Stores the user works for; empty means all stores'),
    lastLoginAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

const password = z.string().min(12, 'at least 12 characters').max(200);

export const createUserBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  password,
  language: languageSchema.default('fr'),
  active: z.boolean().default(true),
  brandIds: z.array(id).max(500).default([]),
  storeIds: z.array(id).max(5000).default([]),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  password: password.optional(),
  language: languageSchema.optional(),
  active: z.boolean().optional(),
  brandIds: z.array(id).max(500).optional(),
  storeIds: z.array(id).max(5000).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const userListQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Matches name or e-mail'),
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const meSchema = userSchema
  .extend({
    permissions: z.array(z.string()),
    via: z.enum(['session', 'token']),
    csrfToken: z.string().nullable().describe('Send back in X-CSRF-Token on cookie-authenticated writes'),
  })
  .meta({ id: 'Me' });

export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export const loginResponse = z
  .object({
    token: z.string().describe('Usable as `Authorization: Bearer <token>` until it expires'),
    csrfToken: z.string(),
    expiresAt: instant,
    user: meSchema,
  })
  .meta({ id: 'LoginResponse' });

export const apiTokenSchema = z
  .object({
    id,
    userId: id,
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
    createdAt: instant,
    expiresAt: instant.nullable(),
    lastUsedAt: instant.nullable(),
    revokedAt: instant.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Omit for a token that does not expire'),
  userId: id.optional().describe('Admins only: create the token for another user'),
});

export const createdTokenSchema = apiTokenSchema
  .extend({ token: z.string().describe('Shown once; store it now') })
  .meta({ id: 'CreatedApiToken' });
