// Starts the app: translations, theme, query cache, router.
// Mantine's style sheets come with the components each module imports (web/build/mantine-styles.ts):
// MantineProvider brings the global ones, first. The notifications' own sheet goes after them.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import '@mantine/notifications/styles.layer.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './app/query-client.ts';
import { buildRouter } from './app/router.tsx';
import { cssVariablesResolver, theme } from './app/theme.ts';
import { i18nReady } from './i18n/i18n.ts';

// An English user's catalog first, so the first screen is not French for a moment.
await i18nReady;

const queryClient = createQueryClient();
const router = buildRouter(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
