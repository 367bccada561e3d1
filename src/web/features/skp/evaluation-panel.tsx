import { Accordion, Alert, Badge, Button, Card, Group, Loader, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { EvaluationList, EvaluationView } from '../../../contracts/skp-evaluation';
import { hasilKerjaOfUnitHead } from '../../../domain/skp/evaluation';
import { BERAKHLAK_VALUES } from '../../../domain/skp/berakhlak';
import { PP46_BEHAVIOUR_ASPECTS, type Pp46BehaviourAspect } from '../../../domain/skp/pp46-formula';
import { PP46_CREATIVITY_LEVELS, RATINGS, type Pp46CreativityLevel, type Rating } from '../../../domain/skp/vocabulary';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { DistributionCard } from './distribution-card';
import { downloadAnnualDocument, downloadEvaluationDocument, useEvaluations, useFinaliseEvaluation, useSaveEvaluation } from './skp-api';
import { DownloadButton, PredikatBadge, RatingText } from './skp-parts';
import { useSkpT } from './use-skp-t';

type Pp46Aspect = Pp46BehaviourAspect;
const CORE_ASPECTS = PP46_BEHAVIOUR_ASPECTS.filter((aspect) => aspect !== 'kepemimpinan');

function RatingControl({ label, value, onChange, disabled, testId }: { label: string; value: Rating | null; onChange: (value: Rating) => void; disabled?: boolean; testId: string }) {
  const t = useSkpT();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        fullWidth
        disabled={disabled}
        value={value ?? ''}
        onChange={(next) => {
          const rating = RATINGS.find((candidate) => candidate === next);
          if (rating) onChange(rating);
        }}
        data={RATINGS.map((rating) => ({ value: rating, label: t(`skp.ratingShort.${rating}`) }))}
        data-testid={testId}
      />
    </Stack>
  );
}

