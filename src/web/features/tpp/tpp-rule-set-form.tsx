import { Accordion, Badge, Button, Card, Group, Menu, MultiSelect, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { MessageKey } from '../../i18n/id';
import { EXCUSED_STATUSES } from '../../../contracts/attendance-daily';
import { ROUNDING_MODES } from '../../../domain/tpp/money';
import { LEAVE_COUNT_FROM, NET_ROUNDING_UNITS } from '../../../domain/tpp/rule-set';
import { DISCIPLINE_LEVELS, FLAT_CUT_EVENTS, TOTAL_TARGET, TPP_COMPONENT_LABELS, TPP_COMPONENTS } from '../../../domain/tpp/vocabulary';
import { DateField } from '../../components/date-field';
import { useT } from '../../i18n/i18n-context';
import {
  DEDUCTION_KINDS,
  newDeductionRule,
  nextClassAmount,
  nextDayBand,
  nextMinuteBand,
  partsWeightTotal,
  problemsUnder,
  setIn,
  type DraftPath,
  type DraftProblems,
  type RuleSetDraft,
} from './rule-set-draft';
import { ExclusionRows, KindChoice, MeasureFields } from './tpp-rule-set-measure-fields';
import { column, ComponentCells, componentHeads, DraftChoice, DraftInteger, DraftPercent, DraftRows, DraftRupiah, DraftText, ListProblem, RemoveRow, type DraftContext } from './tpp-rule-set-form-fields';

type Rule = RuleSetDraft['deductions']['rules'][number];
type Translate = ReturnType<typeof useT>;

const choices = <T extends string>(values: readonly T[], t: Translate, prefix: string) => values.map((value) => ({ value, label: t(`${prefix}${value}` as MessageKey) }));
const without = <T,>(list: readonly T[], index: number): T[] => list.filter((_, at) => at !== index);

function SectionControl({ title, problems }: { title: string; problems: number }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {problems > 0 && (
        <Badge color="red" variant="light" size="sm">
          {problems}
        </Badge>
      )}
    </Group>
  );
}

