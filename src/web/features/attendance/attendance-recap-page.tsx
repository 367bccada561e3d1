import { Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { EARLY_BANDS, LATE_BANDS, type RecapRow } from '../../../contracts/attendance-daily';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { UnitSelect } from '../units/unit-select';
import { downloadRecap, useAttendanceRecap } from './attendance-api';
import { MonthPicker } from './month-picker';

/** All leave, permission and duty days of a row, for the one "izin/cuti/DL" column. */
export const totalExcused = (row: RecapRow) => Object.values(row.excused).reduce((sum, count) => sum + count, 0);

const COLUMN_COUNT = 4 + LATE_BANDS.length + EARLY_BANDS.length + 4;

/** The monthly recap per employee, as on the signed timesheet, with the same data as xlsx. */
export function AttendanceRecapPage() {
  const t = useT();
  const me = useSession();
  const [unitId, setUnitId] = useState<string | null>(me.adminUnitIds[0] ?? null);
  const [month, setMonth] = useState(() => todayInBrowser().slice(0, 7));
  const [isDownloading, setIsDownloading] = useState(false);
  const recap = useAttendanceRecap(unitId, month);

  const download = async () => {
    if (!unitId) return;
    setIsDownloading(true);
    try {
      await downloadRecap(unitId, month);
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    } finally {
      setIsDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.attendanceRecap')}
        description={t('recap.description')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!unitId} loading={isDownloading} onClick={() => void download()} data-testid="recap-download">
            {t('recap.download')}
          </Button>
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect label={t('board.unit')} value={unitId} onChange={setUnitId} clearable={false} data-testid="recap-unit" />
          <MonthPicker value={month} onChange={setMonth} data-testid="recap-month" />
          {recap.isFetching && <Loader size="xs" />}
        </Group>
        {!unitId && (
          <Text size="sm" c="dimmed">
            {t('board.pickUnit')}
          </Text>
        )}
        {recap.isError && <ErrorState error={recap.error} onRetry={() => void recap.refetch()} />}
        {recap.data && (
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={960}>
              <Table striped highlightOnHover verticalSpacing="xs" withColumnBorders data-testid="recap-table" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('recap.employee')}</Table.Th>
                    <Table.Th ta="center">{t('recap.workingDays')}</Table.Th>
                    <Table.Th ta="center">{t('recap.present')}</Table.Th>
                    {LATE_BANDS.map((band) => (
                      <Table.Th key={band} ta="center">
                        {band}
                      </Table.Th>
                    ))}
                    {EARLY_BANDS.map((band) => (
                      <Table.Th key={band} ta="center">
                        {band}
                      </Table.Th>
                    ))}
                    <Table.Th ta="center">{t('recap.noCheckIn')}</Table.Th>
                    <Table.Th ta="center">{t('recap.noCheckOut')}</Table.Th>
                    <Table.Th ta="center">TK</Table.Th>
                    <Table.Th ta="center">{t('recap.excused')}</Table.Th>
                    <Table.Th ta="center">{t('recap.leave')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {recap.data.rows.length === 0 && <EmptyRows colSpan={COLUMN_COUNT} />}
                  {recap.data.rows.map((row) => {
                    const leave = Object.entries(row.excused)
                      .filter(([kind]) => kind.startsWith('cuti_'))
                      .reduce((sum, [, count]) => sum + count, 0);
                    return (
                      <Table.Tr key={row.employeeId} data-testid="recap-row">
                        <Table.Td>
                          <Text size="sm">{row.name}</Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {row.nip}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="center">{row.workingDays}</Table.Td>
                        <Table.Td ta="center">{row.present}</Table.Td>
                        {LATE_BANDS.map((band) => (
                          <Table.Td key={band} ta="center">
                            {row.late[band] ?? 0}
                          </Table.Td>
                        ))}
                        {EARLY_BANDS.map((band) => (
                          <Table.Td key={band} ta="center">
                            {row.early[band] ?? 0}
                          </Table.Td>
                        ))}
                        <Table.Td ta="center">{row.noCheckIn}</Table.Td>
                        <Table.Td ta="center">{row.noCheckOut}</Table.Td>
                        <Table.Td ta="center" c={row.tk > 0 ? 'red' : undefined} fw={row.tk > 0 ? 700 : undefined}>
                          {row.tk}
                        </Table.Td>
                        <Table.Td ta="center">{totalExcused(row) - leave}</Table.Td>
                        <Table.Td ta="center">{leave}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </Stack>
    </>
  );
}
