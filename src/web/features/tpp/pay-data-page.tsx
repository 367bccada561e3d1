import { Badge, Button, Card, Checkbox, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { DateField } from '../../components/date-field';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { UnitSelect } from '../units/unit-select';
import { PAY_DATA_PAGE_SIZE, usePayDataList, type PayDataListItem } from './pay-data-api';
import { PayDataHistoryModal } from './pay-data-history-modal';
import { PayDataImportModal } from './pay-data-import-modal';
import { PayDataStatusBadge } from './pay-data-status-badge';
import { formatRupiahFor } from './tpp-i18n';

/** Admins keep each employee's CPNS status and salary (from a TMT), which the TPP run reads for its month. */
export function PayDataPage() {
  const t = useT();
  const [locale] = useLocale();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [date, setDate] = useState<string>(todayInBrowser());
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [missingOnly, setMissingOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<PayDataListItem | null>(null);
  const [isImporting, setImporting] = useState(false);
  const list = usePayDataList({ unitId, date, search: debouncedSearch, missingOnly, page });
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  const resetPage = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('payData.title')}
        description={t('payData.description')}
        actions={
          <Button leftSection={<IconFileImport size={16} />} variant="light" onClick={() => setImporting(true)} data-testid="pay-data-import">
            {t('payData.import')}
          </Button>
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect label={t('payData.unit')} value={unitId} onChange={resetPage(setUnitId)} placeholder={t('payData.allUnits')} data-testid="pay-data-unit" />
          <DateField label={t('payData.date')} value={date} onChange={(value) => value && resetPage(setDate)(value)} data-testid="pay-data-date" />
          <TextInput
            label={t('payData.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => resetPage(setSearch)(event.currentTarget.value)}
            maxLength={100}
            data-testid="pay-data-search"
          />
          <Checkbox label={t('payData.missingOnly')} checked={missingOnly} onChange={(event) => resetPage(setMissingOnly)(event.currentTarget.checked)} mb={8} />
          {list.isFetching && <Loader size="xs" mb={10} />}
        </Group>
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" striped highlightOnHover data-testid="pay-data-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payData.employee')}</Table.Th>
                  <Table.Th miw={90}>{t('payData.status')}</Table.Th>
                  <Table.Th>{t('payData.tmt')}</Table.Th>
                  <Table.Th ta="right">{t('payData.baseSalary')}</Table.Th>
                  <Table.Th ta="right">{t('payData.bpjsIncome')}</Table.Th>
                  <Table.Th w={100} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data && list.data.items.length === 0 && <EmptyRows colSpan={6} />}
                {list.data?.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="pay-data-row">
                    <Table.Td>
                      <Text size="sm" fw={500} className="break-anywhere">
                        {item.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {item.nip} · {item.golongan ?? '-'} · {item.unitName ?? '-'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.current ? <PayDataStatusBadge jenisAsn={item.jenisAsn} isCpns={item.current.isCpns} /> : <Badge color="gray" variant="light">{t('payData.none')}</Badge>}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.current ? formatDate(item.current.effectiveFrom, locale) : '–'}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {item.current ? rupiah(item.current.baseSalary) : '–'}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {item.current ? rupiah(item.current.bpjsIncome) : '–'}
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setOpened(item)} data-testid="pay-data-open">
                        {t('payData.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        {list.data && <Pager page={page} pageSize={PAY_DATA_PAGE_SIZE} total={list.data.total} onChange={setPage} />}
      </Stack>
      {opened && <PayDataHistoryModal employee={opened} onClose={() => setOpened(null)} />}
      {isImporting && <PayDataImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
