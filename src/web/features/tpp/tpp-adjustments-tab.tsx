import { ActionIcon, Alert, Button, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { TppAdjustmentViewItem } from '../../../contracts/tpp-records';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime, todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { formatRupiahFor } from './tpp-i18n';
import { TppAdjustmentFormModal } from './tpp-adjustment-form-modal';
import { canRecordTppDecisions } from './tpp-permissions';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
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
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tppRecords.adjustments.intro')}
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ editing: null })} data-testid="tpp-adjustment-create">
            {t('tppRecords.adjustments.create')}
          </Button>
        )}
      </Group>
      <TppRecordFilterBar filters={filters} onChange={setFilters} isFetching={adjustments.isFetching} testId="tpp-adjustment-filter">
        <MonthPicker value={period} onChange={setPeriod} data-testid="tpp-adjustment-month" />
      </TppRecordFilterBar>
      {adjustments.data?.isPeriodClosed && (
        <Alert color="gray" data-testid="tpp-adjustment-closed">
          {t('tppRecords.adjustments.closed', { period })}
        </Alert>
      )}
      {adjustments.isError && <ErrorState error={adjustments.error} onRetry={() => void adjustments.refetch()} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped data-testid="tpp-adjustment-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tppRecords.employee')}</Table.Th>
                <Table.Th ta="right">{t('tppRecords.adjustments.amount')}</Table.Th>
                <Table.Th>{t('tppRecords.adjustments.correctsPeriod')}</Table.Th>
                <Table.Th>{t('tppRecords.adjustments.reason')}</Table.Th>
                {canChange && <Table.Th w={92} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {adjustments.data && items.length === 0 && <EmptyRows colSpan={canChange ? 5 : 4} text={t('tppRecords.adjustments.empty', { period })} />}
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="tpp-adjustment-row">
                  <Table.Td>
                    <Text size="sm" fw={500} className="break-anywhere">
                      {item.name}
                    </Text>
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {item.nip} · {item.unitName ?? '—'}
                    </Text>
                  </Table.Td>
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
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t('tppRecords.adjustments.edit')}>
                          <ActionIcon variant="subtle" size="lg" aria-label={t('tppRecords.adjustments.edit')} onClick={() => setForm({ editing: item })} data-testid="tpp-adjustment-edit">
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('tppRecords.adjustments.delete')}>
                          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('tppRecords.adjustments.delete')} onClick={() => setDeleting(item)} data-testid="tpp-adjustment-delete">
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {form && <TppAdjustmentFormModal editing={form.editing} defaultPeriod={period} onClose={() => setForm(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('tppRecords.adjustments.deleteTitle')}
        message={deleting ? t('tppRecords.adjustments.deleteText', { name: deleting.name, corrects: deleting.correctsPeriod, amount: rupiah(deleting.amount) }) : ''}
        confirmLabel={t('tppRecords.adjustments.delete')}
        isLoading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('tppRecords.adjustments.deleted') });
              setDeleting(null);
            },
            onError: (error) => notifications.show({ color: 'red', message: error.message }),
          })
        }
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
