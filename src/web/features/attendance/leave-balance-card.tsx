import { Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../components/error-state';
import { useT } from '../../i18n/i18n-context';
import { useLeaveBalance } from './attendance-api';

/** Annual leave for the year: allowance, carried over, used, pending and what is left (working days). */
export function LeaveBalanceCard({ year }: { year: number }) {
  const t = useT();
  const balance = useLeaveBalance(year);
  const figures = balance.data
    ? ([
        ['leave.allowance', balance.data.allowanceDays],
        ['leave.carried', balance.data.carriedOverDays],
        ['leave.used', balance.data.usedDays],
        ['leave.pending', balance.data.pendingDays],
      ] as const)
    : [];
  return (
    <Card withBorder padding="sm" data-testid="leave-balance">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {t('leave.title', { year })}
          </Title>
          {balance.isPending && <Loader size="xs" />}
        </Group>
        {balance.isError && <ErrorState error={balance.error} onRetry={() => void balance.refetch()} />}
        {balance.data && (
          <>
            <Group gap={6} align="baseline">
              <Text size="xl" fw={700} data-testid="leave-remaining">
                {balance.data.remainingDays}
              </Text>
              <Text size="sm" c="dimmed">
                {t('leave.remaining')} · {t('leave.days', { count: balance.data.remainingDays })}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs">
              {figures.map(([key, value]) => (
                <div key={key}>
                  <Text size="xs" c="dimmed">
                    {t(key)}
                  </Text>
                  <Text size="sm" fw={500}>
                    {t('leave.days', { count: value })}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Card>
  );
}
