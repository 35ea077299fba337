// The signed-in shell: a skip link, the header (product, navigation, language, user, sign
// out), the main landmark holding the page, and the live connection that keeps it current.
import { AppShell, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { notify } from '../ui/notify.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouter } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionQuery, signOut } from '../auth/session.ts';
import { useChatPresence } from '../chat/useChatPresence.ts';
import { useLiveUpdates } from '../live/useLiveUpdates.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { NotificationBell } from '../user-notifications/NotificationBell.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import classes from './AppLayout.module.css';

// Only when a call rings: its code (and the phone contracts) is fetched then.
const ScreenPop = lazy(() => import('../phone/ScreenPop.tsx').then((m) => ({ default: m.ScreenPop })));

/** Who answers on the social networks: the community managers, and the agents, managers and admins beside them. */
const socialRoles = new Set(['community_manager', 'agent', 'manager', 'admin']);

/** Who works at a store counter: its staff, and the managers and admins who stand in. */
const counterRoles = new Set(['store_staff', 'manager', 'admin']);

export function AppLayout() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(sessionQuery);
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);
  const [ringing, setRinging] = useState<string | null>(null);
  const live = useLiveUpdates(!!me, { onRinging: setRinging });
  useChatPresence(!!me);

  // Signed out (here, in another tab, or the session expired): to the sign-in page, which
  // brings the user back to this page afterwards. Once, with the address of that moment.
  useEffect(() => {
    if (me === null) void router.navigate({ to: '/login', search: { redirect: router.state.location.href }, replace: true });
  }, [me, router]);

  const logout = async () => {
    setSigningOut(true);
    try {
      await signOut(queryClient);
    } catch (error) {
      notify({ color: 'red', title: t('header.logoutFailed'), message: <ProblemAlert error={error} /> });
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('a11y.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="lg" wrap="nowrap">
            <Text fw={800} c="indigo.8" size="lg" component="span">
              {t('app.name')}
            </Text>
            <Group component="nav" aria-label={t('header.navigation')} gap="md" wrap="nowrap">
              <RouterAnchor to="/cases" fw={600} activeProps={{ 'aria-current': 'page' }} activeOptions={{ includeSearch: false }}>
                {t('header.cases')}
              </RouterAnchor>
              <RouterAnchor to="/customers" fw={600} activeProps={{ 'aria-current': 'page' }} activeOptions={{ includeSearch: false }}>
                {t('customerPanel.nav')}
              </RouterAnchor>
              {me && socialRoles.has(me.role) && (
                <RouterAnchor to="/social" fw={600} activeProps={{ 'aria-current': 'page' }} activeOptions={{ includeSearch: false }}>
                  {t('social.nav')}
                </RouterAnchor>
              )}
              {me && counterRoles.has(me.role) && (
                <RouterAnchor to="/counter" fw={600} activeProps={{ 'aria-current': 'page' }}>
                  {t('counterMode.nav')}
                </RouterAnchor>
              )}
              {me?.permissions.includes('workload.manage') && (
                <RouterAnchor to="/manager" fw={600} activeProps={{ 'aria-current': 'page' }}>
                  {t('manager.nav')}
                </RouterAnchor>
              )}
              {me?.permissions.includes('macros.manage') && (
                <RouterAnchor to="/macros" fw={600} activeProps={{ 'aria-current': 'page' }}>
                  {t('workspace.nav.macros')}
                </RouterAnchor>
              )}
              {(me?.role === 'admin' || me?.role === 'manager') && (
                <RouterAnchor to="/admin" fw={600} activeProps={{ 'aria-current': 'page' }}>
                  {t('admin.link')}
                </RouterAnchor>
              )}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="xs" c={live === 'open' ? 'teal.9' : 'dimmed'} role="status" visibleFrom="sm">
              {live === 'open' ? t('live.connected') : t('live.reconnecting')}
            </Text>
            {me && <NotificationBell />}
            <LanguageSwitch />
            {me && (
              <Text size="sm" fw={500} visibleFrom="md" truncate maw={200}>
                <VisuallyHidden>{t('header.signedInAs')} </VisuallyHidden>
                {me.name}
              </Text>
            )}
            <Button variant="default" size="xs" onClick={logout} loading={signingOut}>
              {t('header.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
        <Outlet />
      </AppShell.Main>
      {ringing && (
        <Suspense fallback={null}>
          <ScreenPop key={ringing} callId={ringing} onClose={() => setRinging(null)} />
        </Suspense>
      )}
    </AppShell>
  );
}
