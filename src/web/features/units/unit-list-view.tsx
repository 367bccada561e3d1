import { Badge, Card, Checkbox, Group, Loader, Select, Stack, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { ActiveBadge } from '../../components/active-badge';
import { Pager } from '../../components/pager';
import { useT } from '../../i18n/i18n-context';
import { labelOf, useReference } from '../reference/use-reference';
import { UnitActionsMenu, type UnitActions } from './unit-actions-menu';
import { useUnitList, type UnitKind } from './units-api';

const PAGE_SIZE = 25;

/** Searchable, paged list of units. */
export function UnitListView({ actions }: { actions: UnitActions | null }) {
  const t = useT();
  const reference = useReference();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const list = useUnitList({ q: debouncedQ, kind, includeInactive, page, pageSize: PAGE_SIZE });

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('unit.search')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 14rem' }}
          data-testid="unit-search"
        />
        <Select
          label={t('unit.kind')}
          data={reference.data?.unitKinds ?? []}
          value={kind}
          onChange={(value) => {
            setKind(value as UnitKind | null);
            setPage(1);
          }}
          clearable
          placeholder={t('list.all')}
          style={{ flex: '1 1 10rem' }}
        />
        <Checkbox
          label={t('list.includeInactive')}
          checked={includeInactive}
          onChange={(event) => {
            setIncludeInactive(event.currentTarget.checked);
            setPage(1);
          }}
          mb={8}
        />
        {list.isFetching && <Loader size="xs" mb={10} />}
      </Group>
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="unit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('unit.code')}</Table.Th>
                <Table.Th>{t('unit.name')}</Table.Th>
                <Table.Th>{t('unit.kind')}</Table.Th>
                <Table.Th>{t('unit.parent')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                {actions && (
                  <Table.Th w={56}>
                    <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.length === 0 && <EmptyRows colSpan={actions ? 6 : 5} />}
              {list.data?.items.map((unit) => (
                <Table.Tr key={unit.id}>
                  <Table.Td>{unit.code}</Table.Td>
                  <Table.Td>
                    {unit.name}
                    {unit.siasnCode && (
                      <Badge ml={6} size="xs" variant="outline" color="gray">
                        SIASN {unit.siasnCode}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{labelOf(reference.data?.unitKinds, unit.kind)}</Table.Td>
                  <Table.Td>{unit.parentName ?? '—'}</Table.Td>
                  <Table.Td>
                    <ActiveBadge isActive={unit.isActive} />
                  </Table.Td>
                  {actions && (
                    <Table.Td>
                      <UnitActionsMenu unit={unit} actions={actions} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {list.data && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />}
    </Stack>
  );
}
