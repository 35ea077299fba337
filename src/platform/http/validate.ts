// Validating what a route could not declare as its body schema (the text fields of a
// multipart form): the same zod schemas, the same 422 with one error per field.
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export function parseFields<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message }));
  throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}
