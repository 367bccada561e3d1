import { Alert, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { TppComplianceSheetView } from '../../../contracts/tpp-records';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { Pager } from '../../components/pager';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
import { TppEmployeeCell, TppRecordTabHeader, TppRecordTable } from './tpp-record-parts';
import { TPP_RECORD_PAGE_SIZE, useSetTppComplianceItem, useTppComplianceSheet, type TppRecordFilters } from './tpp-records-api';

type Row = TppComplianceSheetView['items'][number];
type Cell = Row['values'][number];

/** One employee × item: met / not met, empty until recorded; the note already recorded is kept. */
function ComplianceCell({ row, cell, label, period, isReadOnly }: { row: Row; cell: Cell; label: string; period: string; isReadOnly: boolean }) {
  const t = useT();
  const save = useSetTppComplianceItem();
  const value = cell.isMet === null ? null : cell.isMet ? 'met' : 'unmet';
  return (
    <Select
      size="xs"
      w={150}
      aria-label={t('tppRecords.compliance.cellLabel', { item: label, name: row.name })}
      placeholder={t('tppRecords.compliance.notRecorded')}
      data={[
        { value: 'met', label: t('tppRecords.compliance.met') },
        { value: 'unmet', label: t('tppRecords.compliance.unmet') },
      ]}
      value={value}
      allowDeselect={false}
      disabled={isReadOnly || save.isPending}
      error={save.error ? true : undefined}
      onChange={(next) => {
        if (!next || next === value) return;
        save.mutate(
          { employeeId: row.employeeId, period, code: cell.code, isMet: next === 'met', note: cell.note },
          { onError: (error) => notifications.show({ color: 'red', message: error.message }) },
        );
      }}
      comboboxProps={{ withinPortal: true }}
      data-testid={`tpp-compliance-${cell.code}`}
    />
  );
}

/** A month's compliance items (LHKPN, BMD, TPTGR …) for the employees in scope, as the month's rule set asks for them. */
export function TppComplianceTab() {
  const t = useT();
  const [period, setPeriod] = useState(() => todayInBrowser().slice(0, 7));
  const [filters, setFilters] = useState<TppRecordFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const sheet = useTppComplianceSheet(period, filters, page);
  const data = sheet.data;
  const columns = data?.columns ?? [];
  const hasNoItems = data !== undefined && columns.length === 0;

  return (
    <Stack gap="sm">
      <TppRecordTabHeader intro={t('tppRecords.compliance.intro')} />
      <TppRecordFilterBar
        filters={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
        }}
        isFetching={sheet.isFetching}
        testId="tpp-compliance-filter"
      >
        <MonthPicker
          value={period}
          onChange={(month) => {
            setPeriod(month);
            setPage(1);
          }}
          data-testid="tpp-compliance-month"
        />
      </TppRecordFilterBar>
      {sheet.isError && <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />}
      {data?.isPeriodClosed && <Alert color="gray">{t('tppRecords.compliance.closed', { period })}</Alert>}
      {hasNoItems ? (
        <Alert color="blue" data-testid="tpp-compliance-none">
          {data.ruleSetName ? t('tppRecords.compliance.noItems', { period, ruleSet: data.ruleSetName }) : t('tppRecords.compliance.noRuleSet', { period })}
        </Alert>
      ) : (
        <>
          <TppRecordTable
            minWidth={280 + columns.length * 170}
            testId="tpp-compliance-table"
            head={
              <>
                <Table.Th>{t('tppRecords.employee')}</Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column.code}>
                    <Text size="sm" fw={600} className="break-anywhere">
                      {column.label}
                    </Text>
                  </Table.Th>
                ))}
              </>
            }
          >
            {data && data.items.length === 0 && <EmptyRows colSpan={columns.length + 1} />}
            {data?.items.map((row) => (
              <Table.Tr key={row.employeeId} data-testid="tpp-compliance-row">
                <TppEmployeeCell name={row.name} nip={row.nip} unitName={row.unitName} />
                {row.values.map((cell) => (
                  <Table.Td key={cell.code}>
                    <ComplianceCell row={row} cell={cell} label={columns.find((column) => column.code === cell.code)?.label ?? cell.code} period={data.period} isReadOnly={data.isPeriodClosed} />
                    {cell.note && (
                      <Text size="xs" c="dimmed" mt={2} className="break-anywhere">
                        {cell.note}
                      </Text>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </TppRecordTable>
          {data && <Pager page={page} pageSize={TPP_RECORD_PAGE_SIZE} total={data.total} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
