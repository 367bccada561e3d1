import { MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { EXCUSED_STATUSES } from '../../../contracts/attendance-daily';
import type { Measure, Scale } from '../../../domain/tpp/rule-set';
import { EMPLOYEE_PREDIKAT_LABELS, EMPLOYEE_PREDIKATS } from '../../../domain/skp/vocabulary';
import { DISCIPLINE_LEVELS } from '../../../domain/tpp/vocabulary';
import type { MessageKey } from '../../i18n/id';
import { useT } from '../../i18n/i18n-context';
import { getIn, pathKey, type DraftPath } from './rule-set-draft';
import { column, DraftChoice, DraftPercent, DraftRows, type DraftContext } from './tpp-rule-set-form-fields';

/**
 * The parts of a rule set whose shape depends on a kind (a measure's scale, the PPh 21 rates) and the
 * lists the form edits inside them (compliance items, report-day bands, exclusions).
 */

/** A choice of kind that starts the object at `path` afresh, from `make`, when the kind changes. */
export function KindChoice({ ctx, path, label, options }: { ctx: DraftContext; path: DraftPath; label: string; options: { value: string; label: string; make: () => unknown }[] }) {
  const current = (getIn(ctx.draft, path) as { kind?: string } | undefined)?.kind;
  return (
    <DraftChoice
      ctx={{ ...ctx, set: (_, kind) => kind !== current && ctx.set(path, options.find((option) => option.value === kind)?.make()) }}
      path={[...path, 'kind']}
      label={label}
      data={options.map(({ value, label: text }) => ({ value, label: text }))}
    />
  );
}

/** A measured value (productivity, capaian SKP) to the share paid: linear with a minimum, or a table of levels. */
function ScaleFields({ ctx, path, scale }: { ctx: DraftContext; path: DraftPath; scale: Scale }) {
  const t = useT();
  return (
    <Stack gap="xs">
      <KindChoice
        ctx={ctx}
        path={path}
        label={t('ruleForm.scale')}
        options={[
          { value: 'linear', label: t('ruleForm.scale.linear'), make: () => ({ kind: 'linear', minimumBp: 0 }) },
          { value: 'bands', label: t('ruleForm.scale.bands'), make: () => ({ kind: 'bands', bands: [{ fromBp: 0, factorBp: 10_000 }] }) },
        ]}
      />
      {scale.kind === 'linear' && <DraftPercent ctx={ctx} path={[...path, 'minimumBp']} label={t('ruleForm.minimum')} />}
      {scale.kind === 'bands' && (
        <DraftRows
          ctx={ctx}
          path={[...path, 'bands']}
          minWidth={360}
          minRows={1}
          columns={[column.percent('fromBp', t('ruleForm.fromBp')), column.percent('factorBp', t('ruleForm.factor'))]}
          onAdd={() => {
            const last = scale.bands.at(-1);
            ctx.set([...path, 'bands'], [...scale.bands, { fromBp: Math.min((last?.fromBp ?? 0) + 1000, 20_000), factorBp: last?.factorBp ?? 10_000 }]);
          }}
        />
      )}
    </Stack>
  );
}

/** What a part is measured by, and the settings of that measure. */
export function MeasureFields({ ctx, path, measure }: { ctx: DraftContext; path: DraftPath; measure: Measure }) {
  const t = useT();
  switch (measure.kind) {
    case 'productivity':
      return <ScaleFields ctx={ctx} path={[...path, 'scale']} scale={measure.scale} />;
    case 'skp_achievement':
      return (
        <Stack gap="xs">
          <ScaleFields ctx={ctx} path={[...path, 'scale']} scale={measure.scale} />
          <DraftPercent ctx={ctx} path={[...path, 'missingFactorBp']} label={t('ruleForm.missingFactor')} />
        </Stack>
      );
    case 'skp_predikat':
      return (
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          {EMPLOYEE_PREDIKATS.map((predikat) => (
            <DraftPercent key={predikat} ctx={ctx} path={[...path, 'factors', predikat]} label={EMPLOYEE_PREDIKAT_LABELS[predikat]} />
          ))}
          <DraftPercent ctx={ctx} path={[...path, 'missingFactorBp']} label={t('ruleForm.missingFactor')} />
        </SimpleGrid>
      );
    case 'discipline_record':
      return (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {(['none', ...DISCIPLINE_LEVELS] as const).map((level) => (
            <DraftPercent key={level} ctx={ctx} path={[...path, 'factors', level]} label={t(`ruleForm.disciplineFactor.${level}`)} />
          ))}
        </SimpleGrid>
      );
    case 'compliance':
      return (
        <DraftRows
          ctx={ctx}
          path={[...path, 'items']}
          minWidth={560}
          minRows={1}
          columns={[column.text('code', t('ruleForm.itemCode')), column.text('label', t('ruleForm.itemLabel')), column.percent('weightBp', t('ruleForm.itemWeight'))]}
          rowLabel={(index) => measure.items[index]?.label ?? ''}
          onAdd={() => ctx.set([...path, 'items'], [...measure.items, { code: '', label: '', weightBp: 0 }])}
        />
      );
    case 'report_submission':
      return (
        <Stack gap="xs">
          <DraftRows
            ctx={ctx}
            path={[...path, 'bands']}
            minWidth={360}
            minRows={1}
            columns={[column.integer('untilDay', t('ruleForm.untilDay'), { min: 1, max: 31 }), column.percent('factorBp', t('ruleForm.factor'))]}
            onAdd={() => {
              const last = measure.bands.at(-1);
              ctx.set([...path, 'bands'], [...measure.bands, { untilDay: Math.min((last?.untilDay ?? 0) + 1, 31), factorBp: 0 }]);
            }}
          />
          <DraftPercent ctx={ctx} path={[...path, 'lateFactorBp']} label={t('ruleForm.lateFactor')} />
        </Stack>
      );
    case 'attendance':
    case 'ceremony_ratio':
      return (
        <Text size="xs" c="dimmed">
          {t('ruleForm.noMeasureSettings')}
        </Text>
      );
  }
}

/** Leave types paid only a share of TPP (cuti di luar tanggungan negara, tugas belajar). */
export function ExclusionRows({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const path: DraftPath = ['adjustments', 'exclusions'];
  const rows = ctx.draft.adjustments.exclusions;
  return (
    <DraftRows
      ctx={ctx}
      path={path}
      minWidth={1100}
      columns={[
        column.text('code', t('ruleForm.itemCode')),
        column.text('label', t('ruleForm.itemLabel')),
        {
          head: t('ruleForm.exclusionLeaveTypes'),
          cell: (_, row, label) => (
            <MultiSelect
              aria-label={label}
              data={EXCUSED_STATUSES.map((status) => ({ value: status, label: t(`attendance.status.${status}` as MessageKey) }))}
              value={(getIn(ctx.draft, [...row, 'leaveTypes']) as string[] | undefined) ?? []}
              onChange={(value) => ctx.set([...row, 'leaveTypes'], value)}
              error={ctx.problems[pathKey([...row, 'leaveTypes'])]}
              comboboxProps={{ withinPortal: true }}
              miw={220}
            />
          ),
        },
        column.percent('payBp', t('ruleForm.payBp')),
        column.choice('mode', t('ruleForm.mode'), [
          { value: 'prorate', label: t('ruleForm.mode.prorate') },
          { value: 'whole_month', label: t('ruleForm.mode.whole_month') },
        ]),
        column.text('article', t('ruleForm.article')),
      ]}
      rowLabel={(index) => rows[index]?.label ?? ''}
      onAdd={() => ctx.set(path, [...rows, { code: '', label: '', leaveTypes: [], payBp: 0, mode: 'prorate', article: '' }])}
    />
  );
}
