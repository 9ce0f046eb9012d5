import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './focus.css';
import './i18n';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { keys } from './api/keys';
import { App } from './App';
import { useTranslation } from 'react-i18next';
import { createAppTheme, cssVariablesResolver } from './theme';

// An expired session anywhere sends the user back to the sign-in page (the URL is kept).
const onUnauthorized = (err: unknown) => {
  if (err instanceof ApiError && err.status === 401 && queryClient.getQueryData(keys.me)) queryClient.setQueryData(keys.me, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthorized }),
  mutationCache: new MutationCache({ onError: onUnauthorized }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
  },
});

/** Mantine with the app's theme, rebuilt when the language changes (the theme carries a few texts). */
function Theme({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme({ showPassword: t('a11y.showPassword'), clear: t('a11y.clear') }), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

// A data router (its routes are App's own <Routes>), so the unsaved-changes guard can hold Back too.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Theme>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </Theme>
  </StrictMode>,
);
