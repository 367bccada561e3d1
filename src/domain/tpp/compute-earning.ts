import { EMPLOYEE_PREDIKAT_LABELS } from '../skp/vocabulary';
import { findHeaviestLevel, type ActiveDecision } from './discipline';
import { divideRounded, formatFraction, formatPercent, formatPoints, formatRupiah, formatThousands, fractionOfBp, FULL_BP, portionOf, WHOLE, type Fraction } from './money';
import type { Part, Scale, TppRuleSet } from './rule-set';
import type { TppInput } from './tpp-input';
import { TppComputationError, type TppBase, type TppLine, type TppPartResult } from './tpp-result';
import { TPP_COMPONENT_LABELS, TPP_COMPONENTS } from './vocabulary';

/** "Perbup Kolaka 12/2023 Pasal 9": the regulation's short name before the article. */
export const cite = (ruleSet: TppRuleSet, article: string): string => `${ruleSet.regulation.shortName} ${article}`;

/**
 * The regulation at the head of an explanation, as Indonesian legislation is cited: "Peraturan Bupati
 * Kolaka Nomor 12 Tahun 2023 tentang …" (number and year before "tentang"), or the title saying that
 * they are not stated yet.
 */
export function citeRegulation(regulation: TppRuleSet['regulation']): string {
  const { title, number, year } = regulation;
  const stated = [number === null ? null : `Nomor ${number}`, year === null ? null : `Tahun ${year}`].filter((part) => part !== null);
  if (stated.length === 0) return `${title} (nomor dan tahun belum dicantumkan)`;
  const about = title.indexOf(' tentang ');
  return about === -1 ? `${title} ${stated.join(' ')}` : `${title.slice(0, about)} ${stated.join(' ')}${title.slice(about)}`;
}

/** The amounts of a position (when the rule set names it) or of its class. */
export function findBase(ruleSet: TppRuleSet, kelasJabatan: number, positionCode: string | null): TppBase {
  const position = positionCode === null ? undefined : ruleSet.positionAmounts.find((entry) => entry.positionCode === positionCode);
  const components = position?.components ?? ruleSet.classAmounts.find((entry) => entry.kelasJabatan === kelasJabatan)?.components;
  if (!components) {
    throw new TppComputationError('class_amount_missing', `Besaran TPP kelas jabatan ${kelasJabatan} tidak ada dalam aturan "${ruleSet.name}"`);
  }
  const applies = new Set(ruleSet.earning.appliesTo);
  let performanceBase = 0;
  let fixedBase = 0;
  for (const component of TPP_COMPONENTS) {
    if (applies.has(component)) performanceBase += components[component];
    else fixedBase += components[component];
  }
  return {
    source: position ? 'position' : 'class',
    kelasJabatan,
    positionCode: position ? position.positionCode : positionCode,
    components: { ...components },
    performanceBase,
    fixedBase,
    total: performanceBase + fixedBase,
  };
}

interface Measured {
  fraction: Fraction;
  input: string;
  rule: string;
}

function applyScale(valueBp: number, scale: Scale): Omit<Measured, 'input'> {
  if (scale.kind === 'linear') {
    if (valueBp < scale.minimumBp) return { fraction: { numerator: 0, denominator: 1 }, rule: `di bawah batas minimal ${formatPercent(scale.minimumBp)} → 0 %` };
    const minimum = scale.minimumBp > 0 ? `, minimal ${formatPercent(scale.minimumBp)}` : '';
    return { fraction: fractionOfBp(Math.min(valueBp, FULL_BP)), rule: `dibayar sesuai capaian (paling tinggi 100 %${minimum})` };
  }
  let chosen: (typeof scale.bands)[number] | undefined;
  for (const band of scale.bands) if (valueBp >= band.fromBp) chosen = band;
  if (!chosen) return { fraction: { numerator: 0, denominator: 1 }, rule: 'di bawah tingkat terendah → 0 %' };
  return { fraction: fractionOfBp(chosen.factorBp), rule: `tingkat ≥ ${formatPercent(chosen.fromBp)} → ${formatPercent(chosen.factorBp)}` };
}

/** "Produktivitas 84,63 % (5.332 menit dihitung dari target 6.300 menit)": the minutes, when the input keeps them. */
function describeProductivity(input: TppInput): string {
  const percent = `Produktivitas ${formatPercent(input.productivityBp)}`;
  const minutes = input.productivityMinutes;
  return minutes ? `${percent} (${formatThousands(minutes.counted)} menit dihitung dari target ${formatThousands(minutes.target)} menit)` : percent;
}

type SimpleMeasure = Exclude<Part['measure'], { kind: 'compliance' }>;

