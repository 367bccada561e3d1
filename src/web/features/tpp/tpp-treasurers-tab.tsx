import { Badge, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { TppTreasurerView } from '../../../contracts/tpp-records';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
import { TppEmployeeCell, TppRecordTabHeader, TppRecordTable, TppRemoveDialog, TppRowActions } from './tpp-record-parts';
import { useDeleteTppTreasurer, useTppTreasurers, type TppRecordFilters } from './tpp-records-api';
import { TppTreasurerFormModal } from './tpp-treasurer-form-modal';

/** The treasurers who sign the payment lists of the units in scope; admins record, correct, end and remove appointments. */
export function TppTreasurersTab() {
  const t = useT();
  const [locale] = useLocale();
  const [filters, setFilters] = useState<TppRecordFilters>(NO_FILTERS);
  const [includeEnded, setIncludeEnded] = useState(false);
  const [form, setForm] = useState<{ editing: TppTreasurerView | null } | null>(null);
  const [deleting, setDeleting] = useState<TppTreasurerView | null>(null);
  const treasurers = useTppTreasurers(filters, includeEnded);
  const remove = useDeleteTppTreasurer();
  const items = treasurers.data?.items ?? [];

  return (
    <Stack gap="sm">
      <TppRecordTabHeader intro={t('tppRecords.treasurers.intro')} action={{ label: t('tppRecords.treasurers.create'), onClick: () => setForm({ editing: null }), testId: 'tpp-treasurer-create' }} />
      <TppRecordFilterBar filters={filters} onChange={setFilters} isFetching={treasurers.isFetching} testId="tpp-treasurer-filter">
        <Switch label={t('tppRecords.treasurers.showEnded')} checked={includeEnded} onChange={(event) => setIncludeEnded(event.currentTarget.checked)} mb={8} data-testid="tpp-treasurer-ended" />
      </TppRecordFilterBar>
      {treasurers.isError && <ErrorState error={treasurers.error} onRetry={() => void treasurers.refetch()} />}
      <TppRecordTable
        minWidth={760}
        testId="tpp-treasurer-table"
        head={
          <>
            <Table.Th>{t('tppRecords.treasurers.unit')}</Table.Th>
            <Table.Th>{t('tppRecords.employee')}</Table.Th>
            <Table.Th>{t('tppRecords.treasurers.decree')}</Table.Th>
            <Table.Th>{t('tppRecords.treasurers.term')}</Table.Th>
            <Table.Th w={92} />
          </>
        }
      >
        {treasurers.data && items.length === 0 && <EmptyRows colSpan={5} text={includeEnded ? t('tppRecords.treasurers.emptyAll') : t('tppRecords.treasurers.empty')} />}
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="tpp-treasurer-row">
            <Table.Td>
              <Text size="sm" fw={500} className="break-anywhere">
                {item.unitName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`tppRecords.treasurers.kind.${item.kind}`)}
              </Text>
            </Table.Td>
            <TppEmployeeCell name={item.name} nip={item.nip} />
            <Table.Td>
              <Text size="sm" className="break-anywhere" data-testid="tpp-treasurer-row-decree">
                {item.decreeNumber}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(item.startDate, locale)} – {item.endDate ? formatDate(item.endDate, locale) : t('tppRecords.treasurers.untilNow')}
              </Text>
              <Badge size="sm" variant="light" color={item.isInOffice ? 'teal' : 'gray'}>
                {item.isInOffice ? t('tppRecords.treasurers.inOffice') : t('tppRecords.treasurers.notInOffice')}
              </Badge>
            </Table.Td>
            <TppRowActions
              edit={{ label: t('tppRecords.treasurers.edit'), onClick: () => setForm({ editing: item }), testId: 'tpp-treasurer-edit' }}
              remove={{ label: t('tppRecords.treasurers.delete'), onClick: () => setDeleting(item), testId: 'tpp-treasurer-delete' }}
            />
          </Table.Tr>
        ))}
      </TppRecordTable>
      {form && <TppTreasurerFormModal editing={form.editing} onClose={() => setForm(null)} />}
      <TppRemoveDialog
        item={deleting}
        mutation={remove}
        keyOf={(item) => item.id}
        title={t('tppRecords.treasurers.deleteTitle')}
        message={(item) => t('tppRecords.treasurers.deleteText', { name: item.name, unit: item.unitName, number: item.decreeNumber })}
        confirmLabel={t('tppRecords.treasurers.delete')}
        removedMessage={t('tppRecords.treasurers.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
