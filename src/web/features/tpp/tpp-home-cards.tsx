import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCash, IconReportMoney } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { formatMonth, todayInBrowser } from '../../lib/dates';
import { shiftMonth } from '../attendance/attendance-calendar-data';
import { useTppExplanation, useTppHistory, useTppSummary } from './tpp-api';
import { formatChangeShare, formatRupiahFor, useTppT } from './tpp-i18n';
import { findBiggestChange } from './tpp-summary-order';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </div>
  );
}

/** The frame both cards share: icon and title, a status badge, the query's state, a link to the page. */
function HomeCard(props: {
  testId: string;
  icon: ReactNode;
  title: string;
  badge: { color: string; label: string } | null;
  query: { isPending: boolean; error: Error | null };
  link: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" data-testid={props.testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {props.icon}
            <Text fw={600}>{props.title}</Text>
          </Group>
          {props.badge && (
            <Badge variant="light" color={props.badge.color}>
              {props.badge.label}
            </Badge>
          )}
        </Group>
        {props.query.isPending && <Loader size="sm" />}
        {props.query.error && (
          <Text size="sm" c="red">
            {props.query.error.message}
          </Text>
        )}
        {props.children}
        <Group justify="flex-end">
          <Button component={Link} to={props.link.to} size="xs" variant="light">
            {props.link.label}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Home-page card for every employee: this month's TPP as it stands now, and last month's. */
export function MyTppCard() {
  const t = useTppT();
  const [locale] = useLocale();
  const month = todayInBrowser().slice(0, 7);
  const lastMonth = shiftMonth(month, -1);
  const now = useTppExplanation(null, month);
  const history = useTppHistory(null);
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  const previous = history.data?.items.find((item) => item.period === lastMonth) ?? null;
  return (
    <HomeCard
      testId="my-tpp-card"
      icon={<IconCash size={20} aria-hidden />}
      title={t('tpp.home.myTitle')}
      badge={
        now.data
          ? now.data.isEstimate
            ? { color: 'yellow', label: t('tpp.home.estimate') }
            : { color: now.data.isFrozen ? 'teal' : 'blue', label: t(now.data.isFrozen ? 'tpp.home.closed' : 'tpp.home.computed') }
          : null
      }
      query={now}
      link={{ to: '/tpp', label: t('tpp.home.openMine') }}
    >
      {now.data && (
        <>
          <Text size="xl" fw={700} c="teal.8" data-testid="my-tpp-card-payable">
            {rupiah(now.data.netPayable)}
          </Text>
          <SimpleGrid cols={2} spacing="xs">
            <Figure label={t('tpp.total.earned')} value={rupiah(now.data.result.earned)} />
            <Figure label={t('tpp.total.deductions')} value={rupiah(-now.data.result.deductionTotal)} />
          </SimpleGrid>
        </>
      )}
      {previous && (
        <Text size="sm" c="dimmed" data-testid="my-tpp-card-previous">
          {t(previous.isFrozen ? 'tpp.home.lastMonthPaid' : 'tpp.home.lastMonthOpen', { period: formatMonth(lastMonth, locale), amount: rupiah(previous.net) })}
        </Text>
      )}
    </HomeCard>
  );
}

/** Home-page card for those who read TPP results (BKPSDM, admin OPD, pimpinan, auditors): last month in their scope. */
export function RegionTppCard() {
  const t = useTppT();
  const [locale] = useLocale();
  const period = shiftMonth(todayInBrowser().slice(0, 7), -1);
  const summary = useTppSummary(period);
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  const data = summary.data;
  const isComputed = data !== undefined && data.region.employees > 0;
  const moved = data ? findBiggestChange(data.opds) : null;
  return (
    <HomeCard
      testId="region-tpp-card"
      icon={<IconReportMoney size={20} aria-hidden />}
      title={t('tpp.home.regionTitle', { period: formatMonth(period, locale) })}
      badge={isComputed ? { color: data.isFrozen ? 'teal' : 'blue', label: t(data.isFrozen ? 'tpp.home.closed' : 'tpp.home.computed') } : null}
      query={summary}
      link={{ to: '/tpp/runs', label: t('tpp.home.openRuns') }}
    >
      {data && !isComputed && (
        <Text size="sm" c="dimmed">
          {t('tpp.home.notComputed', { period: formatMonth(period, locale) })}
        </Text>
      )}
      {isComputed && (
        <>
          <div>
            <Text size="xl" fw={700} data-testid="region-tpp-card-net">
              {rupiah(data.region.net)}
            </Text>
            <Text size="xs" c="dimmed" className="break-anywhere">
              {data.opds.length === 1 ? data.opds[0]?.opdName : t('tpp.home.opdCount', { count: data.opds.length })}
            </Text>
          </div>
          <SimpleGrid cols={2} spacing="xs">
            <Figure label={t('tpp.runs.employees')} value={String(data.region.employees)} />
            <Figure
              label={t('tpp.home.changeSince', { period: formatMonth(data.previousPeriod, locale) })}
              value={data.region.change === null ? '–' : `${rupiah(data.region.change)}${data.region.previousNet ? ` (${formatChangeShare(data.region.change, data.region.previousNet, locale)})` : ''}`}
              testId="region-tpp-card-change"
            />
          </SimpleGrid>
          {moved && moved.change !== null && (
            <Text size="sm" c="dimmed" className="break-anywhere" data-testid="region-tpp-card-biggest">
              {t('tpp.home.biggestOpd', { opd: moved.opdName, change: rupiah(moved.change) })}
            </Text>
          )}
        </>
      )}
    </HomeCard>
  );
}
