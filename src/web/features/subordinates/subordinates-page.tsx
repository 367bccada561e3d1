import { Anchor, Badge, Card, Loader, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { AssignmentKindBadge } from '../employees/assignment-kind-badge';
import { useSubordinates } from '../employees/employees-api';

/** "Bawahan saya": the employees whose direct superior today is the signed-in user. */
export function SubordinatesPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const subordinates = useSubordinates(me.employeeId);

  return (
    <Stack>
      <PageHeader
        title={t('nav.subordinates')}
        description={subordinates.data ? t('subordinates.onDate', { date: formatDate(subordinates.data.date, locale) }) : undefined}
      />
      {!me.employeeId && <Text c="dimmed">{t('home.noEmployeeRecord')}</Text>}
      {subordinates.isPending && me.employeeId && <Loader size="sm" />}
      {subordinates.isError && <ErrorState error={subordinates.error} onRetry={() => void subordinates.refetch()} />}
      {subordinates.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="subordinates-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('employee.name')}</Table.Th>
                  <Table.Th>{t('employee.nip')}</Table.Th>
                  <Table.Th>{t('employee.position')}</Table.Th>
                  <Table.Th>{t('subordinates.via')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {subordinates.data.items.length === 0 && <EmptyRows colSpan={4} text={t('subordinates.empty')} />}
                {subordinates.data.items.map((item) => (
                  <Table.Tr key={item.employeeId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/employees/${item.employeeId}`}>
                        {item.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.nip}</Table.Td>
                    <Table.Td>{item.positionName ?? '—'}</Table.Td>
                    <Table.Td>
                      {item.via === 'override' ? (
                        <Badge size="sm" variant="outline">
                          {t('superior.via.override')}
                        </Badge>
                      ) : (
                        <AssignmentKindBadge kind={item.via} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
