import { Badge, Button, Card, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { UnitPredikatView } from '../../../contracts/skp-evaluation';
import { listSkpPeriods } from '../../../domain/skp/periods';
import { UNIT_PREDIKATS, type UnitPredikat } from '../../../domain/skp/vocabulary';
import { ErrorState } from '../../components/error-state';
import { useLocale } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { AssessorDesignationModal, EndDesignationModal } from './assessor-designation-modal';
import { periodKindOf, useAssessorDesignations, useEmployeesWithoutAssessor, useSetUnitPredikat, useSkpList, useSkpSettings, useSupervisedUnits } from './skp-api';
import { SkpDetail } from './skp-detail';
import { SkpStatusBadge } from './skp-parts';
import { useSkpT } from './use-skp-t';

type Designating = { position: { id: string; label: string } | null } | null;

/** Active employees neither the superior rule nor a designation gives an assessor: their SKP could never be approved. */
function WithoutAssessorCard({ onDesignate }: { onDesignate: (position: { id: string; label: string } | null) => void }) {
  const t = useSkpT();
  const list = useEmployeesWithoutAssessor(true);
  return (
    <Card withBorder padding="sm" data-testid="skp-without-assessor">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {t('skp.assessors.withoutTitle')}
          </Text>
          {list.data && <Badge color={list.data.items.length > 0 ? 'orange' : 'green'}>{list.data.items.length}</Badge>}
        </Group>
        {list.isPending ? (
          <Loader size="sm" />
        ) : list.isError ? (
          <ErrorState error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('skp.assessors.withoutNone')}
          </Text>
        ) : (
          list.data.items.map((item) => (
            <Group key={item.employeeId} justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                <Text size="sm" className="break-anywhere">
                  {item.name}
                </Text>
                <Text size="xs" c="dimmed" className="break-anywhere">
                  {item.positionName ?? t('skp.assessors.noPosition')} · {item.unitName ?? '—'}
                </Text>
              </Stack>
              {item.positionId && (
                <Button size="compact-xs" variant="light" onClick={() => onDesignate({ id: item.positionId ?? '', label: `${item.positionName ?? ''} — ${item.unitName ?? ''}` })} data-testid="skp-designate">
                  {t('skp.assessors.designate')}
                </Button>
              )}
            </Group>
          ))
        )}
      </Stack>
    </Card>
  );
}

