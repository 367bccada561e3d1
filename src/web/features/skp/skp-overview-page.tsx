import { Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { SkpExport } from '../../../contracts/skp-export';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../auth/session';
import { UnitSelect } from '../units/unit-select';
import { AssessorsAdminSection } from './assessors-admin-section';
import { DistributionCard } from './distribution-card';
import { downloadSkpJson, downloadSkpWorkbook, useSkpOverview } from './skp-api';
import { PredikatBadge, SkpStatusBadge, YearSelect } from './skp-parts';
import { useSkpT } from './use-skp-t';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function OverviewTable({ data }: { data: SkpExport }) {
  const t = useSkpT();
  const approved = data.skps.filter((item) => item.status === 'approved').length;
  const rated = data.skps.filter((item) => item.evaluations.some((evaluation) => evaluation.isFinal)).length;
  const ratedYear = data.skps.filter((item) => item.evaluations.some((evaluation) => evaluation.kind === 'annual' && evaluation.isFinal)).length;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Figure label={t('skp.overview.approved')} value={`${approved} / ${data.skps.length}`} testId="skp-overview-approved" />
        <Figure label={t('skp.overview.ratedAny')} value={`${rated} / ${data.skps.length}`} testId="skp-overview-rated" />
        <Figure label={t('skp.overview.ratedYear')} value={`${ratedYear} / ${data.skps.length}`} testId="skp-overview-annual" />
      </SimpleGrid>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={640}>
          <Table striped fz="sm" verticalSpacing="xs" data-testid="skp-overview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('skp.overview.employee')}</Table.Th>
                <Table.Th>{t('skp.overview.status')}</Table.Th>
                <Table.Th>{t('skp.overview.lastRating')}</Table.Th>
                <Table.Th>{t('skp.overview.annual')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.skps.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed" ta="center">
                      {t('skp.overview.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {data.skps.map((item) => {
                const periodic = item.evaluations.filter((evaluation) => evaluation.kind !== 'annual').at(-1);
                const annual = item.evaluations.find((evaluation) => evaluation.kind === 'annual');
                return (
                  <Table.Tr key={`${item.employee.nip}-${item.revision}`}>
                    <Table.Td>
                      <Text size="sm" fw={500} className="break-anywhere">
                        {item.employee.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {item.employee.nip}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <SkpStatusBadge status={item.status} />
                    </Table.Td>
                    <Table.Td>
                      {periodic ? (
                        <Group gap={4}>
                          <Text size="xs">{periodic.period}</Text>
                          <PredikatBadge predikat={periodic.predikat} />
                        </Group>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{annual ? <PredikatBadge predikat={annual.predikat} /> : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}

/**
 * An OPD's overview: who has an approved SKP, who has been rated; the distribution for the year;
 * xlsx and JSON exports. For BKPSDM also the pejabat penilai of the top of the tree.
 */
export function SkpOverviewPage() {
  const t = useSkpT();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [unitId, setUnitId] = useState<string | null>(null);
  const overview = useSkpOverview(unitId, year);
  const isBkpsdm = useSession().roles.includes('admin_bkpsdm');
  const download = (action: () => Promise<void>) => action().catch((error: Error) => notifications.show({ color: 'red', message: error.message }));
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('skp.overview.title')}
        description={t('skp.overview.description')}
        actions={
          unitId && (
            <>
              <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} onClick={() => void download(() => downloadSkpWorkbook(unitId, year))} data-testid="skp-export-xlsx">
                {t('skp.overview.xlsx')}
              </Button>
              <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} onClick={() => void download(() => downloadSkpJson(unitId, year))} data-testid="skp-export-json">
                {t('skp.overview.json')}
              </Button>
            </>
          )
        }
      />
      <Group align="flex-end" gap="sm">
        <YearSelect value={year} onChange={setYear} />
        <div style={{ flex: '1 1 18rem' }}>
          <UnitSelect label={t('skp.unit')} value={unitId} onChange={setUnitId} data-testid="skp-overview-unit" />
        </div>
      </Group>
      {unitId === null ? (
        <Text size="sm" c="dimmed">
          {t('skp.pickUnit')}
        </Text>
      ) : overview.isPending ? (
        <Loader size="sm" />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <OverviewTable data={overview.data} />
          <DistributionCard periodKey={String(year)} unitId={unitId} />
        </>
      )}
      {isBkpsdm && <AssessorsAdminSection year={year} />}
    </Stack>
  );
}
