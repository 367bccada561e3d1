import { Badge, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ProductivitySummary } from '../../../contracts/activities-productivity';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatPercent, percentColor } from './productivity-format';

/** The figure with its parts, as the employee would check it by hand. */
export function ProductivityFigures({ summary, liveUntil }: { summary: ProductivitySummary; liveUntil: string | null }) {
  const t = useT();
  const [locale] = useLocale();
  const percent = summary.percentBasisPoints;
  // Each part carries a test id (productivity-approvedMinutes …) so a journey can check the figure by hand.
  const parts: [keyof ProductivitySummary, string, number][] = [
    ['approvedMinutes', t('activityProductivity.approvedMinutes'), summary.approvedMinutes],
    ['countedMinutes', t('activityProductivity.countedMinutes'), summary.countedMinutes],
    ['creditedMinutes', t('activityProductivity.creditedMinutes'), summary.creditedMinutes],
    ['targetMinutes', t('activityProductivity.targetMinutes'), summary.targetMinutes],
    ['pendingMinutes', t('activityProductivity.pendingMinutes'), summary.pendingMinutes],
    ['effectiveWorkingDays', t('activityProductivity.effectiveDays'), summary.effectiveWorkingDays],
    ['leaveDays', t('activityProductivity.leaveDays'), summary.leaveDays],
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="xs" c="dimmed">
            {t('activityProductivity.percent')}
          </Text>
          <Text fz={32} fw={700} lh={1.1} c={percentColor(percent)} data-testid="productivity-percent">
            {formatPercent(percent, locale)}
          </Text>
        </div>
        {liveUntil && (
          <Badge variant="light" color="blue">
            {t('activityProductivity.live', { date: liveUntil })}
          </Badge>
        )}
      </Group>
      {percent === null ? (
        <Text size="sm" c="dimmed">
          {t('activityProductivity.noTarget')}
        </Text>
      ) : (
        <Progress value={percent / 100} color={percentColor(percent)} aria-label={t('activityProductivity.percent')} />
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {parts.map(([key, label, value]) => (
          <div key={key} data-testid={`productivity-${key}`} data-value={value}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={600}>{value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
