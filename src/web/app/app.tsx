import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, useLocale } from '../i18n/i18n-context';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { theme } from './theme';

function LocalizedDates({ children }: { children: ReactNode }) {
  const [locale] = useLocale();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <I18nProvider>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocalizedDates>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </LocalizedDates>
      </MantineProvider>
    </I18nProvider>
  );
}
