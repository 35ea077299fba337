// What shows when no route matches, or when a page fails to load (its chunk or its data).
import { Container, Stack, Text } from '@mantine/core';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';


export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Stack>
        <PageHeading>{t('notFound.title')}</PageHeading>
        <Text>{t('notFound.body')}</Text>
        <RouterAnchor to="/cases">{t('notFound.back')}</RouterAnchor>
      </Stack>
    </Container>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  // Run the failed route's checks and loads again, not only re-render it.
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Stack>
        <PageHeading>{t('errors.pageTitle')}</PageHeading>
        <ProblemAlert error={error} onRetry={retry} />
      </Stack>
    </Container>
  );
}
