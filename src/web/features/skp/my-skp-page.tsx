import { Button, Card, Loader, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { SkpSummary } from '../../../contracts/skp';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useCreateSkp, useSkpList } from './skp-api';
import { SkpDetail } from './skp-detail';
import { YearSelect } from './skp-parts';
import { useSkpT } from './use-skp-t';

/** The revision to show first: the one being worked on, else the one in force, else the newest. */
export function pickCurrentRevision(items: SkpSummary[]): SkpSummary | null {
  return items.find((item) => item.status !== 'approved') ?? items.find((item) => item.isInForce) ?? items[0] ?? null;
}

/** My SKP for a year: plan (RHK, indicators, lampiran), submit, revisions, realisation per period, my ratings, documents. */
export function MySkpPage() {
  const t = useSkpT();
  const me = useSession();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = useSkpList('mine', year);
  const create = useCreateSkp();

  const header = <PageHeader title={t('skp.my.title')} description={t('skp.my.description')} actions={<YearSelect value={year} onChange={(next) => { setYear(next); setChosenId(null); }} />} />;
  if (!me.employeeId) {
    return (
      <>
        {header}
        <Text c="dimmed">{t('skp.noEmployee')}</Text>
      </>
    );
  }
  if (list.isPending) return <>{header}<Loader size="sm" /></>;
  if (list.isError) return <>{header}<ErrorState error={list.error} onRetry={() => void list.refetch()} /></>;
  const items = list.data.items;
  const current = items.find((item) => item.id === chosenId) ?? pickCurrentRevision(items);

  return (
    <Stack gap="sm">
      {header}
      {!current && (
        <Card withBorder padding="lg" data-testid="skp-none">
          <Stack gap="sm" align="flex-start">
            <Text>{t('skp.my.none', { year })}</Text>
            <Button leftSection={<IconPlus size={16} />} loading={create.isPending} onClick={() => create.mutate(year)} data-testid="skp-create">
              {t('skp.my.create', { year })}
            </Button>
          </Stack>
        </Card>
      )}
      {items.length > 1 && current && (
        <Select
          label={t('skp.my.revisions')}
          data={items.map((item) => ({ value: item.id, label: `${t('skp.revision', { revision: item.revision })} · ${t(`skp.status.${item.status}`)}${item.isInForce ? ` · ${t('skp.inForce')}` : ''}` }))}
          value={current.id}
          onChange={setChosenId}
          allowDeselect={false}
          maw={360}
        />
      )}
      {current && <SkpDetail key={current.id} skpId={current.id} />}
    </Stack>
  );
}
