import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyRows } from '../../components/empty-rows';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { AssignmentFormModal } from './assignment-form-modal';
import { AssignmentKindBadge } from './assignment-kind-badge';
import { useUpdateAssignment, type EmployeeDetail } from './employees-api';
import { EndDateModal } from './end-date-modal';

type Assignment = EmployeeDetail['assignments'][number];

/** Every assignment of the employee, newest first; open ones can be ended by a writer. */
export function AssignmentHistory({ employee, canWrite }: { employee: EmployeeDetail; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const [isAdding, setIsAdding] = useState(false);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const update = useUpdateAssignment();
  const assignments = [...employee.assignments].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const columnCount = canWrite ? 6 : 5;

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('assignment.history')}
        </Title>
        {canWrite && employee.isActive && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setIsAdding(true)} data-testid="assignment-create">
            {t('assignment.create')}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped data-testid="assignment-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assignment.position')}</Table.Th>
              <Table.Th>{t('assignment.kindLabel')}</Table.Th>
              <Table.Th>{t('assignment.period')}</Table.Th>
              <Table.Th>{t('assignment.decreeNumber')}</Table.Th>
              <Table.Th>{t('assignment.note')}</Table.Th>
              {canWrite && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.length === 0 && <EmptyRows colSpan={columnCount} text={t('assignment.empty')} />}
            {assignments.map((assignment) => (
              <Table.Tr key={assignment.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {assignment.positionName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {assignment.unitName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AssignmentKindBadge kind={assignment.kind} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatDate(assignment.startDate, locale)} – {assignment.endDate ? formatDate(assignment.endDate, locale) : t('assignment.ongoing')}
                  </Text>
                </Table.Td>
                <Table.Td>{assignment.decreeNumber ?? '—'}</Table.Td>
                <Table.Td>{assignment.note ?? '—'}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    {assignment.endDate === null && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setEnding(assignment)}>
                        {t('action.end')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {isAdding && <AssignmentFormModal employeeId={employee.id} employeeName={employee.fullName} onClose={() => setIsAdding(false)} />}
      {ending && (
        <EndDateModal
          title={t('assignment.endTitle')}
          text={t('assignment.endText', { position: ending.positionName })}
          minDate={ending.startDate}
          isLoading={update.isPending}
          error={update.error}
          onClose={() => {
            update.reset();
            setEnding(null);
          }}
          onSubmit={(endDate) =>
            update.mutate(
              { id: ending.id, endDate },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('assignment.ended') });
                  setEnding(null);
                },
              },
            )
          }
        />
      )}
    </Card>
  );
}
