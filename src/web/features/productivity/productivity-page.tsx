import { ActionIcon, Button, Card, Group, Loader, Stack, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProductivityList } from '../../../contracts/activities-productivity';
import { canReadUnitAttendance, hasSubordinates } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { UnitSelect } from '../units/unit-select';
import { downloadActivityReport, downloadUnitProductivity, useEmployeeProductivity, useSubordinateProductivity, useUnitProductivity } from './productivity-api';
import { formatPercent, percentColor } from './productivity-format';
import { ProductivityFigures } from './productivity-summary';

const showDownloadError = (error: Error) => notifications.show({ color: 'red', message: error.message });

function PdfButton({ employeeId, month, compact = false }: { employeeId: string; month: string; compact?: boolean }) {
  const t = useT();
  const [isBusy, setIsBusy] = useState(false);
  const download = () => {
    setIsBusy(true);
    downloadActivityReport(employeeId, month)
      .catch(showDownloadError)
      .finally(() => setIsBusy(false));
  };
  if (compact) {
    return (
      <Tooltip label={t('activityProductivity.downloadPdf')}>
        <ActionIcon variant="subtle" loading={isBusy} onClick={download} aria-label={t('activityProductivity.downloadPdf')} data-testid="productivity-row-pdf">
          <IconFileTypePdf size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button variant="default" size="xs" leftSection={<IconFileTypePdf size={14} />} loading={isBusy} onClick={download} data-testid="productivity-pdf">
      {t('activityProductivity.downloadPdf')}
    </Button>
  );
}

/** One employee's month: the figure, its parts and the days (null employee = me). */
function EmployeeMonth({ employeeId, month }: { employeeId: string | null; month: string }) {
  const t = useT();
  const [locale] = useLocale();
  const productivity = useEmployeeProductivity(employeeId, month);
  if (productivity.isPending) return <Loader size="sm" />;
  if (productivity.isError) return <ErrorState error={productivity.error} onRetry={() => void productivity.refetch()} />;
  const data = productivity.data;
  return (
    <Stack gap="sm" data-testid="productivity-employee">
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Text fw={600} className="break-anywhere">
              {data.employeeName}
            </Text>
            <PdfButton employeeId={data.employeeId} month={data.month} />
          </Group>
          <ProductivityFigures summary={data} liveUntil={data.isPartial ? formatDate(data.throughDate, locale) : null} />
        </Stack>
      </Card>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing={4} fz="sm" data-testid="productivity-days">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activityProductivity.date')}</Table.Th>
                <Table.Th>{t('activityProductivity.dayKind')}</Table.Th>
                <Table.Th ta="right">{t('activityProductivity.approvedMinutes')}</Table.Th>
                <Table.Th ta="right">{t('activityProductivity.countedMinutes')}</Table.Th>
                <Table.Th ta="right">{t('activityProductivity.targetMinutes')}</Table.Th>
                <Table.Th ta="right">{t('activityProductivity.pendingMinutes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.days.map((day) => (
                <Table.Tr key={day.date} c={day.kind === 'day_off' ? 'dimmed' : undefined}>
                  <Table.Td>{formatDate(day.date, locale)}</Table.Td>
                  <Table.Td>{t(`activityProductivity.day.${day.kind}`)}</Table.Td>
                  <Table.Td ta="right">{day.approvedMinutes}</Table.Td>
                  <Table.Td ta="right">{day.countedMinutes}</Table.Td>
                  <Table.Td ta="right">{day.targetMinutes}</Table.Td>
                  <Table.Td ta="right">{day.pendingMinutes || ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}

/** A list of employees with their figure; a row opens the employee's month. */
function ProductivityTable({ list, emptyText, onOpen, testId }: { list: ProductivityList; emptyText: string; onOpen: (employeeId: string) => void; testId: string }) {
  const t = useT();
  const [locale] = useLocale();
  if (list.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="md">
        {emptyText}
      </Text>
    );
  }
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={560}>
        <Table highlightOnHover verticalSpacing="xs" fz="sm" data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activityProductivity.employee')}</Table.Th>
              <Table.Th ta="right">{t('activityProductivity.percent')}</Table.Th>
              <Table.Th ta="right">{t('activityProductivity.countedMinutes')}</Table.Th>
              <Table.Th ta="right">{t('activityProductivity.targetMinutes')}</Table.Th>
              <Table.Th ta="right">{t('activityProductivity.pendingMinutes')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((item) => (
              <Table.Tr key={item.employeeId} style={{ cursor: 'pointer' }} onClick={() => onOpen(item.employeeId)} data-testid="productivity-row">
                <Table.Td>
                  <Text size="sm" fw={500} className="break-anywhere">
                    {item.employeeName}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {item.employeeNip}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" c={percentColor(item.percentBasisPoints)} fw={600}>
                  {formatPercent(item.percentBasisPoints, locale)}
                </Table.Td>
                <Table.Td ta="right">{item.countedMinutes}</Table.Td>
                <Table.Td ta="right">{item.targetMinutes}</Table.Td>
                <Table.Td ta="right">{item.pendingMinutes}</Table.Td>
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <PdfButton employeeId={item.employeeId} month={list.month} compact />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function SubordinatesTab({ month }: { month: string }) {
  const t = useT();
  const list = useSubordinateProductivity(month, true);
  const [openId, setOpenId] = useState<string | null>(null);
  if (list.isPending) return <Loader size="sm" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="sm">
      <ProductivityTable list={list.data} emptyText={t('activityProductivity.noSubordinates')} onOpen={setOpenId} testId="productivity-subordinates" />
      {openId && <EmployeeMonth employeeId={openId} month={month} />}
    </Stack>
  );
}

function UnitTab({ month }: { month: string }) {
  const t = useT();
  const me = useSession();
  const [unitId, setUnitId] = useState<string | null>(me.adminUnitIds[0] ?? null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [isDownloading, setIsDownloading] = useState(false);
  const list = useUnitProductivity(unitId, month);
  const download = () => {
    if (!unitId) return;
    setIsDownloading(true);
    downloadUnitProductivity(unitId, month)
      .catch(showDownloadError)
      .finally(() => setIsDownloading(false));
  };
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <UnitSelect label={t('activityProductivity.unit')} value={unitId} onChange={setUnitId} clearable={false} data-testid="productivity-unit" />
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!unitId} loading={isDownloading} onClick={download} data-testid="productivity-xlsx">
          {t('activityProductivity.downloadXlsx')}
        </Button>
        {list.isFetching && <Loader size="xs" />}
      </Group>
      {!unitId && (
        <Text size="sm" c="dimmed">
          {t('activityProductivity.pickUnit')}
        </Text>
      )}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && <ProductivityTable list={list.data} emptyText={t('activityProductivity.empty')} onOpen={setOpenId} testId="productivity-unit-table" />}
      {openId && <EmployeeMonth employeeId={openId} month={month} />}
    </Stack>
  );
}

/**
 * Productivity: mine (this month live, past months), my subordinates, and a unit's table with the
 * xlsx export for OPD admins, BKPSDM, pimpinan and auditors; the PDF report for each employee.
 */
export function ProductivityPage() {
  const t = useT();
  const me = useSession();
  const [month, setMonth] = useState(() => todayInBrowser().slice(0, 7));
  const isSuperior = hasSubordinates(me.roles);
  const isUnitReader = canReadUnitAttendance(me.roles);
  const firstTab = me.employeeId ? 'mine' : isUnitReader ? 'unit' : 'mine';
  return (
    <>
      <PageHeader title={t('activityProductivity.title')} description={t('activityProductivity.description')} />
      <Stack gap="sm">
        <MonthPicker value={month} onChange={setMonth} data-testid="productivity-month" />
        <Tabs defaultValue={firstTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="mine">{t('activityProductivity.tabMine')}</Tabs.Tab>
            {isSuperior && <Tabs.Tab value="subordinates">{t('activityProductivity.tabSubordinates')}</Tabs.Tab>}
            {isUnitReader && <Tabs.Tab value="unit">{t('activityProductivity.tabUnit')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="mine" pt="sm">
            {me.employeeId ? (
              <EmployeeMonth employeeId={null} month={month} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('activityProductivity.noEmployee')}
              </Text>
            )}
          </Tabs.Panel>
          {isSuperior && (
            <Tabs.Panel value="subordinates" pt="sm">
              <SubordinatesTab month={month} />
            </Tabs.Panel>
          )}
          {isUnitReader && (
            <Tabs.Panel value="unit" pt="sm">
              <UnitTab month={month} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
    </>
  );
}
