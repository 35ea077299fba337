// The JSON an admin typed, checked the way the server will check it: first that it is JSON,
// then against the contract's own schema, each problem named by its field path.
import type { TFunction } from 'i18next';
import { policyDocumentSchema } from '../../../../src/modules/policies/policies.contract.ts';
import { clientErrors, type FieldErrors } from '../ui/form-errors.ts';

export type DraftCheck = { ok: true; document: unknown } | { ok: false; syntax: string } | { ok: false; errors: FieldErrors };

export function checkDraft(text: string, t: TFunction): DraftCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, syntax: error instanceof Error ? error.message : String(error) };
  }
  const parsed = policyDocumentSchema.safeParse(value);
  if (parsed.success) return { ok: true, document: parsed.data };
  return { ok: false, errors: clientErrors(parsed.error.issues, t) };
}

/** The server names fields from the body ("document.returns…"); the editor holds the document. */
export function documentErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.replace(/^document\.?/, '') || '_', message]));
}

export const pretty = (document: unknown) => JSON.stringify(document, null, 2);
