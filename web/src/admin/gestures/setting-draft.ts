// The JSON an admin typed for the limits or the scale, checked the way the server will check it:
// first that it is JSON, then against the contract's own schema, each problem named by its field.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { clientErrors, type FieldErrors } from '../ui/form-errors.ts';

export type DraftCheck = { ok: true; document: unknown } | { ok: false; syntax: string } | { ok: false; errors: FieldErrors };

export function checkSettingDraft(text: string, schema: z.ZodType, t: TFunction): DraftCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, syntax: error instanceof Error ? error.message : String(error) };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, document: parsed.data };
  return { ok: false, errors: clientErrors(parsed.error.issues, t) };
}
