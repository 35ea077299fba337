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

  // After a refused submit, the first field in error takes the focus (else the problem does).
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [attempt]);

  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = options.toBody(values);
    const schema = typeof options.schema === 'function' ? options.schema(body) : options.schema;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      setErrors(clientErrors(parsed.error.issues, t, options.hints));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    mutation.mutate(body);
  };

  return { values, setValues, set, errors, onSubmit, formRef, saving: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
