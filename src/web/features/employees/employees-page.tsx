import { Anchor, Badge, Button, Card, Checkbox, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { employeeStatuses, jenisAsnValues } from '../../../contracts/org';
import { canWriteMasterData } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useT } from '../../i18n/i18n-context';
import { useReference } from '../reference/use-reference';
import { UnitSelect } from '../units/unit-select';
import { AssignmentKindBadge } from './assignment-kind-badge';
import { EmployeeFormModal } from './employee-form-modal';
import { EmployeeStatusBadge } from './employee-status-badge';
import { useEmployeeList, type Employee } from './employees-api';

const PAGE_SIZE = 25;

function PositionsCell({ employee }: { employee: Employee }) {
  const t = useT();
  if (employee.positions.length === 0) return <Text size="sm" c="dimmed">{t('employee.noPosition')}</Text>;
  return (
    <Stack gap={2}>
      {employee.positions.map((position) => (
        <Group key={position.assignmentId} gap={4} wrap="nowrap" align="flex-start">
          {position.kind !== 'definitif' && <AssignmentKindBadge kind={position.kind} />}
          <Text size="sm">{position.positionName}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Phones get one card per employee instead of a wide table. */
function EmployeeCards({ items }: { items: Employee[] }) {
  const t = useT();
  if (items.length === 0) return <Text c="dimmed" size="sm" ta="center" py="md">{t('list.empty')}</Text>;
  return (
    <Stack gap="xs" data-testid="employee-cards">
      {items.map((employee) => (
        <Card key={employee.id} withBorder padding="sm" component={Link} to={`/employees/${employee.id}`} aria-label={employee.fullName}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" className="break-anywhere">
              {employee.fullName}
            </Text>
            <EmployeeStatusBadge status={employee.status} isActive={employee.isActive} />
          </Group>
          <Text size="xs" c="dimmed">
            {employee.nip} · {employee.jenisAsn}
            {employee.golongan ? ` · ${employee.golongan}` : ''}
          </Text>
          <PositionsCell employee={employee} />
          <Text size="xs" c="dimmed">
            {employee.unitName ?? '—'}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function EmployeeTable({ items }: { items: Employee[] }) {
  const t = useT();
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="employee-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('employee.name')}</Table.Th>
              <Table.Th>{t('employee.nip')}</Table.Th>
              <Table.Th>{t('employee.golongan')}</Table.Th>
              <Table.Th>{t('employee.position')}</Table.Th>
              <Table.Th>{t('employee.unit')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && <EmptyRows colSpan={6} />}
            {items.map((employee) => (
              <Table.Tr key={employee.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/employees/${employee.id}`} size="sm" fw={500}>
                    {employee.fullName}
                  </Anchor>
                  {employee.jenisAsn === 'PPPK' && (
                    <Badge ml={6} size="xs" variant="outline">
                      PPPK
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {employee.nip}
                  </Text>
                </Table.Td>
                <Table.Td>{employee.golongan ?? '—'}</Table.Td>
                <Table.Td>
                  <PositionsCell employee={employee} />
                </Table.Td>
                <Table.Td>{employee.unitName ?? '—'}</Table.Td>
                <Table.Td>
                  <EmployeeStatusBadge status={employee.status} isActive={employee.isActive} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function EmployeesPage() {
  const t = useT();
  const me = useSession();
  const canWrite = canWriteMasterData(me.roles);
  const reference = useReference();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [jenisAsn, setJenisAsn] = useState<(typeof jenisAsnValues)[number] | null>(null);
  const [status, setStatus] = useState<(typeof employeeStatuses)[number] | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const list = useEmployeeList({ q: debouncedQ, unitId, includeSubunits, jenisAsn, status, includeInactive, page, pageSize: PAGE_SIZE });

  const resetPage = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('nav.employees')}
        description={t('employee.description')}
        actions={
          <>
            <ExportButton entity="employees" />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)} data-testid="employee-create">
                {t('employee.create')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="sm">
        <TextInput
          label={t('employee.search')}
          placeholder={t('employee.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={list.isFetching ? <Loader size="xs" /> : null}
          value={q}
          onChange={(event) => resetPage(setQ)(event.currentTarget.value)}
          type="search"
          data-testid="employee-search"
        />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect label={t('employee.unit')} value={unitId} onChange={resetPage(setUnitId)} placeholder={t('list.all')} />
          <Select
            label={t('employee.jenisAsn')}
            data={['PNS', 'PPPK']}
            value={jenisAsn}
            onChange={(value) => resetPage(setJenisAsn)(value as (typeof jenisAsnValues)[number] | null)}
            clearable
            placeholder={t('list.all')}
            w={140}
          />
          <Select
            label={t('employee.status')}
            data={reference.data?.employeeStatuses ?? []}
            value={status}
            onChange={(value) => resetPage(setStatus)(value as (typeof employeeStatuses)[number] | null)}
            clearable
            placeholder={t('list.all')}
            w={200}
          />
        </Group>
        <Group gap="md">
          {unitId && <Checkbox label={t('list.includeSubunits')} checked={includeSubunits} onChange={(event) => resetPage(setIncludeSubunits)(event.currentTarget.checked)} />}
          <Checkbox label={t('list.includeInactive')} checked={includeInactive} onChange={(event) => resetPage(setIncludeInactive)(event.currentTarget.checked)} />
        </Group>
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && <Loader size="sm" />}
        {list.data && (isPhone ? <EmployeeCards items={list.data.items} /> : <EmployeeTable items={list.data.items} />)}
        {list.data && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />}
      </Stack>
      {isCreating && <EmployeeFormModal employee={null} onClose={() => setIsCreating(false)} />}
    </>
  );
}
