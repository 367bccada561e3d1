import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { useLocale } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { useTppHistory } from './tpp-api';
import { TppExplanationPanel } from './tpp-explanation-view';
import { formatRupiahFor, useTppT } from './tpp-i18n';

/** My TPP: this month's estimate or any past month, explained line by line, with the simulator and past months. */
export function MyTppPage() {
  const t = useTppT();
  const [locale] = useLocale();
  const me = useSession();
  const [period, setPeriod] = useState(() => todayInBrowser().slice(0, 7));
  const history = useTppHistory(null);
  return (
    <>
      <PageHeader title={t('tpp.mine.title')} description={t('tpp.mine.description')} />
      {me.employeeId ? (
        <Stack gap="sm">
          <MonthPicker value={period} onChange={setPeriod} data-testid="tpp-month" />
          <TppExplanationPanel employeeId={null} period={period} canSimulate />
          <Text fw={600} size="sm">
            {t('tpp.mine.history')}
          </Text>
          {history.data && history.data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('tpp.mine.noHistory')}
            </Text>
          )}
          <Group gap="xs" wrap="wrap" data-testid="tpp-history">
            {history.data?.items.map((item) => (
              <Button key={item.period} variant={item.period === period ? 'filled' : 'default'} size="xs" onClick={() => setPeriod(item.period)}>
                {item.period} · {formatRupiahFor(item.net, locale)}
              </Button>
            ))}
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('tpp.mine.noEmployee')}
        </Text>
      )}
    </>
  );
}
