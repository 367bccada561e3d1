import { Anchor, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyRows } from '../../components/empty-rows';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { useEndOverride, type EmployeeDetail } from './employees-api';
import { EndDateModal } from './end-date-modal';
import { OverrideFormModal } from './override-form-modal';

type Override = EmployeeDetail['overrides'][number];

/** Explicit superiors for a period (acting arrangements the position tree does not show). */
export function OverrideList({ employee, canWrite }: { employee: EmployeeDetail; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const [isAdding, setIsAdding] = useState(false);
  const [ending, setEnding] = useState<Override | null>(null);
  const end = useEndOverride();
  const overrides = [...employee.overrides].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const columnCount = canWrite ? 4 : 3;

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('override.title')}
        </Title>
        {canWrite && employee.isActive && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setIsAdding(true)} data-testid="override-create">
            {t('override.create')}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" striped data-testid="override-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('override.superior')}</Table.Th>
              <Table.Th>{t('assignment.period')}</Table.Th>
              <Table.Th>{t('override.reason')}</Table.Th>
              {canWrite && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overrides.length === 0 && <EmptyRows colSpan={columnCount} text={t('override.empty')} />}
            {overrides.map((override) => (
              <Table.Tr key={override.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/employees/${override.superiorEmployeeId}`} size="sm">
                    {override.superiorName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatDate(override.startDate, locale)} – {override.endDate ? formatDate(override.endDate, locale) : t('assignment.ongoing')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="break-anywhere">
                    {override.reason}
                  </Text>
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    {override.endDate === null && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setEnding(override)}>
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
      {isAdding && <OverrideFormModal employeeId={employee.id} employeeName={employee.fullName} onClose={() => setIsAdding(false)} />}
      {ending && (
        <EndDateModal
          title={t('override.endTitle')}
          text={t('override.endText', { name: ending.superiorName })}
          minDate={ending.startDate}
          isLoading={end.isPending}
          error={end.error}
          onClose={() => {
            end.reset();
            setEnding(null);
          }}
          onSubmit={(endDate) =>
            end.mutate(
              { id: ending.id, endDate },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('override.ended') });
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