function IdentitySection({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const effectiveFrom = ctx.draft.effectiveFrom;
  return (
    <Stack gap="sm">
      <DraftText ctx={ctx} path={['name']} label={t('ruleForm.name')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DraftText ctx={ctx} path={['region', 'code']} label={t('ruleForm.regionCode')} />
        <DraftText ctx={ctx} path={['region', 'name']} label={t('ruleForm.regionName')} />
        <DateField label={t('ruleForm.effectiveFrom')} value={typeof effectiveFrom === 'string' && effectiveFrom !== '' ? effectiveFrom : null} onChange={(value) => ctx.set(['effectiveFrom'], value ?? '')} error={ctx.problems.effectiveFrom} data-testid="rule-effectiveFrom" />
      </SimpleGrid>
      <DraftText ctx={ctx} path={['regulation', 'title']} label={t('ruleForm.regulationTitle')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DraftText ctx={ctx} path={['regulation', 'number']} label={t('ruleForm.regulationNumber')} nullable />
        <DraftInteger ctx={ctx} path={['regulation', 'year']} label={t('ruleForm.regulationYear')} min={2000} max={2100} nullable />
        <DraftText ctx={ctx} path={['regulation', 'shortName']} label={t('ruleForm.regulationShortName')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('ruleForm.regulationHint')}
      </Text>
      <Textarea label={t('ruleForm.source')} value={ctx.draft.source} onChange={(event) => ctx.set(['source'], event.currentTarget.value)} error={ctx.problems.source} autosize minRows={2} maxRows={6} />
      <DraftText ctx={ctx} path={['amountsArticle']} label={t('ruleForm.amountsArticle')} />
    </Stack>
  );
}

function ClassesSection({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const rows = ctx.draft.classAmounts;
  const next = nextClassAmount(rows);
  return (
    <DraftRows
      ctx={ctx}
      path={['classAmounts']}
      minWidth={1120}
      minRows={1}
      testId="rule-class"
      columns={[
        {
          head: t('ruleForm.kelas'),
          cell: (_, row, label) => (
            <>
              <DraftInteger ctx={ctx} path={[...row, 'kelasJabatan']} label={label} bare min={1} max={17} />
              <ListProblem ctx={ctx} path={row} />
            </>
          ),
        },
      ]}
      trailing={{ heads: componentHeads(), cells: (row) => <ComponentCells ctx={ctx} path={[...row, 'components']} /> }}
      rowLabel={(index) => `${t('ruleForm.kelas')} ${rows[index]?.kelasJabatan ?? ''}`}
      onAdd={() => next && ctx.set(['classAmounts'], [...rows, next])}
      addDisabled={next === null}
      footer={
        next === null && (
          <Text size="xs" c="dimmed">
            {t('ruleForm.allClasses')}
          </Text>
        )
      }
    />
  );
}

function PositionsSection({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const rows = ctx.draft.positionAmounts;
  const added = { positionCode: '', label: '', components: { bebanKerja: 0, prestasiKerja: 0, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } };
  return (
    <DraftRows
      ctx={ctx}
      path={['positionAmounts']}
      minWidth={1300}
      columns={[column.text('positionCode', t('ruleForm.positionCode')), column.text('label', t('ruleForm.positionLabel'))]}
      trailing={{ heads: componentHeads(), cells: (row) => <ComponentCells ctx={ctx} path={[...row, 'components']} /> }}
      rowLabel={(index) => rows[index]?.positionCode ?? ''}
      onAdd={() => ctx.set(['positionAmounts'], [...rows, added])}
    />
  );
}

function EarningSection({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const { earning } = ctx.draft;
  const isPoints = earning.kind === 'points';
  const total = partsWeightTotal(ctx.draft) / 100;
  return (
    <Stack gap="sm">
      <Text size="sm">{t(`ruleForm.earningKind.${earning.kind}`)}</Text>
      <MultiSelect
        label={t('ruleForm.appliesTo')}
        description={t('ruleForm.appliesToHint')}
        data={TPP_COMPONENTS.map((component) => ({ value: component, label: TPP_COMPONENT_LABELS[component] }))}
        value={earning.appliesTo}
        onChange={(value) => ctx.set(['earning', 'appliesTo'], value)}
        error={ctx.problems['earning.appliesTo']}
        comboboxProps={{ withinPortal: true }}
      />
      {earning.parts.map((part, index) => {
        const path: DraftPath = ['earning', 'parts', index];
        return (
          <Card key={index} withBorder padding="sm" data-testid={`rule-part-${index}`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DraftText ctx={ctx} path={[...path, 'label']} label={t('ruleForm.partLabel')} />
              <DraftPercent ctx={ctx} path={[...path, 'weightBp']} label={isPoints ? t('ruleForm.points') : t('ruleForm.weight')} suffix={isPoints ? '' : ' %'} />
              <DraftText ctx={ctx} path={[...path, 'article']} label={t('ruleForm.article')} />
            </SimpleGrid>
            <Text size="sm" fw={500} mt="xs" mb={4}>
              {t('ruleForm.partMeasure')}: {t(`ruleForm.measure.${part.measure.kind}`)}
            </Text>
            <MeasureFields ctx={ctx} path={[...path, 'measure']} measure={part.measure} />
            <ListProblem ctx={ctx} path={[...path, 'measure']} />
          </Card>
        );
      })}
      <Text size="sm" fw={600} c={total === 100 ? 'teal' : 'red'} data-testid="rule-weight-total">
        {t('ruleForm.weightTotal', { total: isPoints ? String(total) : `${total} %` })}
      </Text>
      <ListProblem ctx={ctx} path={['earning', 'parts']} />
      <ListProblem ctx={ctx} path={['earning']} />
    </Stack>
  );
}

/** The no-punch choice that charges no band (band codes are capitals and digits, so never this). */
const NO_BAND = '-';

function MinuteBands({ ctx, path, rule }: { ctx: DraftContext; path: DraftPath; rule: Extract<Rule, { kind: 'late' | 'early' }> }) {
  const t = useT();
  const bands: DraftPath = [...path, 'bands'];
  const grow = () => {
    const { previous, added } = nextMinuteBand(rule.bands);
    ctx.set(bands, [...previous, added]);
  };
  return (
    <DraftRows
      ctx={ctx}
      path={bands}
      minWidth={520}
      minRows={1}
      columns={[
        column.text('code', t('ruleForm.bandCode')),
        column.integer('fromMinutes', t('ruleForm.fromMinutes'), { min: 1 }),
        column.integer('toMinutes', t('ruleForm.toMinutes'), { min: 1, nullable: true, placeholder: t('ruleForm.openEnded') }),
        column.percent('rateBp', t('ruleForm.rate')),
      ]}
      rowLabel={(index) => rule.bands[index]?.code ?? ''}
      onAdd={grow}
      footer={
        <DraftChoice
          ctx={ctx}
          path={[...path, 'noPunchCode']}
          label={t('ruleForm.noPunch')}
          data={[{ value: NO_BAND, label: t('ruleForm.noPunchNone') }, ...rule.bands.map((band) => ({ value: band.code, label: band.code }))]}
          nullValue={NO_BAND}
        />
      }
    />
  );
}

function DayBands({ ctx, path, rule }: { ctx: DraftContext; path: DraftPath; rule: Extract<Rule, { kind: 'leave' }> }) {
  const t = useT();
  const bands: DraftPath = [...path, 'bands'];
  const grow = () => {
    const { previous, added } = nextDayBand(rule.bands);
    ctx.set(bands, [...previous, added]);
  };
  return (
    <DraftRows
      ctx={ctx}
      path={bands}
      minWidth={420}
      minRows={1}
      columns={[
        column.integer('fromDay', t('ruleForm.fromDay'), { min: 1 }),
        column.integer('toDay', t('ruleForm.toDay'), { min: 1, nullable: true, placeholder: t('ruleForm.openEnded') }),
        column.percent('rateBpPerDay', t('ruleForm.ratePerDay')),
      ]}
      onAdd={grow}
    />
  );
}

function DeductionCard({ ctx, index, rule }: { ctx: DraftContext; index: number; rule: Rule }) {
  const t = useT();
  const path: DraftPath = ['deductions', 'rules', index];
  const targets = [{ value: TOTAL_TARGET, label: t('ruleForm.target.total') }, ...ctx.draft.earning.parts.map((part) => ({ value: part.key, label: part.label }))];
  const title = rule.kind === 'leave' ? `${t('ruleForm.rule.leave')}: ${t(`attendance.status.${rule.leaveType}`)}` : t(`ruleForm.rule.${rule.kind}`);
  return (
    <Card withBorder padding="sm" data-testid={`rule-deduction-${index}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <RemoveRow label={title} onClick={() => ctx.set(['deductions', 'rules'], without(ctx.draft.deductions.rules, index))} />
      </Group>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DraftChoice ctx={ctx} path={[...path, 'target']} label={t('ruleForm.target')} data={targets} />
          {rule.kind !== 'flat' && <DraftChoice ctx={ctx} path={[...path, 'of']} label={t('ruleForm.of')} data={choices(['base', 'target'], t, 'ruleForm.of.')} />}
          <DraftText ctx={ctx} path={[...path, 'article']} label={t('ruleForm.article')} />
        </SimpleGrid>
        {(rule.kind === 'late' || rule.kind === 'early') && <MinuteBands ctx={ctx} path={path} rule={rule} />}
        {rule.kind === 'tk' && <DraftPercent ctx={ctx} path={[...path, 'rateBpPerDay']} label={t('ruleForm.ratePerDay')} />}
        {rule.kind === 'missed_apel' && <DraftPercent ctx={ctx} path={[...path, 'rateBpPerEvent']} label={t('ruleForm.ratePerEvent')} />}
        {rule.kind === 'leave' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DraftChoice ctx={ctx} path={[...path, 'leaveType']} label={t('ruleForm.leaveType')} data={choices(EXCUSED_STATUSES, t, 'attendance.status.')} />
              <DraftChoice ctx={ctx} path={[...path, 'countFrom']} label={t('ruleForm.countFrom')} data={choices(LEAVE_COUNT_FROM, t, 'ruleForm.countFrom.')} />
            </SimpleGrid>
            <DayBands ctx={ctx} path={path} rule={rule} />
          </>
        )}
        {rule.kind === 'flat' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DraftChoice ctx={ctx} path={[...path, 'event']} label={t('ruleForm.flatEvent')} data={choices(FLAT_CUT_EVENTS, t, 'ruleForm.flatEvent.')} />
            <DraftRupiah ctx={ctx} path={[...path, 'amountPerEvent']} label={t('ruleForm.amountPerEvent')} />
          </SimpleGrid>
        )}
        <ListProblem ctx={ctx} path={path} />
      </Stack>
    </Card>
  );
}

function DeductionsSection({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const { deductions } = ctx.draft;
  return (
    <Stack gap="sm">
      {deductions.rules.map((rule, index) => (
        <DeductionCard key={index} ctx={ctx} index={index} rule={rule} />
      ))}
      <ListProblem ctx={ctx} path={['deductions', 'rules']} />
      <Menu withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} w="fit-content" data-testid="rule-deduction-add">
            {t('ruleForm.addRule')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {DEDUCTION_KINDS.map((kind) => (
            <Menu.Item key={kind} onClick={() => ctx.set(['deductions', 'rules'], [...deductions.rules, newDeductionRule(kind, ctx.draft)])}>
              {t(`ruleForm.rule.${kind}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DraftPercent ctx={ctx} path={['deductions', 'capBp']} label={t('ruleForm.cap')} />
        <DraftText ctx={ctx} path={['deductions', 'capArticle']} label={t('ruleForm.capArticle')} />
      </SimpleGrid>
      <Switch label={t('ruleForm.forfeit')} checked={deductions.forfeit !== null} onChange={(event) => ctx.set(['deductions', 'forfeit'], event.currentTarget.checked ? { tkDaysFrom: 3, article: '' } : null)} />
      {deductions.forfeit !== null && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DraftInteger ctx={ctx} path={['deductions', 'forfeit', 'tkDaysFrom']} label={t('ruleForm.forfeitDays')} min={1} max={31} />
          <DraftText ctx={ctx} path={['deductions', 'forfeit', 'article']} label={t('ruleForm.article')} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function AdjustmentsSection({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const { discipline, acting, cpns } = ctx.draft.adjustments;
  const penaltiesPath: DraftPath = ['adjustments', 'discipline', 'penalties'];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DraftChoice ctx={ctx} path={['adjustments', 'discipline', 'of']} label={t('ruleForm.disciplineOf')} data={choices(['tpp', 'pagu'], t, 'ruleForm.disciplineOf.')} />
        <DraftText ctx={ctx} path={['adjustments', 'discipline', 'article']} label={t('ruleForm.article')} />
      </SimpleGrid>
      <DraftRows
        ctx={ctx}
        path={penaltiesPath}
        minWidth={760}
        columns={[
          column.text('code', t('ruleForm.penaltyCode')),
          column.text('label', t('ruleForm.penaltyLabel')),
          column.choice('level', t('ruleForm.penaltyLevel'), choices(DISCIPLINE_LEVELS, t, 'ruleForm.level.')),
          column.percent('cutBp', t('ruleForm.penaltyCut')),
          column.integer('months', t('ruleForm.penaltyMonths'), { min: 1, max: 36 }),
        ]}
        rowLabel={(index) => discipline.penalties[index]?.label ?? ''}
        onAdd={() => ctx.set(penaltiesPath, [...discipline.penalties, { code: '', label: '', level: 'ringan', cutBp: 0, months: 1 }])}
      />
      <Switch label={t('ruleForm.actingProrate')} checked={acting.prorateByDays} onChange={(event) => ctx.set(['adjustments', 'acting', 'prorateByDays'], event.currentTarget.checked)} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DraftInteger ctx={ctx} path={['adjustments', 'acting', 'minimumDays']} label={t('ruleForm.actingMinimumDays')} min={0} max={31} />
        {acting.rules.map((rule, index) => (
          <DraftPercent key={index} ctx={ctx} path={['adjustments', 'acting', 'rules', index, 'rateBp']} label={t(`ruleForm.acting.${rule.kind}`)} />
        ))}
      </SimpleGrid>
      <Switch label={t('ruleForm.cpns')} checked={cpns !== null} onChange={(event) => ctx.set(['adjustments', 'cpns'], event.currentTarget.checked ? { rateBp: 8000, article: '' } : null)} />
      {cpns !== null && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DraftPercent ctx={ctx} path={['adjustments', 'cpns', 'rateBp']} label={t('ruleForm.cpnsRate')} />
          <DraftText ctx={ctx} path={['adjustments', 'cpns', 'article']} label={t('ruleForm.article')} />
        </SimpleGrid>
      )}
      <Text size="sm" fw={500}>
        {t('ruleForm.exclusions')}
      </Text>
      <ExclusionRows ctx={ctx} />
    </Stack>
  );
}

const NEW_TAX_RATES = {
  flat: { kind: 'flat', rateBp: 0 },
  golongan: { kind: 'golongan', rates: [], otherRateBp: 0 },
  brackets: { kind: 'brackets', brackets: [{ upTo: null, rateBp: 0 }] },
} as const;

function PayrollSection({ ctx }: { ctx: DraftContext }) {
  const t = useT();
  const { bpjs, pph21 } = ctx.draft;
  const rates = pph21.rates;
  const ratesPath: DraftPath = ['pph21', 'rates'];
  return (
    <Stack gap="sm">
      <Switch
        label={t('ruleForm.bpjs')}
        checked={bpjs !== null}
        onChange={(event) => ctx.set(['bpjs'], event.currentTarget.checked ? { employerBp: 400, employeeBp: 100, incomeCap: 12_000_000, basis: 'tpp', article: '' } : null)}
      />
      {bpjs !== null && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DraftPercent ctx={ctx} path={['bpjs', 'employerBp']} label={t('ruleForm.bpjsEmployer')} />
          <DraftPercent ctx={ctx} path={['bpjs', 'employeeBp']} label={t('ruleForm.bpjsEmployee')} />
          <DraftRupiah ctx={ctx} path={['bpjs', 'incomeCap']} label={t('ruleForm.bpjsCap')} />
          <DraftChoice ctx={ctx} path={['bpjs', 'basis']} label={t('ruleForm.bpjsBasis')} data={choices(['tpp', 'earned'], t, 'ruleForm.bpjsBasis.')} />
          <DraftText ctx={ctx} path={['bpjs', 'article']} label={t('ruleForm.article')} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DraftChoice ctx={ctx} path={['pph21', 'policy']} label={t('ruleForm.pphPolicy')} data={choices(['withheld', 'borne_by_region', 'none'], t, 'ruleForm.pphPolicy.')} />
        <DraftChoice ctx={ctx} path={['pph21', 'taxBase']} label={t('ruleForm.pphBase')} data={choices(['tpp', 'tpp_plus_employer_bpjs'], t, 'ruleForm.pphBase.')} />
        <DraftText ctx={ctx} path={['pph21', 'article']} label={t('ruleForm.article')} />
      </SimpleGrid>
      <KindChoice
        ctx={ctx}
        path={ratesPath}
        label={t('ruleForm.pphRatesKind')}
        options={(['flat', 'golongan', 'brackets'] as const).map((kind) => ({ value: kind, label: t(`ruleForm.pphRates.${kind}`), make: () => structuredClone(NEW_TAX_RATES[kind]) }))}
      />
      {rates.kind === 'flat' && <DraftPercent ctx={ctx} path={[...ratesPath, 'rateBp']} label={t('ruleForm.pphRates.flat')} />}
      {rates.kind === 'golongan' && (
        <DraftRows
          ctx={ctx}
          path={[...ratesPath, 'rates']}
          minWidth={360}
          columns={[column.text('golongan', t('ruleForm.golongan')), column.percent('rateBp', t('ruleForm.taxRate'))]}
          rowLabel={(index) => rates.rates[index]?.golongan ?? ''}
          onAdd={() => ctx.set([...ratesPath, 'rates'], [...rates.rates, { golongan: '', rateBp: 0 }])}
          footer={<DraftPercent ctx={ctx} path={[...ratesPath, 'otherRateBp']} label={t('ruleForm.otherRate')} />}
        />
      )}
      {rates.kind === 'brackets' && (
        <DraftRows
          ctx={ctx}
          path={[...ratesPath, 'brackets']}
          minWidth={420}
          minRows={1}
          columns={[column.rupiah('upTo', t('ruleForm.upTo'), { nullable: true, placeholder: t('ruleForm.openEnded') }), column.percent('rateBp', t('ruleForm.taxRate'))]}
          onAdd={() => ctx.set([...ratesPath, 'brackets'], [...rates.brackets, { upTo: null, rateBp: rates.brackets.at(-1)?.rateBp ?? 0 }])}
        />
      )}
      <ListProblem ctx={ctx} path={ratesPath} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DraftChoice ctx={ctx} path={['rounding', 'mode']} label={t('ruleForm.roundingMode')} data={choices(ROUNDING_MODES, t, 'ruleForm.roundingMode.')} />
        <DraftChoice ctx={ctx} path={['rounding', 'netUnit']} label={t('ruleForm.netUnit')} data={NET_ROUNDING_UNITS.map((unit) => ({ value: String(unit), label: `Rp ${unit}` }))} toValue={Number} />
      </SimpleGrid>
    </Stack>
  );
}

const SECTIONS = [
  { value: 'identity', title: 'ruleForm.section.identity', prefixes: ['name', 'region', 'effectiveFrom', 'regulation', 'source', 'amountsArticle', 'format'], Body: IdentitySection },
  { value: 'classes', title: 'ruleForm.section.classes', prefixes: ['classAmounts'], Body: ClassesSection },
  { value: 'positions', title: 'ruleForm.section.positions', prefixes: ['positionAmounts'], Body: PositionsSection },
  { value: 'earning', title: 'ruleForm.section.earning', prefixes: ['earning'], Body: EarningSection },
  { value: 'deductions', title: 'ruleForm.section.deductions', prefixes: ['deductions'], Body: DeductionsSection },
  { value: 'adjustments', title: 'ruleForm.section.adjustments', prefixes: ['adjustments'], Body: AdjustmentsSection },
  { value: 'payroll', title: 'ruleForm.section.payroll', prefixes: ['bpjs', 'pph21', 'rounding'], Body: PayrollSection },
] as const;

/**
 * The rule set as a form, section by section, with each problem next to its field and counted on
 * its section. Changing a kind (a scale, the PPh 21 rates) starts that object afresh (KindChoice).
 */
export function TppRuleSetForm({ draft, onChange, problems }: { draft: RuleSetDraft; onChange: (next: RuleSetDraft) => void; problems: DraftProblems }) {
  const t = useT();
  const set = (path: DraftPath, value: unknown) => onChange(setIn(draft, path, value));
  const ctx: DraftContext = { draft, set, problems };
  return (
    <Stack gap="xs" data-testid="tpp-rule-set-form">
      <Accordion multiple defaultValue={['identity']} variant="separated">
        {SECTIONS.map(({ value, title, prefixes, Body }) => (
          <Accordion.Item key={value} value={value}>
            <Accordion.Control data-testid={`rule-section-${value}`}>
              <SectionControl title={t(title)} problems={prefixes.reduce((sum, prefix) => sum + problemsUnder(problems, prefix), 0)} />
            </Accordion.Control>
            <Accordion.Panel>
              <Body ctx={ctx} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
