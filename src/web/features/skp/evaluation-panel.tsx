import { Accordion, Alert, Badge, Button, Card, Group, Loader, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { EvaluationList, EvaluationView } from '../../../contracts/skp-evaluation';
import { hasilKerjaOfUnitHead } from '../../../domain/skp/evaluation';
import { BERAKHLAK_VALUES } from '../../../domain/skp/berakhlak';
import { RATINGS, type Rating } from '../../../domain/skp/vocabulary';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { DistributionCard } from './distribution-card';
import { downloadAnnualDocument, downloadEvaluationDocument, useEvaluations, useFinaliseEvaluation, useSaveEvaluation } from './skp-api';
import { DownloadButton, PredikatBadge, RatingText } from './skp-parts';
import { useSkpT } from './use-skp-t';

const PP46_ASPECTS = ['orientasiPelayanan', 'integritas', 'komitmen', 'disiplin', 'kerjaSama', 'kepemimpinan'] as const;
type Pp46Aspect = (typeof PP46_ASPECTS)[number];

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
  const [pp46, setPp46] = useState<Record<Pp46Aspect, number | string>>({ orientasiPelayanan: '', integritas: '', komitmen: '', disiplin: '', kerjaSama: '', kepemimpinan: '' });
  const isPp46Annual = list.approach === 'pp_46_2011' && periodKey.length === 4;
  const isFinal = existing?.isFinal ?? false;

  const submit = () => {
    const score = (aspect: Pp46Aspect) => (pp46[aspect] === '' ? 0 : Number(pp46[aspect]));
    save.mutate({
      skpId,
      periodKey,
      body: {
        hasilKerjaRating: list.isUnitHead ? null : hasilKerja,
        perilakuKerjaRating: perilaku,
        behaviourNotes: notes,
        leaderExpectations: expectations,
        pp46: isPp46Annual && PP46_ASPECTS.slice(0, 5).every((aspect) => pp46[aspect] !== '')
          ? {
              behaviour: { orientasiPelayanan: score('orientasiPelayanan'), integritas: score('integritas'), komitmen: score('komitmen'), disiplin: score('disiplin'), kerjaSama: score('kerjaSama'), kepemimpinan: pp46.kepemimpinan === '' ? null : score('kepemimpinan') },
              creativity: null,
            }
          : null,
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
            {PP46_ASPECTS.map((aspect) => (
              <NumberInput key={aspect} label={t(`skp.pp46.${aspect}`)} value={pp46[aspect]} onChange={(value) => setPp46((current) => ({ ...current, [aspect]: value }))} min={0} max={100} disabled={isFinal} />
            ))}
          </SimpleGrid>
          {existing?.pp46 && (
            <Text size="xs" mt={4}>
              {t('skp.evaluation.pp46Result', { skp: existing.pp46.skpScore, behaviour: existing.pp46.behaviourScore, final: existing.pp46.finalScore, band: existing.pp46.band })}
            </Text>
          )}
        </Card>
      )}
      <DistributionCard periodKey={periodKey} />
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
            </Stack>
            <Group gap={6}>
              <PredikatBadge predikat={item.predikat} />
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
