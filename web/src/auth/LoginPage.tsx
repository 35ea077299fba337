// Sign-in: e-mail and password. Says clearly what went wrong: wrong credentials, too many
// attempts (and when to try again), or a server that does not answer.
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/http.ts';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { safeRedirect, signIn } from './session.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const search = route.useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: () => signIn(queryClient, { email, password }),
    onSuccess: () => router.history.push(safeRedirect(search.redirect)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <Box component="main" id="main" mih="100vh" bg="gray.0" p="md">
      <Center mih="calc(100vh - 2rem)">
        <Paper component="section" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420} aria-labelledby="login-title">
          <Stack gap="md">
            <Box>
              <Text fw={700} c="indigo.8" size="lg">
                {t('app.name')}
              </Text>
              <PageHeading id="login-title" size="h2">
                {t('login.title')}
              </PageHeading>
              <Text size="sm" c="dimmed">
                {t('login.intro')}
              </Text>
            </Box>
            {login.isError && <LoginError error={login.error} />}
            <form onSubmit={submit}>
              <Stack gap="sm">
                <TextInput
                  label={t('login.email')}
                  type="email"
                  name="email"
                  autoComplete="username"
                  required
                  autoFocus
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('login.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                />
                <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            <LanguageSwitch />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

function LoginError({ error }: { error: Error }) {
  const { t, i18n } = useTranslation();
  let message: string;
  if (isApiError(error, 401)) message = t('login.errors.wrongCredentials');
  else if (isApiError(error, 429)) {
    const seconds = (error as ApiError).retryAfterSeconds;
    if (seconds) {
      const at = new Date(Date.now() + seconds * 1000);
      const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(at);
      message = t('login.errors.rateLimitedUntil', { count: Math.max(1, Math.ceil(seconds / 60)), time });
    } else message = t('login.errors.rateLimited');
  } else if (isApiError(error) && error.isNetworkError) message = t('errors.network');
  else if (isApiError(error)) message = [error.problem.title, error.problem.detail].filter(Boolean).join(' — ');
  else message = t('errors.generic');
  return (
    <Alert color="red" variant="light" role="alert" title={t('login.errors.title')}>
      {message}
    </Alert>
  );
}
