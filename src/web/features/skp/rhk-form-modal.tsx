import { ActionIcon, Alert, Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SkpRhkView, SkpView } from '../../../contracts/skp';
import { INDICATOR_ASPECTS, JPT_PERSPECTIVES, type IndicatorAspect, type JptPerspective, type RhkKind } from '../../../domain/skp/vocabulary';
import { FormModal } from '../../components/form-modal';
import { useAddRhk, useCitableRhk, useUpdateRhk, type RhkInput } from './skp-api';
import { useSkpT } from './use-skp-t';

interface IndicatorDraft {
  aspect: IndicatorAspect;
  text: string;
  targetValue: number | string;
  targetValueUpper: number | string;
  targetUnit: string;
}

const emptyIndicator = (): IndicatorDraft => ({ aspect: 'kuantitas', text: '', targetValue: '', targetValueUpper: '', targetUnit: '' });
const toNumber = (value: number | string): number => (typeof value === 'number' ? value : Number(value.replace(',', '.')));

/** Adds or edits one RHK with its indicators; the server checks the cascade and the approach. */
export function RhkFormModal({ skp, rhk, onClose }: { skp: SkpView; rhk: SkpRhkView | null; onClose: () => void }) {
  const t = useSkpT();
  const citable = useCitableRhk(skp.id);
  const add = useAddRhk();
  const update = useUpdateRhk();
  const mutation = rhk ? update : add;
  const [kind, setKind] = useState<RhkKind>(rhk?.kind ?? 'utama');
  const [text, setText] = useState(rhk?.text ?? '');
  const [supportedRhkId, setSupportedRhkId] = useState<string | null>(rhk?.supportedRhkId ?? null);
  const [perspective, setPerspective] = useState<JptPerspective | null>(rhk?.perspective ?? (skp.isJpt ? 'penerima_layanan' : null));
  const [agreement, setAgreement] = useState(rhk?.supportedAgreementText ?? '');
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(
    rhk?.indicators.map((indicator) => ({ ...indicator, targetValueUpper: indicator.targetValueUpper ?? '' })) ?? [emptyIndicator()],
  );
  const aspects = INDICATOR_ASPECTS.filter((aspect) => aspect !== 'biaya' || skp.approach === 'pp_46_2011');
  const setIndicator = (index: number, change: Partial<IndicatorDraft>) => setIndicators((list) => list.map((item, position) => (position === index ? { ...item, ...change } : item)));

  const save = () => {
    const body: RhkInput = {
      kind,
      text,
      perspective: skp.isJpt ? perspective : null,
      supportedRhkId,
      supportedAgreementText: skp.isJpt && agreement.trim() !== '' && !supportedRhkId ? agreement : null,
      indicators: indicators.map((indicator) => ({
        aspect: indicator.aspect,
        text: indicator.text,
        targetValue: toNumber(indicator.targetValue),
        targetValueUpper: indicator.targetValueUpper === '' ? null : toNumber(indicator.targetValueUpper),
        targetUnit: indicator.targetUnit,
      })),
    };
    const done = { onSuccess: onClose };
    if (rhk) update.mutate({ rhkId: rhk.id, body }, done);
    else add.mutate({ skpId: skp.id, body }, done);
  };

  return (
    <FormModal title={rhk ? t('skp.rhk.edit') : t('skp.rhk.add')} onClose={onClose}>
      <Stack gap="sm">
        {mutation.error && (
          <Alert color="red" role="alert">
            {mutation.error.message}
          </Alert>
        )}
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value === 'tambahan' ? 'tambahan' : 'utama')}
          data={[
            { value: 'utama', label: t('skp.kind.utama') },
            { value: 'tambahan', label: t('skp.kind.tambahan') },
          ]}
        />
        <Textarea label={t('skp.rhk.text')} value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={2} required data-testid="rhk-text" />
        <Select
          label={t('skp.rhk.supportedRhk')}
          description={citable.data && citable.data.items.length === 0 ? t('skp.rhk.noCitable') : undefined}
          data={(citable.data?.items ?? []).map((item) => ({ value: item.id, label: item.text }))}
          value={supportedRhkId}
          onChange={setSupportedRhkId}
          clearable
          data-testid="rhk-supported"
        />
        {skp.isJpt && (
          <>
            <Select
              label={t('skp.rhk.perspective')}
              data={JPT_PERSPECTIVES.map((value) => ({ value, label: t(`skp.perspective.${value}`) }))}
              value={perspective}
              onChange={(value) => setPerspective(JPT_PERSPECTIVES.find((candidate) => candidate === value) ?? null)}
              allowDeselect={false}
            />
            <TextInput label={t('skp.rhk.agreementText')} value={agreement} onChange={(event) => setAgreement(event.currentTarget.value)} disabled={supportedRhkId !== null} />
          </>
        )}
        <Text fw={600} size="sm">
          {t('skp.rhk.indicators')}
        </Text>
        {indicators.map((indicator, index) => (
          <Stack key={index} gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }} data-testid="rhk-indicator">
            <Group justify="space-between" gap="xs">
              <Select
                aria-label={t('skp.rhk.aspect')}
                data={aspects.map((aspect) => ({ value: aspect, label: t(`skp.aspect.${aspect}`) }))}
                value={indicator.aspect}
                onChange={(value) => {
                  const aspect = aspects.find((candidate) => candidate === value);
                  if (aspect) setIndicator(index, { aspect });
                }}
                allowDeselect={false}
                w={140}
              />
              {indicators.length > 1 && (
                <ActionIcon variant="subtle" color="red" onClick={() => setIndicators((list) => list.filter((_, position) => position !== index))} aria-label={t('skp.rhk.removeIndicator')}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
            <TextInput label={t('skp.rhk.indicatorText')} value={indicator.text} onChange={(event) => setIndicator(index, { text: event.currentTarget.value })} data-testid="indicator-text" />
            <SimpleGrid cols={{ base: 3 }} spacing="xs">
              <NumberInput label={t('skp.rhk.target')} value={indicator.targetValue} onChange={(value) => setIndicator(index, { targetValue: value })} min={0} decimalSeparator="," data-testid="indicator-target" />
              <NumberInput label={t('skp.rhk.targetUpper')} value={indicator.targetValueUpper} onChange={(value) => setIndicator(index, { targetValueUpper: value })} min={0} decimalSeparator="," />
              <TextInput label={t('skp.rhk.unit')} value={indicator.targetUnit} onChange={(event) => setIndicator(index, { targetUnit: event.currentTarget.value })} data-testid="indicator-unit" />
            </SimpleGrid>
          </Stack>
        ))}
        <Button variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setIndicators((list) => [...list, emptyIndicator()])} disabled={indicators.length >= 20}>
          {t('skp.rhk.addIndicator')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('skp.cancel')}
          </Button>
          <Button onClick={save} loading={mutation.isPending} data-testid="rhk-save">
            {t('skp.save')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
