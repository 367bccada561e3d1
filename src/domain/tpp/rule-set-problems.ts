import { findBandProblems } from '../attendance/rules';
import { formatPercent, formatPoints, FULL_BP } from './money';
import type { DayBand, DeductionRule, Measure, MinuteBand, Scale, TppRuleSet } from './rule-set';
import { TOTAL_TARGET } from './vocabulary';

/** A rule-set problem Zod cannot see field by field: sums, orderings, references, duplicates. */
export interface RuleSetProblem {
  path: (string | number)[];
  message: string;
}

type Problems = RuleSetProblem[];

const findDuplicates = <T>(values: readonly T[]): T[] => values.filter((value, index) => values.indexOf(value) !== index);

function checkAmounts(ruleSet: TppRuleSet, problems: Problems): void {
  const classes = ruleSet.classAmounts.map((entry) => entry.kelasJabatan);
  for (const duplicate of new Set(findDuplicates(classes))) {
    problems.push({ path: ['classAmounts'], message: `Kelas jabatan ${duplicate} diisi lebih dari sekali` });
  }
  if (classes.length > 0) {
    const lowest = Math.min(...classes);
    const highest = Math.max(...classes);
    for (let kelas = lowest; kelas <= highest; kelas += 1) {
      if (!classes.includes(kelas)) problems.push({ path: ['classAmounts'], message: `Besaran TPP kelas jabatan ${kelas} belum diisi (kelas ${lowest}–${highest} harus lengkap)` });
    }
  }
  ruleSet.classAmounts.forEach((entry, index) => {
    if (Object.values(entry.components).every((amount) => amount === 0)) {
      problems.push({ path: ['classAmounts', index], message: `Besaran TPP kelas jabatan ${entry.kelasJabatan} tidak boleh nol semua` });
    }
  });
  for (const duplicate of new Set(findDuplicates(ruleSet.positionAmounts.map((entry) => entry.positionCode)))) {
    problems.push({ path: ['positionAmounts'], message: `Kode jabatan ${duplicate} diisi lebih dari sekali` });
  }
}

function checkScale(scale: Scale, path: Problems[number]['path'], problems: Problems): void {
  if (scale.kind !== 'bands') return;
  if (scale.bands[0] && scale.bands[0].fromBp !== 0) problems.push({ path, message: 'Baris pertama tabel tingkat harus mulai dari 0 %' });
  scale.bands.forEach((band, index) => {
    const previous = scale.bands[index - 1];
    if (previous && band.fromBp <= previous.fromBp) problems.push({ path, message: `Batas bawah ${formatPercent(band.fromBp)} harus lebih besar dari baris sebelumnya` });
  });
}

function checkMeasure(measure: Measure, path: Problems[number]['path'], problems: Problems): void {
  if (measure.kind === 'productivity' || measure.kind === 'skp_achievement') checkScale(measure.scale, [...path, 'scale'], problems);
  if (measure.kind === 'compliance') {
    const total = measure.items.reduce((sum, item) => sum + item.weightBp, 0);
    if (total !== FULL_BP) problems.push({ path: [...path, 'items'], message: `Jumlah bobot butir kepatuhan harus 100 % (sekarang ${formatPercent(total)})` });
    for (const duplicate of new Set(findDuplicates(measure.items.map((item) => item.code)))) {
      problems.push({ path: [...path, 'items'], message: `Butir kepatuhan ${duplicate} tercantum lebih dari sekali` });
    }
  }
  if (measure.kind === 'report_submission') {
    measure.bands.forEach((band, index) => {
      const previous = measure.bands[index - 1];
      if (previous && band.untilDay <= previous.untilDay) problems.push({ path: [...path, 'bands'], message: `Tanggal batas ${band.untilDay} harus setelah baris sebelumnya` });
    });
  }
}

