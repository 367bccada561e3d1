import { Badge, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { TppDisciplineDecisionViewItem } from '../../../contracts/tpp-records';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { TppDisciplineFormModal } from './tpp-discipline-form-modal';
import { canRecordTppDecisions } from './tpp-permissions';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
import { TppEmployeeCell, TppRecordTabHeader, TppRecordTable, TppRemoveDialog, TppRowActions } from './tpp-record-parts';
import { describePenalty } from './tpp-records-format';
import { useDeleteTppDisciplineDecision, useTppDisciplineDecisions, type TppRecordFilters } from './tpp-records-api';

const LEVEL_COLORS: Record<string, string> = { ringan: 'yellow', sedang: 'orange', berat: 'red' };

/** Discipline decisions (SK) of the employees in scope: those in force in a month, or all; BKPSDM records, corrects and removes them. */
export function TppDisciplineTab() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canRecordTppDecisions(me.roles);
  const [period, setPeriod] = useState(() => todayInBrowser().slice(0, 7));
  const [isAll, setIsAll] = useState(false);
  const [filters, setFilters] = useState<TppRecordFilters>(NO_FILTERS);
  const [form, setForm] = useState<{ editing: TppDisciplineDecisionViewItem | null } | null>(null);
  const [deleting, setDeleting] = useState<TppDisciplineDecisionViewItem | null>(null);
  const decisions = useTppDisciplineDecisions(isAll ? null : period, filters);
  const remove = useDeleteTppDisciplineDecision();
  const items = decisions.data?.items ?? [];
  const columns = canWrite ? 5 : 4;

  return (
    <Stack gap="sm">
      <TppRecordTabHeader
        intro={t('tppRecords.discipline.intro')}
        action={canWrite ? { label: t('tppRecords.discipline.create'), onClick: () => setForm({ editing: null }), testId: 'tpp-discipline-create' } : undefined}
      />
      <TppRecordFilterBar filters={filters} onChange={setFilters} isFetching={decisions.isFetching} testId="tpp-discipline-filter">
        {!isAll && <MonthPicker value={period} onChange={setPeriod} data-testid="tpp-discipline-month" />}
        <Switch label={t('tppRecords.discipline.showAll')} checked={isAll} onChange={(event) => setIsAll(event.currentTarget.checked)} mb={8} data-testid="tpp-discipline-all" />
      </TppRecordFilterBar>
      {decisions.isError && <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />}
      <TppRecordTable
        minWidth={760}
        testId="tpp-discipline-table"
        head={
          <>
            <Table.Th>{t('tppRecords.employee')}</Table.Th>
            <Table.Th>{t('tppRecords.discipline.decision')}</Table.Th>
            <Table.Th>{t('tppRecords.discipline.penalty')}</Table.Th>
            <Table.Th>{t('tppRecords.discipline.months')}</Table.Th>
            {canWrite && <Table.Th w={92} />}
          </>
        }
      >
        {decisions.data && items.length === 0 && <EmptyRows colSpan={columns} text={isAll ? t('tppRecords.discipline.emptyAll') : t('tppRecords.discipline.empty', { period })} />}
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid="tpp-discipline-row">
            <TppEmployeeCell name={item.name} nip={item.nip} unitName={item.unitName} />
            <Table.Td>
              <Text size="sm" className="break-anywhere" data-testid="tpp-discipline-row-number">
                {item.decisionNumber}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(item.decisionDate, locale)}
              </Text>
              {item.note && (
                <Text size="xs" c="dimmed" className="break-anywhere">
                  {item.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {item.penalty ? (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge color={LEVEL_COLORS[item.penalty.level] ?? 'gray'} variant="light" size="sm">
                    {item.penalty.level}
                  </Badge>
                  <Text size="sm" className="break-anywhere" data-testid="tpp-discipline-row-penalty">
                    {describePenalty(item.penalty, t, locale)}
                  </Text>
                </Group>
              ) : (
                <Text size="sm" c="red.7">
                  {t('tppRecords.discipline.unpriced', { code: item.penaltyCode })}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.endPeriod && item.endPeriod !== item.startPeriod ? `${item.startPeriod} – ${item.endPeriod}` : item.startPeriod}</Table.Td>
            {canWrite &&
              // Once its first month is closed the penalty was paid out: it stays as recorded.
              (item.isStartClosed ? (
                <Table.Td />
              ) : (
                <TppRowActions
                  edit={{ label: t('tppRecords.discipline.edit'), onClick: () => setForm({ editing: item }), testId: 'tpp-discipline-edit' }}
                  remove={{ label: t('tppRecords.discipline.delete'), onClick: () => setDeleting(item), testId: 'tpp-discipline-delete' }}
                />
              ))}
          </Table.Tr>
        ))}
      </TppRecordTable>
      {form && <TppDisciplineFormModal editing={form.editing} defaultPeriod={period} onClose={() => setForm(null)} />}
      <TppRemoveDialog
        item={deleting}
        mutation={remove}
        keyOf={(item) => item.id}
        title={t('tppRecords.discipline.deleteTitle')}
        message={(item) => t('tppRecords.discipline.deleteText', { number: item.decisionNumber, name: item.name })}
        confirmLabel={t('tppRecords.discipline.delete')}
        removedMessage={t('tppRecords.discipline.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
