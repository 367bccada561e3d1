import { Alert, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { EMPLOYEE_PREDIKATS } from '../../../domain/skp/vocabulary';
import { ErrorState } from '../../components/error-state';
import { useDistribution } from './skp-api';
import { PredikatBadge, UnitPredikatText } from './skp-parts';
import { useSkpT } from './use-skp-t';

/**
 * The distribution advisor (SE MenPANRB 03/2023): the group's predikat against the pattern for the
 * unit's predikat, each breach spelled out. Shown before finalising; it never blocks.
 */
export function DistributionCard({ periodKey, unitId = null, showPeople = false }: { periodKey: string; unitId?: string | null; showPeople?: boolean }) {
  const t = useSkpT();
  const advice = useDistribution(periodKey, unitId);
  if (advice.isPending) return <Loader size="sm" />;
  if (advice.isError) return <ErrorState error={advice.error} onRetry={() => void advice.refetch()} />;
  const data = advice.data;
  return (
    <Card withBorder padding="sm" data-testid="skp-distribution">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('skp.distribution.title', { period: data.periodKey })}
        </Text>
        <Text size="xs" c="dimmed">
          {data.unitName ?? '—'} · {t('skp.distribution.unitPredikat')}: <UnitPredikatText predikat={data.unitPredikat} />
        </Text>
        <Group gap={6}>
          {EMPLOYEE_PREDIKATS.map((predikat) => (
            <Group key={predikat} gap={4}>
              <PredikatBadge predikat={predikat} />
              <Text size="xs">{data.counts[predikat] ?? 0}</Text>
            </Group>
          ))}
        </Group>
        {data.notice && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="xs">{data.notice}</Text>
          </Alert>
        )}
        {!data.notice && data.breaches.length === 0 && data.total > 0 && (
          <Alert color="green" variant="light" p="xs" icon={<IconCircleCheck size={16} />}>
            <Text size="xs">{t('skp.distribution.fits')}</Text>
          </Alert>
        )}
        {data.breaches.map((breach) => (
          <Alert key={breach.message} color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="skp-distribution-breach">
            <Text size="xs">{breach.message}</Text>
          </Alert>
        ))}
        <Text size="xs" c="dimmed">
          {t('skp.distribution.advisorOnly')}
        </Text>
        {showPeople && (
          <Table.ScrollContainer minWidth={420}>
            <Table fz="xs" verticalSpacing={2}>
              <Table.Tbody>
                {data.people.map((person) => (
                  <Table.Tr key={person.skpId}>
                    <Table.Td className="break-anywhere">{person.name}</Table.Td>
                    <Table.Td>
                      <PredikatBadge predikat={person.predikat} />
                    </Table.Td>
                    <Table.Td>{person.isFinal ? t('skp.evaluation.final') : person.predikat ? t('skp.evaluation.draft') : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
