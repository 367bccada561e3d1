import { Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { ProductivityFigures } from './productivity-summary';
import { useEmployeeProductivity } from './productivity-api';

/** Home-page card: my productivity this month so far (live), for every employee account. */
export function MyProductivityCard({ productivityPath = '/activities/productivity' }: { productivityPath?: string }) {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const productivity = useEmployeeProductivity(null, null, me.employeeId !== null);
  if (!me.employeeId) return null;
  return (
    <Card withBorder padding="md" data-testid="my-productivity-card">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconChartBar size={20} aria-hidden />
          <Text fw={600}>{t('activityProductivity.cardTitle')}</Text>
        </Group>
        {productivity.isPending && <Loader size="sm" />}
        {productivity.isError && (
          <Text size="sm" c="red">
            {productivity.error.message}
          </Text>
        )}
        {productivity.data && <ProductivityFigures summary={productivity.data} liveUntil={productivity.data.isPartial ? formatDate(productivity.data.throughDate, locale) : null} />}
        <Group justify="flex-end">
          <Button component={Link} to={productivityPath} size="xs" variant="light">
            {t('activityProductivity.cardOpen')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
