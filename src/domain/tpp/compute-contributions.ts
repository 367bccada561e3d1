import { cite } from './compute-earning';
import { divideRounded, formatPercent, formatRupiah, fractionOfBp, negative, portionOf, roundToUnit } from './money';
import type { TaxRates, TppRuleSet } from './rule-set';
import type { TppInput } from './tpp-input';
import type { TppLine, TppResult } from './tpp-result';

type Contributions = Pick<TppResult, 'bpjs' | 'pph21' | 'gross' | 'roundingDifference' | 'net'> & { lines: TppLine[] };

/** PPh 21 on the monthly taxable amount — simplified [V], see taxRatesSchema. */
function computeTax(rates: TaxRates, taxBase: number, golongan: string | null, mode: TppRuleSet['rounding']['mode']): { amount: number; rule: string } {
  if (rates.kind === 'flat') return { amount: portionOf(taxBase, [fractionOfBp(rates.rateBp)], mode), rule: `tarif ${formatPercent(rates.rateBp)}` };
  if (rates.kind === 'golongan') {
    const group = golongan?.split('/')[0] ?? null;
    const entry = rates.rates.find((rate) => rate.golongan === group);
    const rateBp = entry ? entry.rateBp : rates.otherRateBp;
    const who = entry ? `golongan ${entry.golongan}` : 'golongan lain';
    return { amount: portionOf(taxBase, [fractionOfBp(rateBp)], mode), rule: `tarif ${who} ${formatPercent(rateBp)}` };
  }
  let numerator = 0n;
  let lower = 0;
  const used: string[] = [];
  for (const bracket of rates.brackets) {
    const upper = bracket.upTo === null ? taxBase : Math.min(taxBase, bracket.upTo);
    if (upper > lower) {
      numerator += BigInt(upper - lower) * BigInt(bracket.rateBp);
      used.push(`${formatPercent(bracket.rateBp)} × ${formatRupiah(upper - lower)}`);
    }
    if (bracket.upTo === null || taxBase <= bracket.upTo) break;
    lower = bracket.upTo;
  }
  return { amount: divideRounded(numerator, 10_000n, mode), rule: used.length > 0 ? `tarif berlapis: ${used.join(' + ')}` : 'tarif berlapis: tidak ada dasar pajak' };
}

/**
 * Allowances and withholdings after TPP, as a payroll slip shows them: the region's BPJS share is paid
 * as an allowance and paid over again (net zero), a tax borne by the region likewise; the employee's
 * BPJS share and a withheld tax reduce the net. Withholdings never take more than the TPP, then the net
 * is rounded to the rule set's unit.
 */
export function computeContributions(ruleSet: TppRuleSet, input: TppInput, tpp: number, earned: number): Contributions {
  const { mode, netUnit } = ruleSet.rounding;
  const allowances: TppLine[] = [];
  const withholdings: TppLine[] = [];
  const { bpjs: bpjsRule, pph21: taxRule } = ruleSet;
  const line = (section: TppLine['section'], code: string, label: string, text: { input: string; rule: string; citation: string | null }, effect: number): TppLine => ({
    section,
    code,
    label,
    ...text,
    quantity: null,
    effect,
  });

  let bpjs = { base: 0, employer: 0, employee: 0 };
  if (bpjsRule) {
    const basis = bpjsRule.basis === 'tpp' ? tpp : earned;
    const room = Math.max(0, bpjsRule.incomeCap - input.otherIncomeForBpjs);
    const base = Math.min(basis, room);
    bpjs = { base, employer: portionOf(base, [fractionOfBp(bpjsRule.employerBp)], mode), employee: portionOf(base, [fractionOfBp(bpjsRule.employeeBp)], mode) };
    const text = {
      input:
        `${bpjsRule.basis === 'tpp' ? 'TPP' : 'TPP sebelum potongan'} ${formatRupiah(basis)}, sisa batas penghasilan ${formatRupiah(room)} ` +
        `(batas ${formatRupiah(bpjsRule.incomeCap)} − penghasilan lain ${formatRupiah(input.otherIncomeForBpjs)})`,
      rule: `${formatPercent(bpjsRule.employerBp)} × ${formatRupiah(base)}`,
      citation: cite(ruleSet, bpjsRule.article),
    };
    allowances.push(line('allowance', 'bpjs:employer_allowance', 'Iuran BPJS Kesehatan dibayar pemda', text, bpjs.employer));
    withholdings.push(line('withholding', 'bpjs:employer', 'Iuran BPJS Kesehatan pemda disetor', text, negative(bpjs.employer)));
  }

  const taxBase = tpp + (taxRule.taxBase === 'tpp_plus_employer_bpjs' ? bpjs.employer : 0);
  let pph21: TppResult['pph21'] = { policy: taxRule.policy, base: taxBase, amount: 0 };
  if (taxRule.policy !== 'none') {
    const tax = computeTax(taxRule.rates, taxBase, input.employee.golongan, mode);
    const isWithheld = taxRule.policy === 'withheld';
    // A withheld tax never takes more than the TPP it is withheld from.
    const amount = isWithheld ? Math.min(tax.amount, tpp) : tax.amount;
    pph21 = { policy: taxRule.policy, base: taxBase, amount };
    const text = {
      input: `Dasar pajak ${formatRupiah(taxBase)}`,
      rule: `${tax.rule}${amount < tax.amount ? ` (dibatasi TPP ${formatRupiah(amount)})` : ''}`,
      citation: cite(ruleSet, taxRule.article),
    };
    if (!isWithheld) allowances.push(line('allowance', 'pph21:allowance', 'Tunjangan PPh 21 ditanggung pemda', text, amount));
    withholdings.push(line('withholding', 'pph21', 'PPh 21', text, negative(amount)));
  }

  if (bpjsRule) {
    const available = tpp - (taxRule.policy === 'withheld' ? pph21.amount : 0);
    const employee = Math.min(bpjs.employee, Math.max(0, available));
    const note = employee < bpjs.employee ? ` (dibatasi sisa TPP ${formatRupiah(employee)})` : '';
    const text = {
      input: `Dasar iuran ${formatRupiah(bpjs.base)}`,
      rule: `${formatPercent(bpjsRule.employeeBp)} × ${formatRupiah(bpjs.base)}${note}`,
      citation: cite(ruleSet, bpjsRule.article),
    };
    bpjs = { ...bpjs, employee };
    withholdings.push(line('withholding', 'bpjs:employee', 'Iuran BPJS Kesehatan pegawai', text, negative(employee)));
  }

  const gross = tpp + allowances.reduce((sum, item) => sum + item.effect, 0);
  const unrounded = gross + withholdings.reduce((sum, item) => sum + item.effect, 0);
  const net = roundToUnit(unrounded, netUnit, mode);
  const roundingText = { input: `Sebelum pembulatan ${formatRupiah(unrounded)}`, rule: `dibulatkan (${mode}) ke kelipatan ${formatRupiah(netUnit)}`, citation: null };
  const rounding = net === unrounded ? [] : [line('rounding', 'rounding', 'Pembulatan', roundingText, net - unrounded)];
  return { bpjs, pph21, gross, roundingDifference: net - unrounded, net, lines: [...allowances, ...withholdings, ...rounding] };
}