function checkEarning(ruleSet: TppRuleSet, problems: Problems): void {
  const { earning } = ruleSet;
  const total = earning.parts.reduce((sum, part) => sum + part.weightBp, 0);
  if (total !== FULL_BP) {
    problems.push({
      path: ['earning', 'parts'],
      message:
        earning.kind === 'points'
          ? `Jumlah poin maksimal harus 100 poin (sekarang ${formatPoints(total)})`
          : `Jumlah bobot harus 100 % (sekarang ${formatPercent(total)})`,
    });
  }
  const keys = earning.parts.map((part) => part.key);
  for (const duplicate of new Set(findDuplicates(keys))) problems.push({ path: ['earning', 'parts'], message: `Kode bagian ${duplicate} dipakai lebih dari sekali` });
  if (keys.includes(TOTAL_TARGET)) problems.push({ path: ['earning', 'parts'], message: `Kode bagian "${TOTAL_TARGET}" dicadangkan untuk seluruh TPP` });
  for (const duplicate of new Set(findDuplicates(earning.appliesTo))) problems.push({ path: ['earning', 'appliesTo'], message: `Komponen ${duplicate} tercantum lebih dari sekali` });
  earning.parts.forEach((part, index) => checkMeasure(part.measure, ['earning', 'parts', index, 'measure'], problems));
}

function checkMinuteBands(bands: readonly MinuteBand[], noPunchCode: string | null, path: Problems[number]['path'], problems: Problems): void {
  const codes = bands.map((band) => band.code);
  for (const message of findBandProblems(bands, codes)) problems.push({ path: [...path, 'bands'], message });
  for (const duplicate of new Set(findDuplicates(codes))) problems.push({ path: [...path, 'bands'], message: `Kode rentang ${duplicate} dipakai lebih dari sekali` });
  bands.forEach((band, index) => {
    const previous = bands[index - 1];
    // Longer lateness must never cost less, or "more lateness never raises TPP" breaks.
    if (previous && band.rateBp < previous.rateBp) problems.push({ path: [...path, 'bands'], message: `Potongan ${band.code} tidak boleh lebih kecil dari ${previous.code}` });
  });
  if (noPunchCode !== null && !codes.includes(noPunchCode)) {
    problems.push({ path: [...path, 'noPunchCode'], message: `Kode rentang untuk tidak absen (${noPunchCode}) tidak ada dalam tabel` });
  }
}

function checkDayBands(bands: readonly DayBand[], path: Problems[number]['path'], problems: Problems): void {
  bands.forEach((band, index) => {
    const name = `Hari ${band.fromDay}–${band.toDay ?? '…'}`;
    if (index === 0 && band.fromDay !== 1) problems.push({ path, message: 'Rentang hari pertama harus mulai dari hari ke-1' });
    if (band.toDay !== null && band.toDay < band.fromDay) problems.push({ path, message: `${name}: hari akhir lebih kecil dari hari awal` });
    const isLast = index === bands.length - 1;
    if (isLast && band.toDay !== null) problems.push({ path, message: `${name}: rentang terakhir harus terbuka (tanpa batas atas)` });
    if (!isLast && band.toDay === null) problems.push({ path, message: `${name}: hanya rentang terakhir yang boleh tanpa batas atas` });
    const previous = bands[index - 1];
    if (previous && previous.toDay !== null) {
      if (band.fromDay <= previous.toDay) problems.push({ path, message: `Rentang hari ${previous.fromDay}–${previous.toDay} dan ${name} bertumpang tindih` });
      else if (band.fromDay > previous.toDay + 1) problems.push({ path, message: `Ada celah antara hari ke-${previous.toDay} dan hari ke-${band.fromDay}` });
    }
  });
}

const singleKinds: readonly DeductionRule['kind'][] = ['late', 'early', 'tk', 'missed_apel'];

