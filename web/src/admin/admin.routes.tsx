// The administration's routes under /admin, each screen its own chunk loaded on first visit,
// hung under the signed-in shell of router.tsx (which adds this tree to its own; the parent
// is only read when the router is built, so the two modules may import each other).
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { signedInRoute } from '../app/router.tsx';

const admin = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin',
  component: lazyRouteComponent(() => import('./AdminLayout.tsx'), 'AdminLayout'),
});

const home = createRoute({
  getParentRoute: () => admin,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users', replace: true });
  },
});

const page = <Path extends string>(path: Path, component: ReturnType<typeof lazyRouteComponent>) => createRoute({ getParentRoute: () => admin, path, component });

export const adminRouteTree = admin.addChildren([
  home,
  page('users', lazyRouteComponent(() => import('./users/UsersPage.tsx'), 'UsersPage')),
  page('brands', lazyRouteComponent(() => import('./org/BrandsPage.tsx'), 'BrandsPage')),
  page('stores', lazyRouteComponent(() => import('./org/StoresPage.tsx'), 'StoresPage')),
  page('teams', lazyRouteComponent(() => import('./org/TeamsPage.tsx'), 'TeamsPage')),
  page('calendars', lazyRouteComponent(() => import('./calendars/CalendarsPage.tsx'), 'CalendarsPage')),
  page('calendars/$calendarId', lazyRouteComponent(() => import('./calendars/CalendarPage.tsx'), 'CalendarPage')),
  page('sla-policies', lazyRouteComponent(() => import('./sla/PoliciesPage.tsx'), 'PoliciesPage')),
  page('policies', lazyRouteComponent(() => import('./policies/PolicyDocumentPage.tsx'), 'PolicyDocumentPage')),
  page('gestures', lazyRouteComponent(() => import('./gestures/GestureSettingsPage.tsx'), 'GestureSettingsPage')),
  page('templates', lazyRouteComponent(() => import('./templates/TemplatesPage.tsx'), 'TemplatesPage')),
  page('channels', lazyRouteComponent(() => import('./channels/ChannelAccountsPage.tsx'), 'ChannelAccountsPage')),
  page('channels/$accountId', lazyRouteComponent(() => import('./channels/AccountPage.tsx'), 'AccountPage')),
  page('reasons', lazyRouteComponent(() => import('./reference/ReferencePage.tsx'), 'ReasonsPage')),
  page('steps', lazyRouteComponent(() => import('./reference/ReferencePage.tsx'), 'StepsPage')),
  page('order-imports', lazyRouteComponent(() => import('./imports/OrderImportsPage.tsx'), 'OrderImportsPage')),
  page('order-sources', lazyRouteComponent(() => import('./order-sources/OrderSourcesPage.tsx'), 'OrderSourcesPage')),
  page('order-sources/$sourceId', lazyRouteComponent(() => import('./order-sources/OrderSourcePage.tsx'), 'OrderSourcePage')),
  page('audit', lazyRouteComponent(() => import('./audit/AuditPage.tsx'), 'AuditPage')),
]);
