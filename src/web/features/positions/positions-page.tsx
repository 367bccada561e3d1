import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Menu,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlayerPlay, IconPlayerStop, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { canWriteMasterData } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ActiveBadge } from '../../components/active-badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useT } from '../../i18n/i18n-context';
import { AssignmentKindBadge } from '../employees/assignment-kind-badge';
import { labelOf, useReference } from '../reference/use-reference';
import { UnitSelect } from '../units/unit-select';
import { PositionFormModal } from './position-form-modal';
import { usePositionList, useSetPositionActive, type JenisJabatan, type Position, type VacancyFilter } from './positions-api';

const PAGE_SIZE = 25;

function Holders({ position }: { position: Position }) {
  const t = useT();
  if (position.holders.length === 0) {
    return (
      <Badge size="sm" color="orange" variant="light">
        {t('position.vacant')}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      {position.holders.map((holder) => (
        <Group key={holder.assignmentId} gap={4} wrap="nowrap">
          {holder.kind !== 'definitif' && <AssignmentKindBadge kind={holder.kind} />}
          <Anchor component={Link} to={`/employees/${holder.employeeId}`} size="sm">
            {holder.fullName}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}

export function PositionsPage() {
  const t = useT();
  const me = useSession();
  const canWrite = canWriteMasterData(me.roles);
  const reference = useReference();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [jenis, setJenis] = useState<JenisJabatan | null>(null);
  const [vacancy, setVacancy] = useState<VacancyFilter>('all');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ position: Position | null } | null>(null);
  const [toggling, setToggling] = useState<Position | null>(null);
  const setActive = useSetPositionActive();
  const list = usePositionList({ q: debouncedQ, unitId, includeSubunits, jenis, vacancy, includeInactive, page, pageSize: PAGE_SIZE });

  const resetPage = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };
  const columnCount = canWrite ? 8 : 7;

  return (
    <>
      <PageHeader
        title={t('nav.positions')}
        description={t('position.description')}
        actions={
          <>
            <ExportButton entity="positions" />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ position: null })} data-testid="position-create">
                {t('position.create')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('position.search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(event) => resetPage(setQ)(event.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
            data-testid="position-search"
          />
          <UnitSelect label={t('position.unit')} value={unitId} onChange={resetPage(setUnitId)} placeholder={t('list.all')} />
          <Select
            label={t('position.jenis')}
            data={reference.data?.jenisJabatan ?? []}
            value={jenis}
            onChange={(value) => resetPage(setJenis)(value as JenisJabatan | null)}
            clearable
            placeholder={t('list.all')}
            style={{ flex: '1 1 10rem' }}
          />
        </Group>
        <Group gap="md" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={vacancy}
            onChange={(value) => resetPage(setVacancy)(value as VacancyFilter)}
            data={[
              { value: 'all', label: t('position.vacancyAll') },
              { value: 'vacant', label: t('position.vacancyVacant') },
              { value: 'filled', label: t('position.vacancyFilled') },
            ]}
            aria-label={t('position.vacancyFilter')}
            data-testid="position-vacancy"
          />
          {unitId && <Checkbox label={t('list.includeSubunits')} checked={includeSubunits} onChange={(event) => resetPage(setIncludeSubunits)(event.currentTarget.checked)} />}
          <Checkbox label={t('list.includeInactive')} checked={includeInactive} onChange={(event) => resetPage(setIncludeInactive)(event.currentTarget.checked)} />
          {list.isFetching && <Loader size="xs" />}
        </Group>
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="position-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('position.name')}</Table.Th>
                  <Table.Th>{t('position.jenis')}</Table.Th>
                  <Table.Th>{t('position.kelasShort')}</Table.Th>
                  <Table.Th>{t('position.unit')}</Table.Th>
                  <Table.Th>{t('position.superior')}</Table.Th>
                  <Table.Th>{t('position.holders')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                  {canWrite && (
                    <Table.Th w={56}>
                      <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.length === 0 && <EmptyRows colSpan={columnCount} />}
                {list.data?.items.map((position) => (
                  <Table.Tr key={position.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {position.name}
                      </Text>
                      <Group gap={4}>
                        <Text size="xs" c="dimmed">
                          {position.code}
                        </Text>
                        {position.isUnitHead && (
                          <Badge size="xs" variant="outline">
                            {t('position.unitHeadBadge')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{labelOf(reference.data?.jenisJabatan, position.jenis)}</Table.Td>
                    <Table.Td>{position.kelasJabatan}</Table.Td>
                    <Table.Td>{position.unitName}</Table.Td>
                    <Table.Td>{position.superiorPositionName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Holders position={position} />
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge isActive={position.isActive} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: position.name })}>
                              <IconDots size={18} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing({ position })}>
                              {t('action.edit')}
                            </Menu.Item>
                            <Menu.Item
                              color={position.isActive ? 'red' : 'teal'}
                              leftSection={position.isActive ? <IconPlayerStop size={16} /> : <IconPlayerPlay size={16} />}
                              onClick={() => setToggling(position)}
                            >
                              {position.isActive ? t('action.deactivate') : t('action.activate')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
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
      {editing && <PositionFormModal position={editing.position} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isActive ? t('position.deactivateTitle') : t('position.activateTitle')}
        message={t(toggling?.isActive ? 'position.deactivateText' : 'position.activateText', { name: toggling?.name ?? '' })}
        confirmLabel={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        color={toggling?.isActive ? 'red' : 'teal'}
        isLoading={setActive.isPending}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          setActive.mutate(
            { id: toggling.id, isActive: !toggling.isActive },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: toggling.isActive ? t('position.deactivated') : t('position.activated') });
                setToggling(null);
              },
            },
          );
        }}
      />
    </>
  );
}
