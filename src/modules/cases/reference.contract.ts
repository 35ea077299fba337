// The shapes that create and change contact reasons and SAV steps, shared by the API and the
// admin screens (which check a form against them before sending it). Only zod here.
import { z } from 'zod';
import { patchBodyOf } from '../../platform/patch-body.ts';

export const createReferenceBody = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'lower-case letters, digits and _'),
  labelFr: z.string().trim().min(1).max(120),
  labelEn: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
  final: z.boolean().optional().describe('Steps only: the last step shown on the tracking page'),
});
export const updateReferenceBody = patchBodyOf(createReferenceBody.omit({ key: true }));
