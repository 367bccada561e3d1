import { Badge, Button, Card, Group, Loader, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { SkpSummary } from '../../../contracts/skp';
import { defaultReviewPeriodKey, listSkpPeriods } from '../../../domain/skp/periods';
import { UNIT_PREDIKATS } from '../../../domain/skp/vocabulary';
import { ErrorState } from '../../components/error-state';
import { todayInBrowser } from '../../lib/dates';
import { PageHeader } from '../../components/page-header';
import { DistributionCard } from './distribution-card';
import { periodKindOf, useSetUnitPredikat, useSkpList, useSkpSettings, useSupervisedUnits } from './skp-api';
import { SkpDetail } from './skp-detail';
import { SkpStatusBadge, YearSelect } from './skp-parts';
import { useSkpT } from './use-skp-t';

function SkpTable({ items, onOpen, testId }: { items: SkpSummary[]; onOpen: (id: string) => void; testId: string }) {
  const t = useSkpT();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('skp.review.empty')}
      </Text>
    );
  }
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={420}>
        <Table highlightOnHover fz="sm" verticalSpacing="xs" data-testid={testId}>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(item.id)} data-testid="skp-review-row">
                <Table.Td>
                  <Text size="sm" fw={500} className="break-anywhere">
                    {item.employee.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.employee.positionName ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SkpStatusBadge status={item.status} isInForce={item.isInForce} />
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="subtle">
                    {t('skp.review.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The units whose heads I assess: I set their predikat for the period (it drives the pattern and the head's hasil kerja). */
function SupervisedUnits({ periodKey }: { periodKey: string }) {
  const t = useSkpT();
  const units = useSupervisedUnits(periodKey);
  const set = useSetUnitPredikat();
  if (units.isPending) return <Loader size="sm" />;
  if (units.isError) return <ErrorState error={units.error} />;
  if (units.data.items.length === 0) return null;
  return (
    <Card withBorder padding="sm" data-testid="skp-unit-predikats">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('skp.review.unitPredikatTitle', { period: periodKey })}
        </Text>
        {units.data.items.map((unit) => (
          <Group key={unit.unitId} justify="space-between" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" className="break-anywhere">
                {unit.unitName}
              </Text>
              <Text size="xs" c="dimmed">
                {t('skp.review.unitHead', { name: unit.headName ?? '—' })}
              </Text>
            </Stack>
            <Select
              aria-label={t('skp.distribution.unitPredikat')}
              data={UNIT_PREDIKATS.map((predikat) => ({ value: predikat, label: t(`skp.unitPredikat.${predikat}`) }))}
              value={unit.predikat}
              placeholder={t('skp.unitPredikat.none')}
              onChange={(predikat) => predikat && set.mutate({ unitId: unit.unitId, periodKey, predikat })}
              w={200}
              data-testid="skp-unit-predikat"
            />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** Subordinates' SKPs: what waits for my approval, everyone I assess (feedback, ratings), unit predikat and the distribution advisor. */
export function SkpReviewPage() {
  const t = useSkpT();
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [openId, setOpenId] = useState<string | null>(null);
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const settings = useSkpSettings();
  const waiting = useSkpList('to_review', year);
  const assessed = useSkpList('assessed', year);
  const periods = [...listSkpPeriods(year, periodKindOf(settings.data, year)).map((period) => period.key), String(year)];
  const period = periodKey && periods.includes(periodKey) ? periodKey : defaultReviewPeriodKey(year, periodKindOf(settings.data, year), todayInBrowser());

  return (
    <Stack gap="md">
      <PageHeader title={t('skp.review.title')} description={t('skp.review.description')} actions={<YearSelect value={year} onChange={setYear} />} />
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={4}>{t('skp.review.waiting')}</Title>
          {waiting.data && <Badge>{waiting.data.items.length}</Badge>}
        </Group>
        {waiting.isPending ? <Loader size="sm" /> : waiting.isError ? <ErrorState error={waiting.error} /> : <SkpTable items={waiting.data.items} onOpen={setOpenId} testId="skp-waiting" />}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('skp.review.assessed')}</Title>
        {assessed.isPending ? (
          <Loader size="sm" />
        ) : assessed.isError ? (
          <ErrorState error={assessed.error} />
        ) : (
          <SkpTable items={assessed.data.items.filter((item) => item.status !== 'submitted' && (item.isInForce || item.status !== 'approved'))} onOpen={setOpenId} testId="skp-assessed" />
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('skp.review.ratings')}</Title>
        <Select label={t('skp.evaluation.ratePeriod')} data={periods} value={period} onChange={setPeriodKey} allowDeselect={false} maw={200} data-testid="skp-review-period" />
        <SupervisedUnits periodKey={period} />
        <DistributionCard periodKey={period} showPeople />
      </Stack>
      <Modal opened={openId !== null} onClose={() => setOpenId(null)} size="xl" fullScreen={isPhone} title={t('skp.review.detail')}>
        {openId && <SkpDetail skpId={openId} />}
      </Modal>
    </Stack>
  );
}
