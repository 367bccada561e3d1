import { Badge, Card, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CascadeTree } from '../../../contracts/skp-realisation';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale } from '../../i18n/i18n-context';
import { UnitSelect } from '../units/unit-select';
import { useSkpCascade, useSkpList, useUnitCascade } from './skp-api';
import { ProgressLine, YearSelect } from './skp-parts';
import { canReadUnitSkp, hasOwnSkp } from './skp-permissions';
import { useSkpT } from './use-skp-t';

/** The tree as indented rows (depth from the API), each with its own and its carried progress. */
function CascadeRows({ tree }: { tree: CascadeTree }) {
  const t = useSkpT();
  const [locale] = useLocale();
  if (tree.nodes.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="md">
        {t('skp.cascade.empty')}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="skp-cascade">
      {tree.nodes.map((node) => (
        <Card
          key={node.rhkId}
          withBorder
          padding="xs"
          ml={`calc(${Math.min(node.depth, 6)} * var(--mantine-spacing-md))`}
          style={{ borderLeft: node.depth > 0 ? '3px solid var(--mantine-color-blue-3)' : undefined }}
          data-testid="skp-cascade-node"
        >
          <Stack gap={4}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Badge size="xs" variant="light" color={node.kind === 'utama' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>
                {t(`skp.kind.${node.kind}`)}
              </Badge>
              <Text size="sm" fw={600} className="break-anywhere">
                {node.text}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" className="break-anywhere">
              {node.employee.name} · {node.employee.positionName ?? '—'}
            </Text>
            <ProgressLine bp={node.ownProgressBp} locale={locale} label={t('skp.cascade.own')} />
            {node.carriedProgressBp !== null && <ProgressLine bp={node.carriedProgressBp} locale={locale} label={t('skp.cascade.carried')} />}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function MyCascade({ year }: { year: number }) {
  const t = useSkpT();
  const mine = useSkpList('mine', year);
  const inForce = mine.data?.items.find((item) => item.isInForce) ?? null;
  const tree = useSkpCascade(inForce?.id ?? null);
  if (mine.isPending) return <Loader size="sm" />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!inForce) return <Text c="dimmed">{t('skp.cascade.noApprovedSkp', { year })}</Text>;
  if (tree.isPending) return <Loader size="sm" />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  return <CascadeRows tree={tree.data} />;
}

function UnitCascade({ year }: { year: number }) {
  const t = useSkpT();
  const [unitId, setUnitId] = useState<string | null>(null);
  const tree = useUnitCascade(unitId, year);
  return (
    <Stack gap="sm">
      <UnitSelect label={t('skp.unit')} value={unitId} onChange={setUnitId} data-testid="skp-cascade-unit" />
      {unitId === null ? (
        <Text size="sm" c="dimmed">
          {t('skp.pickUnit')}
        </Text>
      ) : tree.isPending ? (
        <Loader size="sm" />
      ) : tree.isError ? (
        <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
      ) : (
        <CascadeRows tree={tree.data} />
      )}
    </Stack>
  );
}

/** The cascade tree with progress: below my own SKP, or of a whole unit for unit readers. */
export function SkpCascadePage() {
  const t = useSkpT();
  const me = useSession();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const canMine = hasOwnSkp(me.roles) && me.employeeId !== null;
  const canUnit = canReadUnitSkp(me.roles);
  const [view, setView] = useState<'mine' | 'unit'>(canMine ? 'mine' : 'unit');
  return (
    <Stack gap="sm">
      <PageHeader title={t('skp.cascade.title')} description={t('skp.cascade.description')} actions={<YearSelect value={year} onChange={setYear} />} />
      {canMine && canUnit && (
        <SegmentedControl
          value={view}
          onChange={(value) => setView(value === 'unit' ? 'unit' : 'mine')}
          data={[
            { value: 'mine', label: t('skp.cascade.mine') },
            { value: 'unit', label: t('skp.cascade.unit') },
          ]}
          maw={360}
        />
      )}
      {view === 'mine' && canMine ? <MyCascade year={year} /> : canUnit ? <UnitCascade year={year} /> : null}
    </Stack>
  );
}
