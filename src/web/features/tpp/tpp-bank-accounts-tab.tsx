import { ActionIcon, Card, Group, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { TppBankAccountRowView, TppBankAccountStatus } from '../../../contracts/tpp-records';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { Pager } from '../../components/pager';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { TppBankAccountFormModal } from './tpp-bank-account-form-modal';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
import { TPP_RECORD_PAGE_SIZE, useTppBankAccount, useTppBankAccounts, type TppRecordFilters } from './tpp-records-api';

/** The masked number, or the whole one while the admin holds it open (fetched for this row only). */
function AccountNumber({ row }: { row: TppBankAccountRowView }) {
  const t = useT();
  const [isShown, setIsShown] = useState(false);
  const whole = useTppBankAccount(isShown ? row.employeeId : null);
  if (row.accountNumberMasked === null) return null;
  const label = isShown ? t('tppRecords.bank.hideNumber') : t('tppRecords.bank.showNumber');
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" ff="monospace" data-testid="tpp-bank-number">
        {isShown && whole.data ? whole.data.accountNumber : row.accountNumberMasked}
      </Text>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" size="md" aria-label={label} onClick={() => setIsShown((shown) => !shown)} loading={isShown && whole.isFetching} data-testid="tpp-bank-reveal">
          {isShown ? <IconEyeOff size={16} /> : <IconEye size={16} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Where each employee's TPP is paid: who still has no account, masked numbers, edit with confirmation. */
export function TppBankAccountsTab() {
  const t = useT();
  const [locale] = useLocale();
  const [filters, setFilters] = useState<TppRecordFilters>(NO_FILTERS);
  const [status, setStatus] = useState<TppBankAccountStatus>('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TppBankAccountRowView | null>(null);
  const accounts = useTppBankAccounts(filters, status, page);
  const items = accounts.data?.items ?? [];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('tppRecords.bank.intro')}
      </Text>
      <TppRecordFilterBar
        filters={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
        }}
        isFetching={accounts.isFetching}
        testId="tpp-bank-filter"
      >
        <SegmentedControl
          value={status}
          onChange={(value) => {
            setStatus(value as TppBankAccountStatus);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('tppRecords.bank.statusAll') },
            { value: 'missing', label: t('tppRecords.bank.statusMissing') },
            { value: 'present', label: t('tppRecords.bank.statusPresent') },
          ]}
          data-testid="tpp-bank-status"
        />
      </TppRecordFilterBar>
      {accounts.isError && <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" striped data-testid="tpp-bank-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tppRecords.employee')}</Table.Th>
                <Table.Th>{t('tppRecords.bank.account')}</Table.Th>
                <Table.Th>{t('tppRecords.bank.updatedAt')}</Table.Th>
                <Table.Th w={52} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data && items.length === 0 && <EmptyRows colSpan={4} />}
              {items.map((row) => (
                <Table.Tr key={row.employeeId} data-testid="tpp-bank-row">
                  <Table.Td>
                    <Text size="sm" fw={500} className="break-anywhere">
                      {row.name}
                    </Text>
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {row.nip} · {row.unitName ?? '—'}
                    </Text>
                  </Table.Td>
                  {/* Bank, number and holder in one cell, beside the name: on a phone it shows before scrolling. */}
                  <Table.Td>
                    {row.bankName === null ? (
                      <Text size="sm" c="orange.8" fw={500}>
                        {t('tppRecords.bank.none')}
                      </Text>
                    ) : (
                      <>
                        <Text size="sm" className="break-anywhere">
                          {row.bankName}
                        </Text>
                        <AccountNumber row={row} />
                        <Text size="xs" c="dimmed" className="break-anywhere">
                          {t('tppRecords.bank.holderIs', { name: row.accountHolder ?? '—' })}
                        </Text>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(row.updatedAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={row.bankName ? t('tppRecords.bank.edit') : t('tppRecords.bank.add')}>
                      <ActionIcon variant="subtle" size="lg" aria-label={row.bankName ? t('tppRecords.bank.edit') : t('tppRecords.bank.add')} onClick={() => setEditing(row)} data-testid="tpp-bank-edit">
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {accounts.data && <Pager page={page} pageSize={TPP_RECORD_PAGE_SIZE} total={accounts.data.total} onChange={setPage} />}
      {editing && <TppBankAccountFormModal row={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
