import { Alert, Badge, Button, Card, Drawer, Group, List, Loader, Progress, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlayerPlay, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TppRunView, TppSummaryView } from '../../../contracts/tpp';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale } from '../../i18n/i18n-context';
import { formatMonth, todayInBrowser } from '../../lib/dates';
import { shiftMonth } from '../attendance/attendance-calendar-data';
import { MonthPicker } from '../attendance/month-picker';
import { UnitSelect } from '../units/unit-select';
import { downloadPayroll, downloadPayrollPdf, downloadSummary, downloadUnitSlips, type TppResultSort, useStartTppRun, useTppResults, useTppRun, useTppRuns, useTppSummary } from './tpp-api';
import { TppExplanationPanel } from './tpp-explanation-view';
import { formatChangeShare, formatRupiahFor, useTppT } from './tpp-i18n';
import { sortSummaryRows } from './tpp-summary-order';
import { canRunRegionTpp, canRunTpp } from './tpp-permissions';

const STATUS_COLORS: Record<TppRunView['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };
const showError = (error: Error) => notifications.show({ color: 'red', message: error.message });

/** One run with its progress bar, polled while it waits or runs. */
function RunProgress({ runId, onFinished }: { runId: string; onFinished: () => void }) {
  const t = useTppT();
  const query = useTppRun(runId);
  const run = query.data;
  const isFinished = run?.status === 'done' || run?.status === 'failed';
  // Refresh the results once when this run finishes, not on every render after.
  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (isFinished && notified.current !== runId) {
      notified.current = runId;
      onFinished();
    }
  }, [isFinished, onFinished, runId]);
  if (!run) return <Loader size="sm" />;
  const percent = run.progressTotal === 0 ? (isFinished ? 100 : 0) : Math.round((run.progressDone / run.progressTotal) * 100);
  return (
    <Card withBorder padding="sm" data-testid="tpp-run-progress">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {run.period} · {run.unitName ?? t('tpp.runs.region')}
        </Text>
        <Badge color={STATUS_COLORS[run.status]} variant="light" data-testid="tpp-run-status">
          {t(`tpp.runs.status.${run.status}`)}
        </Badge>
      </Group>
      <Progress value={percent} animated={!isFinished} color={STATUS_COLORS[run.status]} />
      <Text size="xs" c="dimmed" mt={4}>
        {t('tpp.runs.progress', { done: run.progressDone, total: run.progressTotal })}
      </Text>
      {run.error && (
        <Alert color="red" mt="xs">
          {run.error}
        </Alert>
      )}
      {run.issues.length > 0 && (
        <Alert color="yellow" mt="xs" title={t('tpp.runs.issues', { count: run.issues.length })}>
          <List size="xs">
            {run.issues.slice(0, 20).map((issue) => (
              <List.Item key={issue.employeeId}>
                {issue.name} ({issue.nip}): {issue.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Card>
  );
}

type SummaryRow = TppSummaryView['opds'][number];

function Summary({ period }: { period: string }) {
  const t = useTppT();
  const [locale] = useLocale();
  const [sort, setSort] = useState<'name' | 'change'>('name');
  const summary = useTppSummary(period);
  if (!summary.data || summary.data.opds.length === 0) return null;
  const rupiah = (amount: number | null) => (amount === null ? '–' : formatRupiahFor(amount, locale));
  const changeCell = (row: Pick<SummaryRow, 'change' | 'previousNet'>) => (
    <Table.Td ta="right" c={row.change !== null && row.change < 0 ? 'red.7' : undefined} fw={600} style={{ whiteSpace: 'nowrap' }}>
      <span data-testid="tpp-summary-change">{rupiah(row.change)}</span>
      {row.change !== null && row.previousNet !== null && row.previousNet !== 0 && (
        <Text span size="xs" c="dimmed" fw={400} display="block">
          {formatChangeShare(row.change, row.previousNet, locale)}
        </Text>
      )}
    </Table.Td>
  );
  const { region } = summary.data;
  return (
    <Card withBorder padding={0}>
      <Group justify="space-between" align="flex-end" gap="xs" p="sm" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600} size="sm">
            {t('tpp.runs.summary')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('tpp.runs.summaryCompared', { previous: formatMonth(summary.data.previousPeriod, locale) })}
          </Text>
        </Stack>
        <SegmentedControl
          size="xs"
          aria-label={t('tpp.runs.sortBy')}
          value={sort}
          onChange={(value) => setSort(value === 'change' ? 'change' : 'name')}
          data={[
            { value: 'name', label: t('tpp.runs.sortName') },
            { value: 'change', label: t('tpp.runs.sortChange') },
          ]}
          data-testid="tpp-summary-sort"
        />
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table fz="sm" verticalSpacing={4} data-testid="tpp-summary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={180}>{t('tpp.runs.unit')}</Table.Th>
              <Table.Th ta="right">{t('tpp.runs.employees')}</Table.Th>
              <Table.Th ta="right">{t('tpp.total.deductions')}</Table.Th>
              <Table.Th ta="right">{t('tpp.total.net')}</Table.Th>
              <Table.Th ta="right">{t('tpp.runs.previous')}</Table.Th>
              <Table.Th ta="right">{t('tpp.runs.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortSummaryRows(summary.data.opds, sort).map((row) => (
              <Table.Tr key={`${row.opdUnitId ?? ''}:${row.opdName}`} data-testid="tpp-summary-row">
                <Table.Td className="break-anywhere">{row.opdName}</Table.Td>
                <Table.Td ta="right">
                  {row.employees}
                  {row.previousEmployees !== null && row.previousEmployees !== row.employees && (
                    <Text span size="xs" c="dimmed" display="block">
                      {t('tpp.runs.employeesBefore', { count: row.previousEmployees })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rupiah(row.deductionTotal)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rupiah(row.net)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="tpp-summary-previous">
                  {rupiah(row.previousNet)}
                </Table.Td>
                {changeCell(row)}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('tpp.runs.totalRegion')}</Table.Td>
              <Table.Td ta="right">{region.employees}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rupiah(region.deductionTotal)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rupiah(region.net)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rupiah(region.previousNet)}</Table.Td>
              {changeCell(region)}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function Results({ period, unitId }: { period: string; unitId: string | null }) {
  const t = useTppT();
  const [locale] = useLocale();
  const [openId, setOpenId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TppResultSort>('change');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const results = useTppResults(period, unitId, debouncedSearch, sort);
  if (results.isPending) return <Loader size="sm" />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const rupiah = (amount: number | null) => (amount === null ? '–' : formatRupiahFor(amount, locale));
  return (
    <Stack gap="sm">
      <Card withBorder padding={0}>
        <Group justify="space-between" align="flex-end" gap="xs" p="sm" wrap="wrap">
          <Stack gap={0}>
            <Text fw={600} size="sm">
              {t(sort === 'change' ? 'tpp.runs.results' : sort === 'net' ? 'tpp.runs.resultsByNet' : 'tpp.runs.resultsByName')}
            </Text>
            {results.data.total > results.data.items.length && (
              <Text size="xs" c="dimmed" data-testid="tpp-results-shown">
                {t('tpp.runs.shown', { shown: results.data.items.length, total: results.data.total })}
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="wrap">
            <SegmentedControl
              size="xs"
              aria-label={t('tpp.runs.sortResults')}
              value={sort}
              onChange={(value) => setSort(value === 'name' || value === 'net' ? value : 'change')}
              data={[
                { value: 'change', label: t('tpp.runs.sortChange') },
                { value: 'net', label: t('tpp.runs.sortNet') },
                { value: 'name', label: t('tpp.runs.sortPerson') },
              ]}
              data-testid="tpp-results-sort"
            />
            <TextInput
              size="xs"
              w={260}
              leftSection={<IconSearch size={14} />}
              placeholder={t('tpp.runs.search')}
              aria-label={t('tpp.runs.search')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              data-testid="tpp-results-search"
            />
          </Group>
        </Group>
        {results.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('tpp.runs.noResults')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table highlightOnHover fz="sm" verticalSpacing={4} data-testid="tpp-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tpp.runs.employee')}</Table.Th>
                  <Table.Th ta="right">{t('tpp.total.net')}</Table.Th>
                  <Table.Th ta="right">{t('tpp.runs.previous')}</Table.Th>
                  <Table.Th ta="right">{t('tpp.runs.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.data.items.map((row) => (
                  <Table.Tr key={row.resultId} style={{ cursor: 'pointer' }} onClick={() => setOpenId(row.employeeId)} data-testid="tpp-result-row">
                    <Table.Td>
                      <Text size="sm" fw={500} className="break-anywhere">
                        {row.name}
                      </Text>
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {row.nip} · {row.opdName ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{rupiah(row.net)}</Table.Td>
                    <Table.Td ta="right">{rupiah(row.previousNet)}</Table.Td>
                    <Table.Td ta="right" c={row.change !== null && row.change < 0 ? 'red.7' : undefined} fw={600}>
                      {rupiah(row.change)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {/* Beside the list, not below it: under 200 rows the explanation would open out of sight. */}
      <Drawer
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size={isPhone ? '100%' : 'xl'}
        title={t('tpp.runs.explain')}
        closeButtonProps={{ 'aria-label': t('tpp.runs.close') }}
        data-testid="tpp-explanation-drawer"
      >
        {openId && <TppExplanationPanel employeeId={openId} period={period} canSimulate />}
      </Drawer>
    </Stack>
  );
}

/** Start a month's run for the region or an OPD, follow its progress, read the results and export them. */
export function TppRunsPage() {
  const t = useTppT();
  const me = useSession();
  const [period, setPeriod] = useState(() => shiftMonth(todayInBrowser().slice(0, 7), -1));
  const [unitId, setUnitId] = useState<string | null>(canRunRegionTpp(me.roles) ? null : (me.adminUnitIds[0] ?? null));
  const [startedRun, setStartedRun] = useState<{ id: string; period: string } | null>(null);
  const [isDownloading, setIsDownloading] = useState<'payroll' | 'payrollPdf' | 'slips' | 'summary' | 'summaryPdf' | null>(null);
  const start = useStartTppRun();
  const runs = useTppRuns(period);
  const queryClient = useQueryClient();
  const summary = useTppSummary(period);

  const startRun = () =>
    start.mutate(
      { period, unitId },
      {
        onSuccess: (run) => {
          setStartedRun({ id: run.id, period: run.period });
          notifications.show({ color: 'teal', message: t('tpp.runs.started', { period }) });
        },
        onError: showError,
      },
    );
  const download = (kind: 'payroll' | 'payrollPdf' | 'slips' | 'summary' | 'summaryPdf') => {
    setIsDownloading(kind);
    const started =
      kind === 'payroll'
        ? downloadPayroll(period, unitId)
        : kind === 'payrollPdf' && unitId
          ? downloadPayrollPdf(period, unitId)
          : kind === 'slips' && unitId
            ? downloadUnitSlips(period, unitId)
            : downloadSummary(period, kind === 'summary' ? 'xlsx' : 'pdf');
    started.catch(showError).finally(() => setIsDownloading(null));
  };
  const refresh = () => {
    void runs.refetch();
    void queryClient.invalidateQueries({ queryKey: ['tpp', 'results', period] });
    void summary.refetch();
  };
  // The run started here while its month is shown, else the month's latest run (never another month's).
  const shownRunId = startedRun?.period === period ? startedRun.id : (runs.data?.items[0]?.id ?? null);

  return (
    <>
      <PageHeader title={t('tpp.runs.title')} description={t('tpp.runs.description')} />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MonthPicker value={period} onChange={setPeriod} data-testid="tpp-runs-month" />
          <UnitSelect label={t('tpp.runs.unit')} placeholder={t('tpp.runs.unitHint')} value={unitId} onChange={setUnitId} clearable={canRunRegionTpp(me.roles)} data-testid="tpp-runs-unit" />
          {canRunTpp(me.roles) && (
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={startRun} loading={start.isPending} disabled={!canRunRegionTpp(me.roles) && !unitId} data-testid="tpp-run-start">
              {t('tpp.runs.start')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={isDownloading === 'payroll'} onClick={() => download('payroll')} data-testid="tpp-payroll-xlsx">
            {t('tpp.runs.payroll')}
          </Button>
          {unitId && (
            <>
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={isDownloading === 'payrollPdf'} onClick={() => download('payrollPdf')} data-testid="tpp-payroll-pdf">
                {t('tpp.runs.payrollPdf')}
              </Button>
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={isDownloading === 'slips'} onClick={() => download('slips')} data-testid="tpp-unit-slips">
                {t('tpp.runs.unitSlips')}
              </Button>
            </>
          )}
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={isDownloading === 'summary'} onClick={() => download('summary')} data-testid="tpp-summary-xlsx">
            {t('tpp.runs.summaryXlsx')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={isDownloading === 'summaryPdf'} onClick={() => download('summaryPdf')} data-testid="tpp-summary-pdf">
            {t('tpp.runs.summaryPdf')}
          </Button>
        </Group>
        {shownRunId ? <RunProgress key={shownRunId} runId={shownRunId} onFinished={refresh} /> : (
          <Text size="sm" c="dimmed">
            {t('tpp.runs.none')}
          </Text>
        )}
        <Summary period={period} />
        <Results period={period} unitId={unitId} />
      </Stack>
    </>
  );
}