/** The assessor's form for one period: ratings, BerAKHLAK notes and expectations, PP 46/2011 scores in such years. */
function EvaluationForm({ skpId, list, periodKey, existing }: { skpId: string; list: EvaluationList; periodKey: string; existing: EvaluationView | undefined }) {
  const t = useSkpT();
  const save = useSaveEvaluation();
  const finalise = useFinaliseEvaluation();
  const [isConfirming, setIsConfirming] = useState(false);
  const unitPredikat = list.unitPredikats.find((item) => item.periodKey === periodKey)?.predikat ?? null;
  const derived = list.isUnitHead && unitPredikat ? hasilKerjaOfUnitHead(unitPredikat) : null;
  const [hasilKerja, setHasilKerja] = useState<Rating | null>(existing?.hasilKerjaRating ?? derived);
  const [perilaku, setPerilaku] = useState<Rating | null>(existing?.perilakuKerjaRating ?? null);
  const [notes, setNotes] = useState<Record<string, string>>(existing?.behaviourNotes ?? {});
  const [expectations, setExpectations] = useState<Record<string, string>>(existing?.leaderExpectations ?? {});
  // The stored aspects come back into the form (ratings stored before they were kept have none).
  const storedAspects = existing?.pp46?.behaviour;
  const [pp46, setPp46] = useState<Record<Pp46Aspect, number | string>>(() =>
    Object.fromEntries(PP46_BEHAVIOUR_ASPECTS.map((aspect) => [aspect, storedAspects?.[aspect] ?? ''])) as Record<Pp46Aspect, number | string>,
  );
  const [creativity, setCreativity] = useState<Pp46CreativityLevel | null>(existing?.pp46?.creativity ?? null);
  const [onBehalfReason, setOnBehalfReason] = useState(existing?.onBehalf?.reason ?? '');
  const isOnBehalf = list.assessorKind === 'kepala_daerah';
  const isPp46Annual = list.approach === 'pp_46_2011' && periodKey.length === 4;
  const aspects = list.isKepemimpinanScored ? PP46_BEHAVIOUR_ASPECTS : CORE_ASPECTS;
  const isFinal = existing?.isFinal ?? false;

  const submit = () => {
    const score = (aspect: Pp46Aspect) => Number(pp46[aspect]);
    save.mutate({
      skpId,
      periodKey,
      body: {
        hasilKerjaRating: list.isUnitHead ? null : hasilKerja,
        perilakuKerjaRating: perilaku,
        behaviourNotes: notes,
        leaderExpectations: expectations,
        pp46:
          isPp46Annual && aspects.every((aspect) => pp46[aspect] !== '')
            ? {
                behaviour: {
                  orientasiPelayanan: score('orientasiPelayanan'),
                  integritas: score('integritas'),
                  komitmen: score('komitmen'),
                  disiplin: score('disiplin'),
                  kerjaSama: score('kerjaSama'),
                  kepemimpinan: list.isKepemimpinanScored ? score('kepemimpinan') : null,
                },
                creativity,
              }
            : null,
        onBehalfReason: isOnBehalf ? onBehalfReason : null,
      },
    });
  };

  return (
    <Stack gap="sm" data-testid="evaluation-form">
      {save.error && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      {isOnBehalf && (
        <Alert color="gray" variant="light" p="xs">
          <Stack gap={6}>
            <Text size="xs">{t('skp.onBehalf.explain', { name: list.assessorName ?? '—' })}</Text>
            <Textarea label={t('skp.onBehalf.reason')} description={t('skp.onBehalf.reasonHint')} value={onBehalfReason} onChange={(event) => setOnBehalfReason(event.currentTarget.value)} autosize minRows={1} required disabled={isFinal} data-testid="evaluation-on-behalf-reason" />
          </Stack>
        </Alert>
      )}
      {list.isUnitHead && (
        <Alert color="blue" variant="light" p="xs">
          <Text size="xs">{unitPredikat ? t('skp.evaluation.unitHeadDerived', { rating: t(`skp.rating.${hasilKerjaOfUnitHead(unitPredikat)}`) }) : t('skp.evaluation.unitHeadWaiting')}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <RatingControl label={t('skp.evaluation.hasilKerja')} value={list.isUnitHead ? derived : hasilKerja} onChange={setHasilKerja} disabled={isFinal || list.isUnitHead} testId="rating-hasil" />
        <RatingControl label={t('skp.evaluation.perilaku')} value={perilaku} onChange={setPerilaku} disabled={isFinal} testId="rating-perilaku" />
      </SimpleGrid>
      <Accordion variant="separated" chevronPosition="left">
        {BERAKHLAK_VALUES.map((value) => (
          <Accordion.Item key={value.code} value={value.code}>
            <Accordion.Control>
              <Group gap={6}>
                <Text size="sm">{value.name}</Text>
                {(notes[value.code] || expectations[value.code]) && <Badge size="xs">✓</Badge>}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={6}>
                <Text size="xs" c="dimmed">
                  {value.guidance.join(' · ')}
                </Text>
                <Textarea label={t('skp.evaluation.expectation')} value={expectations[value.code] ?? ''} onChange={(event) => setExpectations((current) => ({ ...current, [value.code]: event.currentTarget.value }))} autosize minRows={1} disabled={isFinal} />
                <Textarea label={t('skp.evaluation.note')} value={notes[value.code] ?? ''} onChange={(event) => setNotes((current) => ({ ...current, [value.code]: event.currentTarget.value }))} autosize minRows={1} disabled={isFinal} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {isPp46Annual && (
        <Card withBorder padding="sm">
          <Text size="sm" fw={600} mb={4}>
            {t('skp.evaluation.pp46')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {aspects.map((aspect) => (
              <NumberInput
                key={aspect}
                label={t(`skp.pp46.${aspect}`)}
                value={pp46[aspect]}
                onChange={(value) => setPp46((current) => ({ ...current, [aspect]: value }))}
                min={0}
                max={100}
                decimalScale={2}
                decimalSeparator=","
                disabled={isFinal}
                data-testid={`pp46-${aspect}`}
              />
            ))}
          </SimpleGrid>
          <Select
            mt="xs"
            label={t('skp.pp46.creativity')}
            data={PP46_CREATIVITY_LEVELS.map((level) => ({ value: level, label: t(`skp.pp46.creativity.${level}`) }))}
            value={creativity}
            onChange={(value) => setCreativity(PP46_CREATIVITY_LEVELS.find((level) => level === value) ?? null)}
            placeholder={t('skp.pp46.creativityNone')}
            clearable
            disabled={isFinal}
            maw={280}
          />
          {existing?.pp46 && (
            <Stack mt={4} gap={0}>
              <Pp46Summary pp46={existing.pp46} />
            </Stack>
          )}
        </Card>
      )}
      {/* BKPSDM recording for a kepala daerah rates nobody's group: the advisor is for assessors. */}
      {!isOnBehalf && <DistributionCard periodKey={periodKey} />}
      {!isFinal && (
        <Group justify="flex-end">
          <Button variant="default" onClick={submit} loading={save.isPending} data-testid="evaluation-save">
            {t('skp.evaluation.saveDraft')}
          </Button>
          <Button color="green" onClick={() => setIsConfirming(true)} disabled={!existing || (existing.predikat === null && existing.pp46 === null)} data-testid="evaluation-finalise">
            {t('skp.evaluation.finalise')}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={isConfirming}
        title={t('skp.evaluation.finalise')}
        message={t('skp.evaluation.finaliseConfirm')}
        confirmLabel={t('skp.evaluation.finalise')}
        color="green"
        isLoading={finalise.isPending}
        onClose={() => setIsConfirming(false)}
        onConfirm={() => finalise.mutate({ skpId, periodKey }, { onSettled: () => setIsConfirming(false) })}
      />
    </Stack>
  );
}

/** PP 46/2011 on the card: each perilaku aspect, jumlah and mean, then the scores (ratings from before the aspects were kept show the mean only). */
function Pp46Summary({ pp46 }: { pp46: NonNullable<EvaluationView['pp46']> }) {
  const t = useSkpT();
  const behaviour = pp46.behaviour;
  return (
    <Stack gap={0} data-testid="evaluation-pp46">
      {behaviour && (
        <Text size="xs">
          {PP46_BEHAVIOUR_ASPECTS.flatMap((aspect) => (behaviour[aspect] === null ? [] : [`${t(`skp.pp46.${aspect}`)} ${behaviour[aspect]}`])).join(' · ')}
          {` · ${t('skp.pp46.jumlah', { jumlah: behaviour.jumlah, count: behaviour.aspectCount })}`}
        </Text>
      )}
      <Text size="xs">{t('skp.evaluation.pp46Result', { skp: pp46.skpScore, behaviour: pp46.behaviourScore, final: pp46.finalScore, band: pp46.band })}</Text>
    </Stack>
  );
}

/** Ratings of an SKP per period and for the year; the assessor rates, everyone who may read it sees them and prints them. */
export function EvaluationPanel({ skpId }: { skpId: string }) {
  const t = useSkpT();
  const evaluations = useEvaluations(skpId);
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  if (evaluations.isPending) return <Loader size="sm" />;
  if (evaluations.isError) return <ErrorState error={evaluations.error} onRetry={() => void evaluations.refetch()} />;
  const list = evaluations.data;
  const started = list.periods.filter((period) => period.hasStarted);
  const chosen = periodKey ?? started.filter((period) => period.kind !== 'annual').at(-1)?.key ?? null;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('skp.evaluation.title')}
        </Text>
        <DownloadButton label={t('skp.document.annual')} onDownload={() => downloadAnnualDocument(skpId)} testId="skp-annual-pdf" />
      </Group>
      {list.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('skp.evaluation.none')}
        </Text>
      )}
      {list.items.map((item) => (
        <Card key={item.id} withBorder padding="xs" data-testid="skp-evaluation">
          <Group justify="space-between" gap="xs">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {item.periodKind === 'annual' ? t('skp.evaluation.annual', { year: item.periodKey }) : item.periodKey}
              </Text>
              <Text size="xs" c="dimmed">
                {t('skp.evaluation.hasilKerja')}: <RatingText rating={item.hasilKerjaRating} /> · {t('skp.evaluation.perilaku')}: <RatingText rating={item.perilakuKerjaRating} />
              </Text>
              {item.pp46 && <Pp46Summary pp46={item.pp46} />}
              {item.onBehalf && (
                <Text size="xs" c="dimmed" data-testid="evaluation-on-behalf">
                  {t('skp.onBehalf.recorded', { official: item.onBehalf.officialName, by: item.onBehalf.recordedByName ?? '—', reason: item.onBehalf.reason })}
                </Text>
              )}
            </Stack>
            <Group gap={6}>
              <PredikatBadge predikat={item.predikat} />
              {item.isCarriedOver && (
                <Badge variant="outline" color="gray" size="sm">
                  {t('skp.evaluation.carriedOver')}
                </Badge>
              )}
              <Badge variant="outline" color={item.isFinal ? 'green' : 'gray'}>
                {item.isFinal ? t('skp.evaluation.final') : t('skp.evaluation.draft')}
              </Badge>
              <DownloadButton label="PDF" onDownload={() => downloadEvaluationDocument(skpId, item.periodKey)} testId="skp-evaluation-pdf" />
            </Group>
          </Group>
        </Card>
      ))}
      {list.canEvaluate && (
        <Card withBorder padding="sm">
          <Stack gap="sm">
            <Select
              label={t('skp.evaluation.ratePeriod')}
              data={started.map((period) => ({ value: period.key, label: period.kind === 'annual' ? t('skp.evaluation.annual', { year: period.key }) : period.key }))}
              value={chosen}
              onChange={setPeriodKey}
              allowDeselect={false}
              maw={280}
              data-testid="evaluation-period"
            />
            {chosen && <EvaluationForm key={chosen} skpId={skpId} list={list} periodKey={chosen} existing={list.items.find((item) => item.periodKey === chosen)} />}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
