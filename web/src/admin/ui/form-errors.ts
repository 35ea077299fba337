// Form errors, both ways: a form is checked in the browser against the server's own zod
// contract before it is sent (so the admin hears at once, in their language, what is wrong
// and where), and the server's problem+json `errors[{field, message}]` land on the same fields
// when it refuses something only it can know (a duplicate, a calendar that is never open).
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError } from '../../api/http.ts';

/** Field path ("settings.imap.host") → message. */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

function messageOf(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('admin.validation.required') : t('admin.validation.minLength', { count: min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('admin.validation.minItems', { count: min });
      return t('admin.validation.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('admin.validation.maxLength', { count: max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('admin.validation.maxItems', { count: max });
      return t('admin.validation.max', { max });
    }
    case 'invalid_format':
      return issue.format === 'email' ? t('admin.validation.email') : issue.format === 'url' ? t('admin.validation.url') : t('admin.validation.format');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || Number.isNaN(issue.input) ? t('admin.validation.required') : t('admin.validation.invalid');
    case 'invalid_value':
      return t('admin.validation.choose');
    default:
      return t('admin.validation.invalid');
  }
}

/**
 * Issues of a failed parse as field errors: the first problem of each field; `hints` give the
 * words for a field whose rule a generic message would not explain (a slug's letters, a code).
 */
export function clientErrors(issues: readonly Issue[], t: TFunction, hints: Record<string, string> = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_';
    errors[field] ??= hints[field] ?? messageOf(issue, t);
  }
  return errors;
}

/** The server's field errors of a 400/422 problem, or none. */
export function serverErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (isApiError(error) && (error.status === 422 || error.status === 400)) {
    for (const e of error.problem.errors ?? []) errors[e.field] ??= e.message;
  }
  return errors;
}

/** The error for a field, or for the closest group it belongs to ("hours.mon.0" → "hours.mon" → "hours"). */
export function errorAt(errors: FieldErrors, field: string): string | undefined {
  for (let path = field; path; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '') {
    if (errors[path]) return errors[path];
  }
  return undefined;
}
