import { ActionIcon, Group, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { TppBankAccountRowView, TppBankAccountStatus } from '../../../contracts/tpp-records';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { Pager } from '../../components/pager';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { TppBankAccountFormModal } from './tpp-bank-account-form-modal';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
import { TppEmployeeCell, TppRecordTabHeader, TppRecordTable, TppRemoveDialog, TppRowActions } from './tpp-record-parts';
import { TPP_RECORD_PAGE_SIZE, useDeleteTppBankAccount, useTppBankAccount, useTppBankAccounts, type TppRecordFilters } from './tpp-records-api';

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

/** Where each employee's TPP is paid: who still has no account, masked numbers, edit and removal with confirmation. */
export function TppBankAccountsTab() {
  const t = useT();
  const [locale] = useLocale();
  const [filters, setFilters] = useState<TppRecordFilters>(NO_FILTERS);
  const [status, setStatus] = useState<TppBankAccountStatus>('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TppBankAccountRowView | null>(null);
  const [removing, setRemoving] = useState<TppBankAccountRowView | null>(null);
  const accounts = useTppBankAccounts(filters, status, page);
  const remove = useDeleteTppBankAccount();
  const items = accounts.data?.items ?? [];

  return (
    <Stack gap="sm">
      <TppRecordTabHeader intro={t('tppRecords.bank.intro')} />
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
      <TppRecordTable
        minWidth={600}
        testId="tpp-bank-table"
        head={
          <>
            <Table.Th>{t('tppRecords.employee')}</Table.Th>
            <Table.Th>{t('tppRecords.bank.account')}</Table.Th>
            <Table.Th>{t('tppRecords.bank.updatedAt')}</Table.Th>
            <Table.Th w={92} />
          </>
        }
      >
        {accounts.data && items.length === 0 && <EmptyRows colSpan={4} />}
        {items.map((row) => (
          <Table.Tr key={row.employeeId} data-testid="tpp-bank-row">
            <TppEmployeeCell name={row.name} nip={row.nip} unitName={row.unitName} />
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
            <TppRowActions
              edit={{ label: row.bankName ? t('tppRecords.bank.edit') : t('tppRecords.bank.add'), onClick: () => setEditing(row), testId: 'tpp-bank-edit' }}
              remove={row.bankName === null ? undefined : { label: t('tppRecords.bank.remove'), onClick: () => setRemoving(row), testId: 'tpp-bank-remove' }}
            />
          </Table.Tr>
        ))}
      </TppRecordTable>
      {accounts.data && <Pager page={page} pageSize={TPP_RECORD_PAGE_SIZE} total={accounts.data.total} onChange={setPage} />}
      {editing && <TppBankAccountFormModal row={editing} onClose={() => setEditing(null)} />}
      <TppRemoveDialog
        item={removing}
        mutation={remove}
        keyOf={(row) => row.employeeId}
        title={t('tppRecords.bank.removeTitle')}
        message={(row) => t('tppRecords.bank.removeText', { name: row.name, account: `${row.bankName ?? ''} ${row.accountNumberMasked ?? ''}`.trim() })}
        confirmLabel={t('tppRecords.bank.remove')}
        removedMessage={t('tppRecords.bank.removed')}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