function DesignationsCard({ onDesignate }: { onDesignate: () => void }) {
  const t = useSkpT();
  const [locale] = useLocale();
  const designations = useAssessorDesignations(true);
  const [endingId, setEndingId] = useState<string | null>(null);
  return (
    <Card withBorder padding="sm" data-testid="skp-designations">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {t('skp.assessors.designationsTitle')}
          </Text>
          <Button size="compact-xs" variant="light" onClick={onDesignate}>
            {t('skp.assessors.add')}
          </Button>
        </Group>
        {designations.isPending ? (
          <Loader size="sm" />
        ) : designations.isError ? (
          <ErrorState error={designations.error} />
        ) : designations.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('skp.assessors.designationsNone')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table fz="xs" verticalSpacing={4}>
              <Table.Tbody>
                {designations.data.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="skp-designation-row">
                    <Table.Td>
                      <Text size="xs" fw={500}>
                        {item.positionName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {item.unitName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{item.kind === 'kepala_daerah' ? `${item.officialName ?? ''} (${item.officialTitle ?? ''})` : (item.assessor?.name ?? '—')}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`skp.assessors.kind.${item.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {formatDate(item.startDate, locale)} – {item.endDate ? formatDate(item.endDate, locale) : t('skp.assessors.open')}
                      </Text>
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {item.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {item.isInForce && item.endDate === null ? (
                        <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setEndingId(item.id)}>
                          {t('skp.assessors.end')}
                        </Button>
                      ) : (
                        <Badge size="xs" variant="outline" color={item.isInForce ? 'green' : 'gray'}>
                          {item.isInForce ? t('skp.assessors.inForce') : t('skp.assessors.notInForce')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {endingId && <EndDesignationModal designationId={endingId} onClose={() => setEndingId(null)} />}
    </Card>
  );
}

/** One unit whose head the kepala daerah assesses: its predikat, set with the basis of the record. */
function OnBehalfUnitPredikat({ unit, periodKey }: { unit: UnitPredikatView; periodKey: string }) {
  const t = useSkpT();
  const set = useSetUnitPredikat({ isErrorShownInline: true });
  const [predikat, setPredikat] = useState<UnitPredikat | null>(unit.predikat);
  const [reason, setReason] = useState(unit.onBehalfReason ?? '');
  return (
    <Stack gap={4} data-testid="skp-on-behalf-unit">
      <Text size="sm" className="break-anywhere">
        {unit.unitName} · {t('skp.review.unitHead', { name: unit.headName ?? '—' })}
      </Text>
      {set.error && (
        <Text size="xs" c="red" role="alert">
          {set.error.message}
        </Text>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          aria-label={t('skp.distribution.unitPredikat')}
          data={UNIT_PREDIKATS.map((value) => ({ value, label: t(`skp.unitPredikat.${value}`) }))}
          value={predikat}
          placeholder={t('skp.unitPredikat.none')}
          onChange={(value) => setPredikat(UNIT_PREDIKATS.find((candidate) => candidate === value) ?? null)}
          w={180}
          data-testid="skp-on-behalf-unit-predikat"
        />
        <TextInput
          aria-label={t('skp.onBehalf.reason')}
          placeholder={t('skp.onBehalf.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          style={{ flex: '1 1 12rem' }}
          data-testid="skp-on-behalf-unit-reason"
        />
        <Button size="xs" disabled={predikat === null} loading={set.isPending} onClick={() => predikat && set.mutate({ unitId: unit.unitId, periodKey, predikat, onBehalfReason: reason })} data-testid="skp-on-behalf-unit-save">
          {t('skp.save')}
        </Button>
      </Group>
      {unit.setOnBehalfOf && (
        <Text size="xs" c="dimmed">
          {t('skp.onBehalf.recorded', { official: unit.setOnBehalfOf, by: unit.setByName ?? '—', reason: unit.onBehalfReason ?? '' })}
        </Text>
      )}
    </Stack>
  );
}

/** The SKPs the kepala daerah assesses (the Sekda's): BKPSDM approves, rates and sets the unit predikat on the official's behalf. */
function KepalaDaerahCard({ year }: { year: number }) {
  const t = useSkpT();
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const settings = useSkpSettings();
  const skps = useSkpList('kepala_daerah', year);
  const [openId, setOpenId] = useState<string | null>(null);
  const periods = [...listSkpPeriods(year, periodKindOf(settings.data, year)).map((period) => period.key), String(year)];
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const period = periodKey && periods.includes(periodKey) ? periodKey : String(year);
  const units = useSupervisedUnits(period);
  return (
    <Card withBorder padding="sm" data-testid="skp-kepala-daerah">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('skp.assessors.kepalaDaerahTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('skp.assessors.kepalaDaerahHint')}
        </Text>
        {skps.isPending ? (
          <Loader size="sm" />
        ) : skps.isError ? (
          <ErrorState error={skps.error} />
        ) : skps.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('skp.review.empty')}
          </Text>
        ) : (
          skps.data.items
            .filter((item) => item.isInForce || item.status !== 'approved')
            .map((item) => (
              <Group key={item.id} justify="space-between" gap="xs" wrap="wrap" style={{ cursor: 'pointer' }} onClick={() => setOpenId(item.id)} data-testid="skp-kepala-daerah-row">
                <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text size="sm" className="break-anywhere">
                    {item.employee.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.employee.positionName ?? '—'}
                  </Text>
                </Stack>
                <SkpStatusBadge status={item.status} isInForce={item.isInForce} />
              </Group>
            ))
        )}
        <Select label={t('skp.evaluation.ratePeriod')} data={periods} value={period} onChange={setPeriodKey} allowDeselect={false} maw={200} />
        {units.isPending ? <Loader size="sm" /> : units.isError ? <ErrorState error={units.error} /> : units.data.items.map((unit) => <OnBehalfUnitPredikat key={`${unit.unitId}-${period}`} unit={unit} periodKey={period} />)}
      </Stack>
      <Modal opened={openId !== null} onClose={() => setOpenId(null)} size="xl" fullScreen={isPhone} title={t('skp.review.detail')}>
        {openId && <SkpDetail skpId={openId} />}
      </Modal>
    </Card>
  );
}

/**
 * BKPSDM's part of the SKP at the top of the tree: who has no pejabat penilai, the assessors it
 * designated, and the decisions it records for the kepala daerah.
 */
export function AssessorsAdminSection({ year }: { year: number }) {
  const t = useSkpT();
  const [designating, setDesignating] = useState<Designating>(null);
  return (
    <Stack gap="sm">
      <Title order={4}>{t('skp.assessors.title')}</Title>
      <WithoutAssessorCard onDesignate={(position) => setDesignating({ position })} />
      <DesignationsCard onDesignate={() => setDesignating({ position: null })} />
      <KepalaDaerahCard year={year} />
      {designating && <AssessorDesignationModal position={designating.position} onClose={() => setDesignating(null)} />}
    </Stack>
  );
}
