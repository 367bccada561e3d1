import { Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { useT } from '../../i18n/i18n-context';
import { AssignmentKindBadge } from './assignment-kind-badge';
import { useSubordinates } from './employees-api';

/** Who reports directly to this employee today. */
export function SubordinatesCard({ employeeId }: { employeeId: string }) {
  const t = useT();
  const subordinates = useSubordinates(employeeId);
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">
        {t('employee.subordinates')}
        {subordinates.data && (
          <Badge ml="xs" size="sm" variant="light" color="gray">
            {subordinates.data.items.length}
          </Badge>
        )}
      </Title>
      {subordinates.isPending && <Loader size="xs" />}
      {subordinates.isError && <ErrorState error={subordinates.error} />}
      {subordinates.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('subordinates.empty')}
        </Text>
      )}
      <Stack gap={6} data-testid="subordinate-list">
        {subordinates.data?.items.map((item) => (
          <Group key={item.employeeId} gap="xs" wrap="nowrap" justify="space-between">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/employees/${item.employeeId}`} size="sm" className="break-anywhere">
                {item.fullName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {item.positionName ?? item.nip}
              </Text>
            </div>
            {item.via === 'override' ? (
              <Badge size="sm" variant="outline">
                {t('superior.via.override')}
              </Badge>
            ) : (
              item.via !== 'definitif' && <AssignmentKindBadge kind={item.via} />
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
