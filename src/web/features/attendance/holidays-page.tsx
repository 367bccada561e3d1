import { ActionIcon, Badge, Button, Card, Group, Loader, Menu, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { canManageHolidays } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ActiveBadge } from '../../components/active-badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { useHolidays, useSetHolidayActive, type Holiday } from './attendance-api';
import { HolidayFormModal } from './holiday-form-modal';

const kindColors: Record<Holiday['kind'], string> = { nasional: 'red', cuti_bersama: 'blue', daerah: 'grape' };

/** The year's holidays for everyone to read; BKPSDM admins add, edit and (de)activate them. */
export function HolidaysPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canManageHolidays(me.roles);
  const thisYear = Number(todayInBrowser().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const holidays = useHolidays(year);
  const setActive = useSetHolidayActive();
  const [editing, setEditing] = useState<Holiday | 'new' | null>(null);
  const [toggling, setToggling] = useState<Holiday | null>(null);
  const years = Array.from({ length: 5 }, (_, index) => String(thisYear - 2 + index));
  // Readers see what applies; admins also see deactivated entries to restore them.
  const items = (holidays.data?.items ?? []).filter((holiday) => canWrite || holiday.isActive).sort((a, b) => a.date.localeCompare(b.date));
  const columns = canWrite ? 6 : 4;

  return (
    <>
      <PageHeader
        title={t('nav.holidays')}
        description={t('holiday.description')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="holiday-create">
              {t('holiday.create')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <Select label={t('holiday.year')} data={years} value={String(year)} onChange={(value) => value && setYear(Number(value))} allowDeselect={false} w={120} data-testid="holiday-year" />
          {holidays.isFetching && <Loader size="xs" />}
        </Group>
        {holidays.isError && <ErrorState error={holidays.error} onRetry={() => void holidays.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={canWrite ? 640 : 320}>
            <Table verticalSpacing="xs" striped data-testid="holiday-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('holiday.date')}</Table.Th>
                  <Table.Th>{t('holiday.name')}</Table.Th>
                  <Table.Th>{t('holiday.kind')}</Table.Th>
                  <Table.Th>{t('holiday.unit')}</Table.Th>
                  {canWrite && <Table.Th>{t('list.status')}</Table.Th>}
                  {canWrite && <Table.Th w={52} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {holidays.data && items.length === 0 && <EmptyRows colSpan={columns} />}
                {items.map((holiday) => (
                  <Table.Tr key={holiday.id} data-testid="holiday-row" style={holiday.isActive ? undefined : { opacity: 0.6 }}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(holiday.date, locale)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" className="break-anywhere">
                        {holiday.name}
                      </Text>
                      {holiday.source && (
                        <Text size="xs" c="dimmed" className="break-anywhere">
                          {holiday.source}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={kindColors[holiday.kind]}>
                        {t(`holiday.kind.${holiday.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{holiday.unitName ?? t('holiday.allUnits')}</Text>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <ActiveBadge isActive={holiday.isActive} />
                      </Table.Td>
                    )}
                    {canWrite && (
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: holiday.name })}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setEditing(holiday)}>{t('action.edit')}</Menu.Item>
                            <Menu.Item color={holiday.isActive ? 'red' : undefined} onClick={() => setToggling(holiday)}>
                              {holiday.isActive ? t('action.deactivate') : t('action.activate')}
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
      </Stack>
      {editing && <HolidayFormModal holiday={editing === 'new' ? null : editing} defaultDate={`${year}-01-01`} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        message={toggling ? t(toggling.isActive ? 'holiday.deactivateText' : 'holiday.activateText', { name: toggling.name }) : ''}
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
                notifications.show({ color: 'teal', message: t(toggling.isActive ? 'holiday.deactivated' : 'holiday.activated') });
                setToggling(null);
              },
            },
          );
        }}
      />
    </>
  );
}
