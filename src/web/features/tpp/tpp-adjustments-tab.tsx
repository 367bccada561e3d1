import { Alert, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { TppAdjustmentViewItem } from '../../../contracts/tpp-records';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime, todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { formatRupiahFor } from './tpp-i18n';
import { TppAdjustmentFormModal } from './tpp-adjustment-form-modal';
import { canRecordTppDecisions } from './tpp-permissions';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
import { TppEmployeeCell, TppRecordTabHeader, TppRecordTable, TppRemoveDialog, TppRowActions } from './tpp-record-parts';
import { useDeleteTppAdjustment, useTppAdjustments, type TppRecordFilters } from './tpp-records-api';

/**
 * Corrections of closed months paid with the chosen month: read by every TPP reader in scope, recorded,
 * changed and removed by BKPSDM while that month is open (once it is closed they were paid).
 */
export function TppAdjustmentsTab() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canRecordTppDecisions(me.roles);
  const [period, setPeriod] = useState(() => todayInBrowser().slice(0, 7));
  const [filters, setFilters] = useState<TppRecordFilters>(NO_FILTERS);
  const [form, setForm] = useState<{ editing: TppAdjustmentViewItem | null } | null>(null);
  const [deleting, setDeleting] = useState<TppAdjustmentViewItem | null>(null);
  const adjustments = useTppAdjustments(period, filters);
  const remove = useDeleteTppAdjustment();
  const items = adjustments.data?.items ?? [];
  const isOpen = adjustments.data?.isPeriodClosed === false;
  const canChange = canWrite && isOpen;
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  const total = items.reduce((sum, item) => sum + item.amount, 0);

  return (
    <Stack gap="sm">
      <TppRecordTabHeader
        intro={t('tppRecords.adjustments.intro')}
        action={canWrite ? { label: t('tppRecords.adjustments.create'), onClick: () => setForm({ editing: null }), testId: 'tpp-adjustment-create' } : undefined}
      />
      <TppRecordFilterBar filters={filters} onChange={setFilters} isFetching={adjustments.isFetching} testId="tpp-adjustment-filter">
        <MonthPicker value={period} onChange={setPeriod} data-testid="tpp-adjustment-month" />
      </TppRecordFilterBar>
      {adjustments.data?.isPeriodClosed && (
        <Alert color="gray" data-testid="tpp-adjustment-closed">
          {t('tppRecords.adjustments.closed', { period })}
        </Alert>
      )}
      {adjustments.isError && <ErrorState error={adjustments.error} onRetry={() => void adjustments.refetch()} />}
      <TppRecordTable
        minWidth={720}
        testId="tpp-adjustment-table"
        head={
          <>
            <Table.Th>{t('tppRecords.employee')}</Table.Th>
            <Table.Th ta="right">{t('tppRecords.adjustments.amount')}</Table.Th>
            <Table.Th>{t('tppRecords.adjustments.correctsPeriod')}</Table.Th>
            <Table.Th>{t('tppRecords.adjustments.reason')}</Table.Th>
            {canChange && <Table.Th w={92} />}
          </>
        }
      >
        {adjustments.data && items.length === 0 && <EmptyRows colSpan={canChange ? 5 : 4} text={t('tppRecords.adjustments.empty', { period })} />}
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="tpp-adjustment-row">
            <TppEmployeeCell name={item.name} nip={item.nip} unitName={item.unitName} />
            {/* The amount beside the name: on a phone it is what shows before scrolling. */}
            <Table.Td ta="right" fw={600} c={item.amount < 0 ? 'red.7' : 'teal.8'} style={{ whiteSpace: 'nowrap' }}>
              {item.amount > 0 ? '+' : ''}
              {rupiah(item.amount)}
            </Table.Td>
            <Table.Td>{item.correctsPeriod}</Table.Td>
            <Table.Td>
              <Text size="sm" className="break-anywhere">
                {item.reason}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(item.createdAt, locale)}
              </Text>
            </Table.Td>
            {canChange && (
              <TppRowActions
                edit={{ label: t('tppRecords.adjustments.edit'), onClick: () => setForm({ editing: item }), testId: 'tpp-adjustment-edit' }}
                remove={{ label: t('tppRecords.adjustments.delete'), onClick: () => setDeleting(item), testId: 'tpp-adjustment-delete' }}
              />
            )}
          </Table.Tr>
        ))}
        {items.length > 1 && (
          <Table.Tr fw={700}>
            <Table.Td>{t('tppRecords.adjustments.total', { count: items.length })}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {rupiah(total)}
            </Table.Td>
            <Table.Td colSpan={canChange ? 3 : 2} />
          </Table.Tr>
        )}
      </TppRecordTable>
      {form && <TppAdjustmentFormModal editing={form.editing} defaultPeriod={period} onClose={() => setForm(null)} />}
      <TppRemoveDialog
        item={deleting}
        mutation={remove}
        keyOf={(item) => item.id}
        title={t('tppRecords.adjustments.deleteTitle')}
        message={(item) => t('tppRecords.adjustments.deleteText', { name: item.name, corrects: item.correctsPeriod, amount: rupiah(item.amount) })}
        confirmLabel={t('tppRecords.adjustments.delete')}
        removedMessage={t('tppRecords.adjustments.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