function checkDeductions(ruleSet: TppRuleSet, problems: Problems): void {
  const partKeys = new Set(ruleSet.earning.parts.map((part) => part.key));
  const { rules } = ruleSet.deductions;
  for (const kind of singleKinds) {
    if (rules.filter((rule) => rule.kind === kind).length > 1) problems.push({ path: ['deductions', 'rules'], message: `Aturan potongan ${kind} hanya boleh satu` });
  }
  const leaveTypes = rules.flatMap((rule) => (rule.kind === 'leave' ? [rule.leaveType] : []));
  for (const duplicate of new Set(findDuplicates(leaveTypes))) problems.push({ path: ['deductions', 'rules'], message: `Potongan untuk ${duplicate} diatur lebih dari sekali` });
  const flatEvents = rules.flatMap((rule) => (rule.kind === 'flat' ? [rule.event] : []));
  for (const duplicate of new Set(findDuplicates(flatEvents))) problems.push({ path: ['deductions', 'rules'], message: `Potongan tetap untuk ${duplicate} diatur lebih dari sekali` });
  rules.forEach((rule, index) => {
    const path = ['deductions', 'rules', index];
    if (rule.target !== TOTAL_TARGET && !partKeys.has(rule.target)) {
      problems.push({ path: [...path, 'target'], message: `Potongan ${rule.kind} menunjuk bagian "${rule.target}" yang tidak ada` });
    }
    if (rule.kind === 'late' || rule.kind === 'early') checkMinuteBands(rule.bands, rule.noPunchCode, path, problems);
    if (rule.kind === 'leave') checkDayBands(rule.bands, [...path, 'bands'], problems);
  });
}

function checkAdjustments(ruleSet: TppRuleSet, problems: Problems): void {
  const { discipline, acting, exclusions } = ruleSet.adjustments;
  for (const duplicate of new Set(findDuplicates(discipline.penalties.map((penalty) => penalty.code)))) {
    problems.push({ path: ['adjustments', 'discipline', 'penalties'], message: `Kode hukuman disiplin ${duplicate} dipakai lebih dari sekali` });
  }
  for (const duplicate of new Set(findDuplicates(acting.rules.map((rule) => rule.kind)))) {
    problems.push({ path: ['adjustments', 'acting', 'rules'], message: `Aturan ${duplicate.toUpperCase()} hanya boleh satu` });
  }
  for (const duplicate of new Set(findDuplicates(exclusions.map((exclusion) => exclusion.code)))) {
    problems.push({ path: ['adjustments', 'exclusions'], message: `Kode pengecualian ${duplicate} dipakai lebih dari sekali` });
  }
  for (const duplicate of new Set(findDuplicates(exclusions.flatMap((exclusion) => exclusion.leaveTypes)))) {
    problems.push({ path: ['adjustments', 'exclusions'], message: `${duplicate} tercantum di lebih dari satu pengecualian` });
  }
}

function checkTax(ruleSet: TppRuleSet, problems: Problems): void {
  const { rates } = ruleSet.pph21;
  const path = ['pph21', 'rates'];
  if (rates.kind === 'golongan') {
    for (const duplicate of new Set(findDuplicates(rates.rates.map((rate) => rate.golongan)))) problems.push({ path, message: `Golongan ${duplicate} tercantum lebih dari sekali` });
  }
  if (rates.kind === 'brackets') {
    rates.brackets.forEach((bracket, index) => {
      const isLast = index === rates.brackets.length - 1;
      if (isLast && bracket.upTo !== null) problems.push({ path, message: 'Lapisan tarif terakhir harus tanpa batas atas' });
      if (!isLast && bracket.upTo === null) problems.push({ path, message: 'Hanya lapisan tarif terakhir yang boleh tanpa batas atas' });
      const previous = rates.brackets[index - 1];
      if (previous?.upTo != null && bracket.upTo !== null && bracket.upTo <= previous.upTo) problems.push({ path, message: 'Batas lapisan tarif harus naik' });
    });
  }
}

/** Every cross-field problem of a rule set, with Indonesian messages; empty when the rule set is sound. */
export function findRuleSetProblems(ruleSet: TppRuleSet): RuleSetProblem[] {
  const problems: Problems = [];
  if (!ruleSet.effectiveFrom.endsWith('-01')) problems.push({ path: ['effectiveFrom'], message: 'Tanggal berlaku harus tanggal 1 (TPP dihitung per bulan)' });
  checkAmounts(ruleSet, problems);
  checkEarning(ruleSet, problems);
  checkDeductions(ruleSet, problems);
  checkAdjustments(ruleSet, problems);
  checkTax(ruleSet, problems);
  return problems;
}
