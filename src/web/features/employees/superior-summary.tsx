import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EmployeeDetail } from './employees-api';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';

/**
 * The direct superior on a date and how it was found: an explicit override, or the holder
 * (definitif, else Plt, else Plh) of the next position up, skipping vacant positions.
 */
export function SuperiorSummary({ result, canOpenDetail }: { result: EmployeeDetail['superior']; canOpenDetail: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const { superior } = result;
  return (
    <Stack gap="xs" data-testid="superior-summary">
      {superior ? (
        <div>
          {canOpenDetail ? (
            <Anchor component={Link} to={`/employees/${superior.employeeId}`} fw={600} className="break-anywhere">
              {superior.fullName}
            </Anchor>
          ) : (
            <Text fw={600} className="break-anywhere">
              {superior.fullName}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {superior.nip}
            {superior.positionName ? ` · ${superior.positionName}` : ''}
          </Text>
        </div>
      ) : (
        <Text size="sm">{t('superior.none')}</Text>
      )}
      <Group gap="xs">
        <Badge variant="outline" size="sm">
          {t(`superior.via.${result.via}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('superior.onDate', { date: formatDate(result.date, locale) })}
        </Text>
      </Group>
      {result.skippedVacantPositions.length > 0 && (
        <div>
          <Text size="xs" c="dimmed">
            {t('superior.skippedVacant')}
          </Text>
          <List size="sm" spacing={2}>
            {result.skippedVacantPositions.map((position) => (
              <List.Item key={position.id}>{position.name}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
