// The administration's frame: its own side navigation (grouped as an admin thinks of the
// work: people, organisation, service levels, messages, cases, security) beside the screen.
// Managers see the screens they may read; other roles are told the administration is not
// theirs. On a tablet the navigation sits above the screen.
import { Grid, NavLink, Paper, Stack, Text, type NavLinkProps } from '@mantine/core';
import { createLink, Outlet } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading.tsx';
import './admin.i18n.ts';
import { useAdminAccess, type AdminAccess } from './admin-access.ts';

function NavLinkAnchor(props: NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>) {
  // The router marks the current page with data-status="active" (and aria-current).
  return <NavLink component="a" variant="filled" active={(props as { 'data-status'?: string })['data-status'] === 'active'} {...props} />;
}
const RouterNavLink = createLink(NavLinkAnchor);

type AdminPath =
  | '/admin/users'
  | '/admin/brands'
  | '/admin/stores'
  | '/admin/teams'
  | '/admin/calendars'
  | '/admin/sla-policies'
  | '/admin/policies'
  | '/admin/gestures'
  | '/admin/templates'
  | '/admin/channels'
  | '/admin/reasons'
  | '/admin/steps'
  | '/admin/order-imports'
  | '/admin/order-sources'
  | '/admin/audit';

interface NavGroup {
  label: 'people' | 'organisation' | 'service' | 'messages' | 'cases' | 'commerce' | 'security';
  items: { to: AdminPath; label: string; shown?: (a: AdminAccess) => boolean }[];
}

const groups: NavGroup[] = [
  { label: 'people', items: [{ to: '/admin/users', label: 'users' }] },
  { label: 'organisation', items: [{ to: '/admin/brands', label: 'brands' }, { to: '/admin/stores', label: 'stores' }, { to: '/admin/teams', label: 'teams' }] },
  { label: 'service', items: [{ to: '/admin/calendars', label: 'calendars' }, { to: '/admin/sla-policies', label: 'slaPolicies' }, { to: '/admin/policies', label: 'policies' }, { to: '/admin/gestures', label: 'gestures' }] },
  { label: 'messages', items: [{ to: '/admin/templates', label: 'templates', shown: (a) => a.templates }, { to: '/admin/channels', label: 'channels' }] },
  { label: 'cases', items: [{ to: '/admin/reasons', label: 'reasons' }, { to: '/admin/steps', label: 'steps' }] },
  {
    label: 'commerce',
    items: [
      { to: '/admin/order-sources', label: 'orderSources', shown: (a) => a.manage },
      { to: '/admin/order-imports', label: 'orderImports', shown: (a) => a.manage },
    ],
  },
  { label: 'security', items: [{ to: '/admin/audit', label: 'audit', shown: (a) => a.audit }] },
];

export function AdminLayout() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  if (!access.enter) {
    return (
      <Stack maw={640}>
        <PageHeading>{t('admin.title')}</PageHeading>
        <Text>{t('admin.notAllowed')}</Text>
      </Stack>
    );
  }
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
        <Paper withBorder p="xs" component="nav" aria-label={t('admin.nav.label')}>
          {groups.map((group) => {
            const items = group.items.filter((i) => !i.shown || i.shown(access));
            if (items.length === 0) return null;
            return (
              <Stack key={group.label} gap={0} mb="xs">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4} id={`admin-nav-${group.label}`}>
                  {t(`admin.nav.groups.${group.label}`)}
                </Text>
                <Stack gap={0} component="ul" aria-labelledby={`admin-nav-${group.label}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {items.map((item) => (
                    <li key={item.to}>
                      <RouterNavLink to={item.to} label={t(`admin.nav.${item.label}` as 'admin.nav.users')} />
                    </li>
                  ))}
                </Stack>
              </Stack>
            );
          })}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
        <Outlet />
      </Grid.Col>
    </Grid>
  );
}
