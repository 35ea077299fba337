// A form's life in the admin screens: its values, the errors shown on its fields, and the one
// write it makes. Submitting checks the body against the zod contract first (nothing is sent
// while a field is wrong, and the first wrong field takes the focus), then sends it; a refusal
// puts the server's field errors on the fields and the problem above the form.
import { useMutation, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clientErrors, serverErrors, type FieldErrors } from './form-errors.ts';

interface SchemaFormOptions<V, B, R> {
  initial: V;
  /** The contract the body must pass; a function when it depends on the body (an account's channel). */
  schema: z.ZodType<unknown> | ((body: B) => z.ZodType<unknown>);
  /** The request body the values make (what the schema checks). */
  toBody: (values: V) => B;
  send: (body: B) => Promise<R>;
  /** Queries that show what was written, refreshed after it succeeded. */
  invalidates?: QueryKey[];
  onSaved?: (result: R) => void;
  /** Words for fields whose rule the generic messages do not explain. */
  hints?: Record<string, string>;
  /**
   * An edit sends only what changed from these values (so the audit log says what changed);
   * with nothing changed, nothing is sent and `onUnchanged` runs.
   */
  changesFrom?: V;
  onUnchanged?: () => void;
}

/** The body without the keys whose value is the same as in `base`. */
function changesOf<B>(body: B, base: B): Partial<B> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([key, value]) => !same(value, (base as Record<string, unknown>)[key]))) as Partial<B>;
}

export function useSchemaForm<V, B, R>(options: SchemaFormOptions<V, B, R>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: async (result) => {
      setErrors({});
      await Promise.all((options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onSaved?.(result);
    },
    onError: (error) => {
      setErrors(serverErrors(error));
      setAttempt((n) => n + 1);
    },
  });

  // Errors of the browser's check that no field of the form shows (a rule on the whole body).
  const [unshown, setUnshown] = useState<Error | null>(null);

  // After a refused submit, the first field in error takes the focus (else the problem does).
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else form?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [attempt, unshown]);

  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const full = options.toBody(values);
    const body = options.changesFrom === undefined ? full : (changesOf(full, options.toBody(options.changesFrom)) as B);
    if (options.changesFrom !== undefined && Object.keys(body as object).length === 0) {
      setErrors({});
      options.onUnchanged?.();
      return;
    }
    const schema = typeof options.schema === 'function' ? options.schema(body) : options.schema;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const found = clientErrors(parsed.error.issues, t, options.hints);
      setErrors(found);
      setAttempt((n) => n + 1);
      // Shown after render: if no field took an error, the form says them above.
      requestAnimationFrame(() => {
        if (formRef.current?.querySelector('[aria-invalid="true"]')) return;
        setUnshown(new Error(Object.entries(found).map(([field, message]) => `${field} : ${message}`).join(' · ')));
      });
      return;
    }
    setErrors({});
    setUnshown(null);
    mutation.mutate(body);
  };

  return { values, setValues, set, errors, onSubmit, formRef, saving: mutation.isPending, error: mutation.error ?? unshown, reset: mutation.reset };
}
