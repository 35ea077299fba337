// The JSON an admin typed, checked the way the server will check it: first that it is JSON,
// then against the contract's own schema, each problem named by its field path and said in
// words: the generic messages, and the document's own rules (the exchange's price cap, keys the
// document does not have).
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
  const errors = clientErrors(parsed.error.issues, t, { 'storeExchange.maxPrice': t('admin.policies.rules.maxPrice') });
  // "Invalid value" would not say which keys are unknown (a typo, a part this version lacks).
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    errors[issue.path.map(String).join('.') || '_'] = t('admin.policies.rules.unknownKeys', { keys: issue.keys.join(', '), count: issue.keys.length });
  }
  return { ok: false, errors };
}

/** The server names fields from the body ("document.returns…"); the editor holds the document. */
export function documentErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.replace(/^document\.?/, '') || '_', message]));
}

export const pretty = (document: unknown) => JSON.stringify(document, null, 2);
