import { ActionIcon, Alert, Button, Group, Loader, Menu, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { FormModal } from '../../components/form-modal';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { useDeletePayData, usePayDataHistory, type PayDataListItem, type PayDataRecordView } from './pay-data-api';
import { PayDataFormModal } from './pay-data-form-modal';
import { PayDataStatusBadge } from './pay-data-status-badge';
import { formatRupiahFor } from './tpp-i18n';

/** First day of the month after today: where a new pay row usually starts. */
const nextMonthStart = (today: string) => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};

/** An employee's pay data over time, newest first: add a row from a TMT, correct or delete one. */
export function PayDataHistoryModal({ employee, onClose }: { employee: PayDataListItem; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const history = usePayDataHistory(employee.id);
  const remove = useDeletePayData();
  const [editing, setEditing] = useState<PayDataRecordView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PayDataRecordView | null>(null);
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  const items = history.data?.items ?? [];

  return (
    <>
      <FormModal title={t('payData.historyTitle', { name: employee.name })} onClose={onClose}>
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {employee.nip} · {employee.golongan ?? '-'} · {employee.unitName ?? '-'}
            </Text>
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="pay-data-add">
              {t('payData.add')}
            </Button>
          </Group>
          {history.isPending && <Loader size="sm" />}
          {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
          {remove.error && (
            <Alert color="red" role="alert">
              {remove.error.message}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped data-testid="pay-data-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payData.tmt')}</Table.Th>
                  <Table.Th>{t('payData.status')}</Table.Th>
                  <Table.Th ta="right">{t('payData.baseSalary')}</Table.Th>
                  <Table.Th ta="right">{t('payData.bpjsIncome')}</Table.Th>
                  <Table.Th w={52} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data && items.length === 0 && <EmptyRows colSpan={5} text={t('payData.empty')} />}
                {items.map((item) => (
                  <Table.Tr key={item.id} data-testid="pay-data-history-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDate(item.effectiveFrom, locale)}</Text>
                      {item.decreeNumber && (
                        <Text size="xs" c="dimmed" className="break-anywhere">
                          {item.decreeNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <PayDataStatusBadge jenisAsn={employee.jenisAsn} isCpns={item.isCpns} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {rupiah(item.baseSalary)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {rupiah(item.bpjsIncome)}
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: formatDate(item.effectiveFrom, locale) })}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditing(item)}>{t('action.edit')}</Menu.Item>
                          <Menu.Item color="red" onClick={() => setDeleting(item)}>
                            {t('payData.delete')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </FormModal>
      {editing && (
        <PayDataFormModal
          employee={{ id: employee.id, jenisAsn: employee.jenisAsn }}
          record={editing === 'new' ? null : editing}
          template={items[0] ?? null}
          defaultDate={nextMonthStart(todayInBrowser())}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('payData.delete')}
        message={deleting ? t('payData.deleteText', { date: formatDate(deleting.effectiveFrom, locale) }) : ''}
        confirmLabel={t('payData.delete')}
        isLoading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('payData.deleted') });
              setDeleting(null);
            },
          });
        }}
      />
    </>
  );
}
