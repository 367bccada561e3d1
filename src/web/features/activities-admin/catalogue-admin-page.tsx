import { ActionIcon, Badge, Button, Card, Group, Loader, Menu, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconDots, IconDownload, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ActiveBadge } from '../../components/active-badge';
import { AsyncSelect } from '../../components/async-select';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { searchPositions } from '../positions/positions-api';
import { CATALOGUE_PAGE_SIZE, downloadCatalogueExport, useCatalogue, useSetCatalogueActive, type CatalogueFilters, type CatalogueItem } from './activities-admin-api';
import { canChangeInUnit, canManageActivityCatalogue, canManageActivityRules } from './activity-admin-permissions';
import { CatalogueFormModal } from './catalogue-form-modal';
import { CatalogueImportModal } from './catalogue-import-modal';
import { CatalogueVersionsModal } from './catalogue-versions-modal';

type KindFilter = 'all' | 'general' | 'position';
type ActiveFilter = 'all' | 'active' | 'inactive';

/**
 * The activity catalogue (ABK): activities with output unit and standard minutes, general or per
 * position. Admins add and edit (an edit makes a new version), see the version history, import
 * from xlsx with a dry run and export; leaders and auditors read.
 */
export function CatalogueAdminPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canManageActivityCatalogue(me.roles);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<KindFilter>('all');
  const [positionId, setPositionId] = useState<string | null>(null);
  const [active, setActive] = useState<ActiveFilter>('active');
  const [page, setPage] = useState(1);
  const filters: CatalogueFilters = {
    q: debouncedSearch,
    kind: kind === 'all' ? null : kind,
    positionId,
    isActive: active === 'all' ? null : active === 'active',
    page,
  };
  const catalogue = useCatalogue(filters);
  const setItemActive = useSetCatalogueActive();
  const exportFile = useMutation({ mutationFn: downloadCatalogueExport });
  const [editing, setEditing] = useState<CatalogueItem | 'new' | null>(null);
  const [history, setHistory] = useState<CatalogueItem | null>(null);
  const [toggling, setToggling] = useState<CatalogueItem | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const resetPage = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };
  const items = catalogue.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('activityAdmin.catalogue.title')}
        description={t('activityAdmin.catalogue.intro')}
        actions={
          <>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => exportFile.mutate()} loading={exportFile.isPending} data-testid="catalogue-export">
              {t('action.export')}
            </Button>
            {canWrite && (
              <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setIsImporting(true)} data-testid="catalogue-import">
                {t('activityAdmin.import.open')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="catalogue-create">
                {t('activityAdmin.catalogue.create')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('activityAdmin.catalogue.search')}
            placeholder={t('activityAdmin.catalogue.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => resetPage(setSearch)(event.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
            data-testid="catalogue-search"
          />
          <div style={{ flex: '1 1 16rem' }}>
            <AsyncSelect label={t('activityAdmin.catalogue.position')} queryKey="positions" search={searchPositions} value={positionId} onChange={(value) => resetPage(setPositionId)(value)} data-testid="catalogue-filter-position" />
          </div>
          <Select
            label={t('list.status')}
            data={[
              { value: 'active', label: t('activityAdmin.catalogue.activeOnly') },
              { value: 'inactive', label: t('activityAdmin.catalogue.inactiveOnly') },
              { value: 'all', label: t('list.all') },
            ]}
            value={active}
            onChange={(value) => value && resetPage(setActive)(value as ActiveFilter)}
            allowDeselect={false}
            w={160}
            comboboxProps={{ withinPortal: true }}
          />
          {catalogue.isFetching && <Loader size="xs" />}
        </Group>
        <SegmentedControl
          value={kind}
          onChange={(value) => resetPage(setKind)(value as KindFilter)}
          data={[
            { value: 'all', label: t('list.all') },
            { value: 'general', label: t('activityAdmin.catalogue.general') },
            { value: 'position', label: t('activityAdmin.catalogue.perPosition') },
          ]}
          style={{ alignSelf: 'flex-start' }}
          data-testid="catalogue-kind"
        />
        {catalogue.isError && <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" striped data-testid="catalogue-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('activityAdmin.catalogue.code')}</Table.Th>
                  <Table.Th>{t('activityAdmin.catalogue.name')}</Table.Th>
                  <Table.Th>{t('activityAdmin.catalogue.outputUnit')}</Table.Th>
                  <Table.Th>{t('activityAdmin.catalogue.minutesShort')}</Table.Th>
                  <Table.Th>{t('activityAdmin.versions.version')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                  <Table.Th w={52} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {catalogue.data && items.length === 0 && <EmptyRows colSpan={7} />}
                {items.map((item) => {
                  const isEditable = canChangeInUnit(me, item.unitId);
                  return (
                    <Table.Tr key={item.id} data-testid="catalogue-row" style={item.isActive ? undefined : { opacity: 0.6 }}>
                      <Table.Td>
                        <Text size="sm" ff="monospace" className="break-anywhere">
                          {item.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className="break-anywhere">
                          {item.name}
                        </Text>
                        <Text size="xs" c="dimmed" className="break-anywhere">
                          {item.positionName ? `${item.positionName} — ${item.unitName ?? ''}` : t('activityAdmin.catalogue.general')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{item.outputUnit}</Table.Td>
                      <Table.Td>{item.standardMinutes}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge size="sm" variant="light">
                          v{item.currentVersion}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {t('activityAdmin.catalogue.since', { date: formatDate(item.effectiveFrom, locale) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ActiveBadge isActive={item.isActive} />
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: item.name })}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setHistory(item)}>{t('activityAdmin.versions.open')}</Menu.Item>
                            {isEditable && <Menu.Item onClick={() => setEditing(item)}>{t('action.edit')}</Menu.Item>}
                            {isEditable && (
                              <Menu.Item color={item.isActive ? 'red' : undefined} onClick={() => setToggling(item)}>
                                {item.isActive ? t('action.deactivate') : t('action.activate')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        {catalogue.data && <Pager page={page} pageSize={CATALOGUE_PAGE_SIZE} total={catalogue.data.total} onChange={setPage} />}
      </Stack>
      {editing && <CatalogueFormModal item={editing === 'new' ? null : editing} canChooseGeneral={canManageActivityRules(me.roles)} onClose={() => setEditing(null)} />}
      {history && <CatalogueVersionsModal item={history} onClose={() => setHistory(null)} />}
      {isImporting && <CatalogueImportModal onClose={() => setIsImporting(false)} />}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        message={toggling ? t(toggling.isActive ? 'activityAdmin.catalogue.deactivateText' : 'activityAdmin.catalogue.activateText', { name: toggling.name }) : ''}
        confirmLabel={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        color={toggling?.isActive ? 'red' : 'teal'}
        isLoading={setItemActive.isPending}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          setItemActive.mutate(
            { id: toggling.id, isActive: !toggling.isActive },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t(toggling.isActive ? 'activityAdmin.catalogue.deactivated' : 'activityAdmin.catalogue.activated') });
                setToggling(null);
              },
            },
          );
        }}
      />
    </>
  );
}
