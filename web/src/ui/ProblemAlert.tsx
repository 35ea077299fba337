// Shows an API failure: the problem's title and detail, field errors, and a retry button.
import { Alert, Button, Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http.ts';

interface ProblemAlertProps {
  error: unknown;
  /** What failed, e.g. "The cases could not be loaded". */
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

export function ProblemAlert({ error, title, onRetry, children }: ProblemAlertProps) {
  const { t } = useTranslation();
  let heading = title ?? t('errors.generic');
  let detail: string | undefined;
  let fields: { field: string; message: string }[] = [];
  if (isApiError(error)) {
    if (error.isNetworkError) detail = t('errors.network');
    else {
      const { problem } = error;
      // The server's title is already in the interface language (Accept-Language).
      detail = [problem.title, problem.detail].filter(Boolean).join(' — ');
      fields = problem.errors ?? [];
    }
  } else if (error instanceof Error) {
    detail = error.message;
  }
  if (!title && isApiError(error) && !error.isNetworkError) heading = t('errors.server', { status: error.status });
  return (
    <Alert color="red" variant="light" title={heading} role="alert">
      {detail && <Text size="sm">{detail}</Text>}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((f) => (
            <List.Item key={`${f.field}:${f.message}`}>
              <Text span fw={600} size="sm">
                {f.field}
              </Text>{' '}
              {f.message}
            </List.Item>
          ))}
        </List>
      )}
      {children}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
