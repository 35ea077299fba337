// The policy editor's checks: JSON first, then the server's own schema, field by field.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { builtInDocument } from '../../../../src/modules/policies/default-document.ts';
import { checkDraft, documentErrors, pretty } from './policy-draft.ts';

const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

describe('checkDraft', () => {
  it('accepts the built-in document as it is shown', () => {
    expect(checkDraft(pretty(builtInDocument), t)).toEqual({ ok: true, document: builtInDocument });
  });

  it('says when the text is not JSON', () => {
    const check = checkDraft('{ "format": 1, ', t);
    expect(check.ok).toBe(false);
    expect('syntax' in check && check.syntax.length > 0).toBe(true);
  });

  it('names each field that breaks the schema', () => {
    const bad = { ...builtInDocument, returns: { ...builtInDocument.returns, windowDays: { ...builtInDocument.returns.windowDays, online: -1 } }, extra: true };
    const check = checkDraft(JSON.stringify(bad), t);
    expect(check).toEqual({ ok: false, errors: { 'returns.windowDays.online': 'admin.validation.min {"min":0}', _: 'admin.policies.rules.unknownKeys {"keys":"extra","count":1}' } });
  });

  it('says in words that an exchange turned on needs its price cap', () => {
    const bad = { ...builtInDocument, storeExchange: { ...builtInDocument.storeExchange, enabled: true, maxPrice: {} } };
    expect(checkDraft(JSON.stringify(bad), t)).toEqual({ ok: false, errors: { 'storeExchange.maxPrice': 'admin.policies.rules.maxPrice' } });
  });
});

describe('documentErrors', () => {
  it('turns the server’s body paths into the document’s', () => {
    expect(documentErrors({ 'document.storeExchange.maxPrice': 'name a currency', document: 'Unrecognized key: "extra"' })).toEqual({
      'storeExchange.maxPrice': 'name a currency',
      _: 'Unrecognized key: "extra"',
    });
  });
});
