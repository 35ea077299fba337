// The routes. Each page is its own chunk, loaded when first visited, so the first screen
// carries only the shell. Signed-out visitors are sent to /login and brought back after.
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { safeRedirect, sessionQuery } from '../auth/session.ts';
import { parseCaseListSearch } from '../cases/case-list-search.ts';
import { rememberInboxLocation } from '../cases/inbox-return.ts';
import { adminRouteTree } from '../admin/admin.routes.tsx';
import { parseCustomerSearch } from '../customers/customer-search.ts';
import { parseResponseTimesSearch, parseSocialSearch } from '../social/social-search.ts';
import { NotFoundPage, RouteErrorPage } from './RouteFallbacks.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } =>
    typeof raw.redirect === 'string' ? { redirect: raw.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(sessionQuery);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../auth/LoginPage.tsx'), 'LoginPage'),
});

/** Every page behind sign-in, inside the application shell. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(sessionQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { me };
  },
  // The shell of signed-in pages is a chunk of its own: the sign-in page does not carry it.
  component: lazyRouteComponent(() => import('./AppLayout.tsx'), 'AppLayout'),
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: ({ context, location }) => {
    // Store staff work the counter screen; everyone else starts at the cases.
    if (context.me.role === 'store_staff') throw redirect({ to: '/counter', replace: true });
    // Community managers start at the social inbox.
    if (context.me.role === 'community_manager') throw redirect({ to: '/social', replace: true });
    throw redirect({ href: `/cases${location.searchStr}`, replace: true });
  },
});

const caseListRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cases',
  validateSearch: parseCaseListSearch,
  component: lazyRouteComponent(() => import('../inbox/InboxPage.tsx'), 'InboxPage'),
});

const casePageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cases/$caseId',
  // ?compose=reply (or note) opens the case with that composer focused.
  validateSearch: (raw: Record<string, unknown>): { compose?: 'reply' | 'note' } =>
    raw.compose === 'reply' || raw.compose === 'note' ? { compose: raw.compose } : {},
  component: lazyRouteComponent(() => import('../cases/CasePage.tsx'), 'CasePage'),
});

const macrosRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'macros',
  component: lazyRouteComponent(() => import('../macros/MacrosPage.tsx'), 'MacrosPage'),
});

const customerSearchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'customers',
  validateSearch: parseCustomerSearch,
  component: lazyRouteComponent(() => import('../customers/CustomerSearchPage.tsx'), 'CustomerSearchPage'),
});

const customerPageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'customers/$customerId',
  component: lazyRouteComponent(() => import('../customers/CustomerPage.tsx'), 'CustomerPage'),
});

const counterRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'counter',
  component: lazyRouteComponent(() => import('../counter/CounterPage.tsx'), 'CounterPage'),
});

const managerRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'manager',
  component: lazyRouteComponent(() => import('../manager/ManagerPage.tsx'), 'ManagerPage'),
});

const approvalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'manager/approvals',
  component: lazyRouteComponent(() => import('../manager/ApprovalsPage.tsx'), 'ApprovalsPage'),
});

const socialRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'social',
  validateSearch: parseSocialSearch,
  component: lazyRouteComponent(() => import('../social/SocialPage.tsx'), 'SocialPage'),
});

const responseTimesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'social/response-times',
  validateSearch: parseResponseTimesSearch,
  component: lazyRouteComponent(() => import('../social/ResponseTimesPage.tsx'), 'ResponseTimesPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([homeRoute, caseListRoute, casePageRoute, macrosRoute, customerSearchRoute, customerPageRoute, counterRoute, managerRoute, approvalsRoute, socialRoute, responseTimesRoute, adminRouteTree]),
]);

export function buildRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Queries own the data; the router only decides which page shows.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
  rememberInboxLocation(router);
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
