import { Button, Card, Checkbox, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ActiveBadge } from '../../components/active-badge';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { useApelSchedules, type ApelScheduleView } from './apel-api';
import { canManageApel } from './apel-permissions';
import { ApelScheduleFormModal } from './apel-schedule-form-modal';

/** The region's and units' ceremonies; admins add and change them (admin OPD: their units only). */
export function ApelSchedulesPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canManageApel(me.roles);
  const isRegionAdmin = me.roles.includes('admin_bkpsdm');
  const [includeInactive, setIncludeInactive] = useState(false);
  const schedules = useApelSchedules(includeInactive);
  const [editing, setEditing] = useState<ApelScheduleView | 'new' | null>(null);
  const days = (schedule: ApelScheduleView) =>
    [...schedule.weekdays.map((day) => t(`apel.weekday.${day}` as `apel.weekday.${1 | 2 | 3 | 4 | 5 | 6 | 7}`)), ...schedule.dates.map((date) => formatDate(date, locale))].join(', ');

  return (
    <>
      <PageHeader
        title={t('apel.nav.schedules')}
        description={t('apel.schedules.description')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="apel-create">
              {t('apel.create')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Group gap="sm">
          <Checkbox label={t('list.includeInactive')} checked={includeInactive} onChange={(event) => setIncludeInactive(event.currentTarget.checked)} />
          {schedules.isFetching && <Loader size="xs" />}
        </Group>
        {schedules.isError && <ErrorState error={schedules.error} onRetry={() => void schedules.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" striped data-testid="apel-schedule-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apel.name')}</Table.Th>
                  <Table.Th>{t('apel.unit')}</Table.Th>
                  <Table.Th>{t('apel.weekdays')}</Table.Th>
                  <Table.Th>{t('apel.window')}</Table.Th>
                  <Table.Th>{t('apel.effectiveFrom')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                  {canWrite && <Table.Th w={80} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schedules.data && schedules.data.items.length === 0 && <EmptyRows colSpan={canWrite ? 7 : 6} text={t('apel.empty')} />}
                {schedules.data?.items.map((schedule) => (
                  <Table.Tr key={schedule.id} data-testid="apel-schedule-row">
                    <Table.Td>
                      <Text size="sm" fw={500} className="break-anywhere">
                        {schedule.name}
                      </Text>
                      {schedule.note && (
                        <Text size="xs" c="dimmed" className="break-anywhere">
                          {schedule.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{schedule.unitName ?? t('apel.allUnits')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{days(schedule)}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {schedule.startTime}–{schedule.endTime}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(schedule.effectiveFrom, locale)} – {schedule.effectiveTo ? formatDate(schedule.effectiveTo, locale) : t('apel.openEnded')}
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge isActive={schedule.isActive} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        {(isRegionAdmin || schedule.unitId !== null) && (
                          <Button size="xs" variant="subtle" onClick={() => setEditing(schedule)}>
                            {t('action.edit')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
      {editing && <ApelScheduleFormModal schedule={editing === 'new' ? null : editing} isRegionAllowed={isRegionAdmin} defaultFrom={todayInBrowser()} onClose={() => setEditing(null)} />}
    </>
  );
}
