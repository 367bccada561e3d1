import { Card, Group, Loader, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { AttendanceBoard } from '../../../contracts/attendance-daily';
import { useSession } from '../../auth/session';
import { DateField } from '../../components/date-field';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { UnitSelect } from '../units/unit-select';
import { useAttendanceBoard } from './attendance-api';
import { formatTimeInZone } from './attendance-calendar-data';
import { AttendanceStatusBadge } from './attendance-status-badge';

type ListKey = 'in' | 'late' | 'absent' | 'excused';
const LISTS: ListKey[] = ['late', 'absent', 'in', 'excused'];
const COUNT_KEYS = ['total', 'in', 'late', 'absent', 'excused', 'off'] as const;
const countColors: Record<(typeof COUNT_KEYS)[number], string> = { total: 'gray', in: 'teal', late: 'orange', absent: 'red', excused: 'blue', off: 'gray' };

function PeopleTable({ people }: { people: AttendanceBoard['in'] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.name')}</Table.Th>
            <Table.Th>{t('attendance.firstIn')}</Table.Th>
            <Table.Th>{t('board.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.length === 0 && <EmptyRows colSpan={3} />}
          {people.map((person) => (
            <Table.Tr key={person.employeeId}>
              <Table.Td>
                <Text size="sm" className="break-anywhere">
                  {person.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {person.nip}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatTimeInZone(person.firstIn, person.timeZone)}</Text>
                {person.lateMinutes > 0 && (
                  <Text size="xs" c="orange">
                    {t('attendance.lateMinutes', { minutes: person.lateMinutes })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <AttendanceStatusBadge day={person} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The OPD's day at a glance: counts, then who is late, absent, in, or excused. */
export function AttendanceBoardPage() {
  const t = useT();
  const me = useSession();
  const [unitId, setUnitId] = useState<string | null>(me.adminUnitIds[0] ?? null);
  const [date, setDate] = useState<string | null>(todayInBrowser());
  const board = useAttendanceBoard(unitId, date ?? todayInBrowser());

  return (
    <>
      <PageHeader title={t('nav.attendanceBoard')} description={t('board.description')} />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect label={t('board.unit')} value={unitId} onChange={setUnitId} clearable={false} data-testid="board-unit" />
          <DateField label={t('board.date')} value={date} onChange={setDate} data-testid="board-date" />
          {board.isFetching && <Loader size="xs" />}
        </Group>
        {!unitId && (
          <Text size="sm" c="dimmed">
            {t('board.pickUnit')}
          </Text>
        )}
        {board.isError && <ErrorState error={board.error} onRetry={() => void board.refetch()} />}
        {board.data && (
          <>
            <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs" data-testid="board-counts">
              {COUNT_KEYS.map((key) => (
                <Card key={key} withBorder padding="xs" data-count={key}>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {t(`board.count.${key}`)}
                  </Text>
                  <Text size="xl" fw={700} c={countColors[key]}>
                    {board.data.counts[key]}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            <Card withBorder padding="xs">
              <Tabs defaultValue="late" keepMounted={false}>
                <Tabs.List>
                  {LISTS.map((key) => (
                    <Tabs.Tab key={key} value={key} data-testid={`board-tab-${key}`}>
                      {t(`board.count.${key}`)} ({board.data[key].length})
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                {LISTS.map((key) => (
                  <Tabs.Panel key={key} value={key} pt="xs" data-testid={`board-list-${key}`}>
                    <PeopleTable people={board.data[key]} />
                  </Tabs.Panel>
                ))}
              </Tabs>
            </Card>
          </>
        )}
      </Stack>
    </>
  );
}
