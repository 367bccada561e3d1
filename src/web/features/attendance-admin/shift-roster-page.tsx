import { Alert, Box, Button, Card, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { canAssignSchedules } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { UnitSelect } from '../units/unit-select';
import { useSaveShiftRoster, useSchedules, useShiftRoster, useUnitEmployees } from './attendance-admin-api';
import { buildRosterRequest, cellKey, DAY_OFF, datesOfMonth, NOT_ROSTERED, rosterCells } from './roster-grid-data';
import { weekdayOf, weekdayShortKey } from './weekdays';

const cellStyle = { padding: 2, borderBottom: '1px solid var(--mantine-color-default-border)', textAlign: 'center' as const };
const nameStyle = {
  position: 'sticky' as const,
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  padding: '4px 8px',
  borderBottom: '1px solid var(--mantine-color-default-border)',
  borderRight: '1px solid var(--mantine-color-default-border)',
  minWidth: 130,
  maxWidth: 160,
};
/** The header row stays in view while the grid scrolls down inside its card. */
const headStyle = { position: 'sticky' as const, top: 0, zIndex: 2 };
const selectStyle = { width: 54, minHeight: 32, fontSize: 12, padding: '2px', borderRadius: 4, border: '1px solid var(--mantine-color-default-border)', background: 'var(--mantine-color-body)', color: 'inherit' };

/**
 * The monthly shift roster of a unit: employees down, days across, a shift (or a day off) per
 * cell. The grid scrolls sideways inside its card (the page does not), with the names pinned.
 */
export function ShiftRosterPage() {
  const t = useT();
  const me = useSession();
  const canWrite = canAssignSchedules(me.roles);
  const [unitId, setUnitId] = useState<string | null>(me.adminUnitIds[0] ?? null);
  const [month, setMonth] = useState(() => todayInBrowser().slice(0, 7));
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  // A roster is usually kept per ward or puskesmas: the unit's own staff unless asked otherwise.
  const [includeSubunits, setIncludeSubunits] = useState(false);
  const employees = useUnitEmployees(unitId, includeSubunits);
  const roster = useShiftRoster(unitId, month);
  const schedules = useSchedules();
  const save = useSaveShiftRoster();
  const dates = datesOfMonth(month);

  const stored = useMemo(() => rosterCells(roster.data), [roster.data]);
  const shiftOptions = useMemo(
    () => (schedules.data?.items ?? []).filter((item) => item.kind === 'shift' && item.isActive).map((item) => ({ schedule: item.name, shifts: item.shifts })),
    [schedules.data],
  );
  // Codes of shifts in stored entries, including those of a schedule deactivated since.
  const codeOf = useMemo(() => {
    const codes = new Map<string, string>();
    for (const group of shiftOptions) for (const item of group.shifts) codes.set(item.id, item.code);
    for (const entry of roster.data?.entries ?? []) if (entry.shiftId && entry.shiftCode) codes.set(entry.shiftId, entry.shiftCode);
    return codes;
  }, [shiftOptions, roster.data]);
  const valueOf = (employeeId: string, date: string) => edits.get(cellKey(employeeId, date)) ?? stored.get(cellKey(employeeId, date)) ?? NOT_ROSTERED;
  const people = employees.data ?? [];

  const reset = (change: () => void) => {
    setEdits(new Map());
    save.reset();
    change();
  };

  const handleSave = () => {
    const cells = new Map(stored);
    for (const [key, value] of edits) cells.set(key, value);
    save.mutate(buildRosterRequest(month, people.map((person) => person.id), cells), {
      onSuccess: (result) => {
        notifications.show({ color: 'teal', message: t('attendanceAdmin.roster.saved', { count: result.entryCount }) });
        setEdits(new Map());
      },
    });
  };

  return (
    <>
      <PageHeader title={t('attendanceAdmin.roster.title')} description={t('attendanceAdmin.roster.description')} />
      <Stack gap="sm" style={{ minWidth: 0 }}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect label={t('device.unit')} value={unitId} onChange={(next) => reset(() => setUnitId(next))} clearable={false} data-testid="roster-unit" />
          <MonthPicker value={month} onChange={(next) => reset(() => setMonth(next))} data-testid="roster-month" />
          <Checkbox
            label={t('list.includeSubunits')}
            checked={includeSubunits}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              reset(() => setIncludeSubunits(checked));
            }}
            mb={8}
          />
          {(employees.isFetching || roster.isFetching) && <Loader size="xs" />}
        </Group>
        {!unitId && (
          <Text size="sm" c="dimmed">
            {t('board.pickUnit')}
          </Text>
        )}
        {employees.isError && <ErrorState error={employees.error} onRetry={() => void employees.refetch()} />}
        {roster.isError && <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />}
        {save.error && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        {schedules.data && shiftOptions.length === 0 && <Alert color="yellow">{t('attendanceAdmin.roster.noShifts')}</Alert>}
        {unitId && employees.data && roster.data && (
          <Card withBorder padding={0} style={{ minWidth: 0 }}>
            <Box style={{ overflow: 'auto', maxWidth: '100%', maxHeight: '75vh' }} data-testid="roster-scroll">
              <table style={{ borderCollapse: 'separate', borderSpacing: 0 }} data-testid="roster-grid">
                <thead>
                  <tr>
                    <th style={{ ...nameStyle, ...headStyle, zIndex: 3, textAlign: 'left' }}>
                      <Text size="xs" fw={600}>
                        {t('recap.employee')}
                      </Text>
                    </th>
                    {dates.map((date) => {
                      const weekday = weekdayOf(date);
                      return (
                        <th key={date} style={{ ...cellStyle, ...headStyle, background: weekday >= 6 ? 'var(--mantine-color-default-hover)' : 'var(--mantine-color-body)' }}>
                          <Text size="xs" fw={600}>
                            {Number(date.slice(8))}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(weekdayShortKey(weekday))}
                          </Text>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {people.length === 0 && (
                    <tr>
                      <td colSpan={dates.length + 1} style={{ padding: 12 }}>
                        <Text size="sm" c="dimmed">
                          {t('list.empty')}
                        </Text>
                      </td>
                    </tr>
                  )}
                  {people.map((person) => (
                    <tr key={person.id} data-testid="roster-row" data-employee-id={person.id}>
                      <th scope="row" style={{ ...nameStyle, textAlign: 'left', fontWeight: 'normal' }}>
                        <Text size="xs" fw={500} lineClamp={2}>
                          {person.fullName}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {person.nip}
                        </Text>
                      </th>
                      {dates.map((date) => {
                        const value = valueOf(person.id, date);
                        const isEdited = edits.has(cellKey(person.id, date));
                        return (
                          <td key={date} style={{ ...cellStyle, background: isEdited ? 'var(--mantine-color-yellow-light)' : undefined }}>
                            {canWrite ? (
                              <select
                                aria-label={t('attendanceAdmin.roster.cell', { name: person.fullName, date })}
                                value={value}
                                onChange={(event) => {
                                  const next = event.currentTarget.value;
                                  setEdits((current) => new Map(current).set(cellKey(person.id, date), next));
                                }}
                                style={selectStyle}
                                data-testid="roster-cell"
                                data-date={date}
                              >
                                <option value={NOT_ROSTERED}>–</option>
                                <option value={DAY_OFF}>{t('attendanceAdmin.roster.off')}</option>
                                {shiftOptions.map((group) => (
                                  <optgroup key={group.schedule} label={group.schedule}>
                                    {group.shifts.map((item) => (
                                      <option key={item.id} value={item.id}>
                                        {item.code}
                                      </option>
                                    ))}
                                  </optgroup>
                                ))}
                                {value !== NOT_ROSTERED && value !== DAY_OFF && !shiftOptions.some((group) => group.shifts.some((item) => item.id === value)) && (
                                  <option value={value}>{codeOf.get(value) ?? '?'}</option>
                                )}
                              </select>
                            ) : (
                              <Text size="xs">{value === NOT_ROSTERED ? '–' : value === DAY_OFF ? t('attendanceAdmin.roster.off') : (codeOf.get(value) ?? '?')}</Text>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Box>
          </Card>
        )}
        <Text size="xs" c="dimmed">
          {t('attendanceAdmin.roster.legend')}
        </Text>
        {canWrite && unitId && (
          <Group justify="flex-end" gap="xs">
            <Text size="sm" c="dimmed">
              {t('attendanceAdmin.roster.changes', { count: edits.size })}
            </Text>
            <Button variant="default" disabled={edits.size === 0} onClick={() => setEdits(new Map())}>
              {t('action.reset')}
            </Button>
            <Button onClick={handleSave} loading={save.isPending} disabled={edits.size === 0 || people.length === 0} data-testid="roster-save">
              {t('action.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
