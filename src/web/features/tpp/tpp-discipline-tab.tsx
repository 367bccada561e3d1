import { ActionIcon, Badge, Button, Card, Group, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { TppDisciplineDecisionViewItem } from '../../../contracts/tpp-records';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { MonthPicker } from '../attendance/month-picker';
import { TppDisciplineFormModal } from './tpp-discipline-form-modal';
import { canRecordTppDecisions } from './tpp-permissions';
import { NO_FILTERS, TppRecordFilterBar } from './tpp-record-filters';
import { describePenalty } from './tpp-records-format';
import { useDeleteTppDisciplineDecision, useTppDisciplineDecisions, type TppRecordFilters } from './tpp-records-api';

const LEVEL_COLORS: Record<string, string> = { ringan: 'yellow', sedang: 'orange', berat: 'red' };

/** Discipline decisions (SK) of the employees in scope: those in force in a month, or all; BKPSDM records and removes them. */
export function TppDisciplineTab() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canRecordTppDecisions(me.roles);
  const [period, setPeriod] = useState(() => todayInBrowser().slice(0, 7));
  const [isAll, setIsAll] = useState(false);
  const [filters, setFilters] = useState<TppRecordFilters>(NO_FILTERS);
  const [isCreating, setIsCreating] = useState(false);
  const [deleting, setDeleting] = useState<TppDisciplineDecisionViewItem | null>(null);
  const decisions = useTppDisciplineDecisions(isAll ? null : period, filters);
  const remove = useDeleteTppDisciplineDecision();
  const items = decisions.data?.items ?? [];
  const columns = canWrite ? 5 : 4;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tppRecords.discipline.intro')}
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)} data-testid="tpp-discipline-create">
            {t('tppRecords.discipline.create')}
          </Button>
        )}
      </Group>
      <TppRecordFilterBar filters={filters} onChange={setFilters} isFetching={decisions.isFetching} testId="tpp-discipline-filter">
        {!isAll && <MonthPicker value={period} onChange={setPeriod} data-testid="tpp-discipline-month" />}
        <Switch label={t('tppRecords.discipline.showAll')} checked={isAll} onChange={(event) => setIsAll(event.currentTarget.checked)} mb={8} data-testid="tpp-discipline-all" />
      </TppRecordFilterBar>
      {decisions.isError && <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped data-testid="tpp-discipline-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tppRecords.employee')}</Table.Th>
                <Table.Th>{t('tppRecords.discipline.decision')}</Table.Th>
                <Table.Th>{t('tppRecords.discipline.penalty')}</Table.Th>
                <Table.Th>{t('tppRecords.discipline.months')}</Table.Th>
                {canWrite && <Table.Th w={52} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decisions.data && items.length === 0 && <EmptyRows colSpan={columns} text={isAll ? t('tppRecords.discipline.emptyAll') : t('tppRecords.discipline.empty', { period })} />}
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="tpp-discipline-row">
                  <Table.Td>
                    <Text size="sm" fw={500} className="break-anywhere">
                      {item.name}
                    </Text>
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {item.nip} · {item.unitName ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="break-anywhere">
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
                        <Text size="sm" className="break-anywhere">
                          {describePenalty(item.penalty, t, locale)}
                        </Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="red.7">
                        {t('tppRecords.discipline.unpriced', { code: item.penaltyCode })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {item.endPeriod && item.endPeriod !== item.startPeriod ? `${item.startPeriod} – ${item.endPeriod}` : item.startPeriod}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {!item.isStartClosed && (
                        <Tooltip label={t('tppRecords.discipline.delete')}>
                          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('tppRecords.discipline.delete')} onClick={() => setDeleting(item)} data-testid="tpp-discipline-delete">
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {isCreating && <TppDisciplineFormModal defaultPeriod={period} onClose={() => setIsCreating(false)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('tppRecords.discipline.deleteTitle')}
        message={deleting ? t('tppRecords.discipline.deleteText', { number: deleting.decisionNumber, name: deleting.name }) : ''}
        confirmLabel={t('tppRecords.discipline.delete')}
        isLoading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('tppRecords.discipline.deleted') });
              setDeleting(null);
            },
            onError: (error) => notifications.show({ color: 'red', message: error.message }),
          })
        }
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