function measure(part: SimpleMeasure, input: TppInput, decisions: readonly ActiveDecision[]): Measured {
  switch (part.kind) {
    case 'productivity':
      return { input: describeProductivity(input), ...applyScale(input.productivityBp, part.scale) };
    case 'skp_predikat': {
      const { predikat } = input.skp;
      if (predikat === null) return { fraction: fractionOfBp(part.missingFactorBp), input: 'SKP belum dinilai', rule: `tanpa predikat → ${formatPercent(part.missingFactorBp)}` };
      const label = EMPLOYEE_PREDIKAT_LABELS[predikat];
      return { fraction: fractionOfBp(part.factors[predikat]), input: `Predikat SKP ${label}`, rule: `${label} → ${formatPercent(part.factors[predikat])}` };
    }
    case 'skp_achievement': {
      const { achievementBp } = input.skp;
      if (achievementBp === null) return { fraction: fractionOfBp(part.missingFactorBp), input: 'Capaian SKP belum ada', rule: `tanpa capaian → ${formatPercent(part.missingFactorBp)}` };
      return { input: `Capaian SKP ${formatPercent(achievementBp)}`, ...applyScale(achievementBp, part.scale) };
    }
    case 'attendance':
      return { fraction: WHOLE, input: `${input.workingDays} hari kerja; dibayar penuh sebelum potongan`, rule: 'dibayar penuh; potongan untuk bagian ini tercantum pada baris potongan' };
    case 'ceremony_ratio': {
      const { required, missed } = input.attendance.apel;
      if (required === 0) return { fraction: WHOLE, input: 'Tidak ada apel terjadwal', rule: 'tanpa apel terjadwal → 100 %' };
      const fraction = { numerator: required - missed, denominator: required };
      return { fraction, input: `Apel diikuti ${required - missed} dari ${required}`, rule: `diikuti ÷ dijadwalkan = ${formatFraction(fraction)}` };
    }
    case 'report_submission': {
      const day = input.reportSubmissionDay;
      if (day === null) return { fraction: { numerator: 0, denominator: 1 }, input: 'Laporan bulanan belum disampaikan', rule: 'tidak menyampaikan → 0 %' };
      const band = part.bands.find((candidate) => day <= candidate.untilDay);
      const factorBp = band ? band.factorBp : part.lateFactorBp;
      const rule = band ? `sampai tanggal ${band.untilDay} → ${formatPercent(factorBp)}` : `setelah tanggal ${part.bands.at(-1)?.untilDay ?? '-'} → ${formatPercent(factorBp)}`;
      return { fraction: fractionOfBp(factorBp), input: `Laporan disampaikan tanggal ${day} bulan berikutnya`, rule };
    }
    case 'discipline_record': {
      const level = findHeaviestLevel(decisions);
      const text = level === 'none' ? 'Tidak ada hukuman disiplin berlaku' : `Hukuman disiplin ${level} berlaku`;
      return { fraction: fractionOfBp(part.factors[level]), input: text, rule: `${level === 'none' ? 'tanpa hukuman' : level} → ${formatPercent(part.factors[level])}` };
    }
  }
}

function describeShare(ruleSet: TppRuleSet, part: Part, base: number, measuredRule: string, earnedBp: Fraction): string {
  if (ruleSet.earning.kind === 'points') {
    const points = divideRounded(BigInt(part.weightBp) * BigInt(earnedBp.numerator), BigInt(earnedBp.denominator), 'half_up');
    return `maks. ${formatPoints(part.weightBp)} (1 poin = 1 % pagu ${formatRupiah(base)}); ${measuredRule} → ${formatPoints(points)}`;
  }
  return `bobot ${formatPercent(part.weightBp)} × pagu ${formatRupiah(base)}; ${measuredRule}`;
}

export interface EarningOutcome {
  parts: TppPartResult[];
  lines: TppLine[];
}

/** The earning section: each part's earned amount (compliance item by item) and the components paid in full. */
export function computeEarning(ruleSet: TppRuleSet, input: TppInput, base: TppBase, decisions: readonly ActiveDecision[]): EarningOutcome {
  const { mode } = ruleSet.rounding;
  const pagu = base.performanceBase;
  const parts: TppPartResult[] = [];
  const lines: TppLine[] = [];
  for (const part of ruleSet.earning.parts) {
    const weight = fractionOfBp(part.weightBp);
    const partLines: TppLine[] = [];
    if (part.measure.kind === 'compliance') {
      const met = new Set(input.compliance.filter((item) => item.isMet).map((item) => item.code));
      for (const item of part.measure.items) {
        const isMet = met.has(item.code);
        const share = fractionOfBp(isMet ? item.weightBp : 0);
        partLines.push({
          section: 'earning',
          code: `part:${part.key}:${item.code}`,
          label: `${part.label}: ${item.label}`,
          input: isMet ? `${item.label} dipenuhi` : `${item.label} belum dipenuhi`,
          rule: describeShare(ruleSet, part, pagu, `butir ${formatPercent(item.weightBp)} dari bagian ini${isMet ? '' : ', tidak dipenuhi → 0'}`, share),
          citation: cite(ruleSet, part.article),
          quantity: null,
          effect: portionOf(pagu, [weight, share], mode),
        });
      }
    } else {
      const measured = measure(part.measure, input, decisions);
      partLines.push({
        section: 'earning',
        code: `part:${part.key}`,
        label: part.label,
        input: measured.input,
        rule: describeShare(ruleSet, part, pagu, measured.rule, measured.fraction),
        citation: cite(ruleSet, part.article),
        quantity: null,
        effect: portionOf(pagu, [weight, measured.fraction], mode),
      });
    }
    parts.push({
      key: part.key,
      label: part.label,
      weightBp: part.weightBp,
      maxAmount: portionOf(pagu, [weight], mode),
      earned: partLines.reduce((sum, line) => sum + line.effect, 0),
    });
    lines.push(...partLines);
  }
  const applies = new Set(ruleSet.earning.appliesTo);
  for (const component of TPP_COMPONENTS) {
    const amount = base.components[component];
    if (applies.has(component) || amount === 0) continue;
    lines.push({
      section: 'earning',
      code: `component:${component}`,
      label: `${TPP_COMPONENT_LABELS[component]} (dibayar penuh)`,
      input: base.source === 'position' ? `Jabatan ${base.positionCode ?? ''}` : `Kelas jabatan ${base.kelasJabatan}`,
      rule: 'komponen ini tidak bergantung pada penilaian kinerja',
      citation: cite(ruleSet, ruleSet.amountsArticle),
      quantity: null,
      effect: amount,
    });
  }
  return { parts, lines };
}
