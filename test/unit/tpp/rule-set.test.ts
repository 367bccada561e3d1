import { describe, expect, it } from 'vitest';
import { EXAMPLE_TPP_RULE_SETS } from '../../../src/domain/tpp/examples';
import type { DeductionRule, MinuteBand, TppRuleSet } from '../../../src/domain/tpp/rule-set';
import { parseTppRuleSet, parseTppRuleSetJson, serializeTppRuleSet } from '../../../src/domain/tpp/rule-set-json';
import { findVersionConflicts, selectTppRuleSet } from '../../../src/domain/tpp/select-rule-set';
import { classicBands, makeRuleSet, withDeductions } from './fixtures';

const messagesOf = (data: unknown): string[] => {
  const parsed = parseTppRuleSet(data);
  return parsed.ok ? [] : parsed.issues.map((issue) => issue.message);
};
const late = (bands: MinuteBand[], noPunchCode: string | null = null): DeductionRule => ({
  kind: 'late',
  bands,
  noPunchCode,
  target: 'disiplin',
  of: 'base',
  article: 'Pasal 7',
});

describe('tppRuleSetSchema', () => {
  it('accepts the fixture and every shipped example', () => {
    expect(messagesOf(makeRuleSet())).toEqual([]);
    for (const ruleSet of EXAMPLE_TPP_RULE_SETS) expect(messagesOf(ruleSet)).toEqual([]);
  });

  it('rejects weights that do not add up to 100 %, and points that do not add up to 100', () => {
    const parts = makeRuleSet().earning.parts.map((part) => (part.key === 'disiplin' ? { ...part, weightBp: 3500 } : part));
    expect(messagesOf(makeRuleSet({ earning: { ...makeRuleSet().earning, parts } }))).toContain('Jumlah bobot harus 100 % (sekarang 95 %)');
    expect(messagesOf(makeRuleSet({ earning: { ...makeRuleSet().earning, kind: 'points', parts } }))).toContain('Jumlah poin maksimal harus 100 poin (sekarang 95 poin)');
  });

  it('rejects overlapping, gapped, unordered or open-in-the-middle minute bands', () => {
    const [tl1, tl2, tl3, tl4] = classicBands('TL');
    expect(messagesOf(makeRuleSet(withDeductions([late([tl1, { ...tl2, fromMinutes: 25 }, tl3, tl4])])))).toContain('TL1 dan TL2 bertumpang tindih');
    expect(messagesOf(makeRuleSet(withDeductions([late([tl1, { ...tl2, fromMinutes: 35 }, tl3, tl4])])))).toContain('Ada celah antara TL1 dan TL2');
    expect(messagesOf(makeRuleSet(withDeductions([late([{ ...tl1, fromMinutes: 5 }, tl2, tl3, tl4])])))).toContain('TL1: rentang pertama harus mulai dari menit ke-1');
    expect(messagesOf(makeRuleSet(withDeductions([late([tl1, tl2, tl3, { ...tl4, toMinutes: 120 }])])))).toContain('TL4: rentang terakhir harus terbuka (tanpa batas atas)');
    expect(messagesOf(makeRuleSet(withDeductions([late([tl1, { ...tl2, rateBp: 40 }, tl3, tl4])])))).toContain('Potongan TL2 tidak boleh lebih kecil dari TL1');
    expect(messagesOf(makeRuleSet(withDeductions([late([tl1, tl2, tl3, tl4], 'TL5')])))).toContain('Kode rentang untuk tidak absen (TL5) tidak ada dalam tabel');
  });

  it('rejects leave day bands with gaps and a second rule for the same kind', () => {
    const leave: DeductionRule = {
      kind: 'leave',
      leaveType: 'cuti_sakit',
      bands: [
        { fromDay: 1, toDay: 14, rateBpPerDay: 0 },
        { fromDay: 16, toDay: null, rateBpPerDay: 100 },
      ],
      countFrom: 'month',
      target: 'disiplin',
      of: 'base',
      article: 'Pasal 11',
    };
    const tk: DeductionRule = { kind: 'tk', rateBpPerDay: 400, target: 'disiplin', of: 'base', article: 'Pasal 7' };
    const messages = messagesOf(makeRuleSet(withDeductions([leave, tk, tk])));
    expect(messages).toContain('Ada celah antara hari ke-14 dan hari ke-16');
    expect(messages).toContain('Aturan potongan tk hanya boleh satu');
  });

  it('rejects missing class amounts, duplicate classes and deductions aimed at unknown parts', () => {
    const [class5, , class7] = makeRuleSet().classAmounts;
    expect(messagesOf(makeRuleSet({ classAmounts: [class5!, class7!] }))).toContain('Besaran TPP kelas jabatan 6 belum diisi (kelas 5–7 harus lengkap)');
    expect(messagesOf(makeRuleSet({ classAmounts: [class5!, class5!] }))).toContain('Kelas jabatan 5 diisi lebih dari sekali');
    const tk: DeductionRule = { kind: 'tk', rateBpPerDay: 400, target: 'apel', of: 'base', article: 'Pasal 7' };
    expect(messagesOf(makeRuleSet(withDeductions([tk])))).toContain('Potongan tk menunjuk bagian "apel" yang tidak ada');
  });

  it('rejects compliance items that do not add up, a mid-month effective date and unordered tax brackets', () => {
    const parts: TppRuleSet['earning']['parts'] = [
      { key: 'kinerja', label: 'Kinerja', weightBp: 9000, measure: { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }, article: 'Pasal 5' },
      { key: 'kepatuhan', label: 'Kepatuhan', weightBp: 1000, measure: { kind: 'compliance', items: [{ code: 'lhkpn', label: 'LHKPN', weightBp: 5000 }] }, article: 'Pasal 6' },
    ];
    expect(messagesOf(makeRuleSet({ earning: { ...makeRuleSet().earning, parts } }))).toContain('Jumlah bobot butir kepatuhan harus 100 % (sekarang 50 %)');
    expect(messagesOf(makeRuleSet({ effectiveFrom: '2026-01-15' }))).toContain('Tanggal berlaku harus tanggal 1 (TPP dihitung per bulan)');
    const pph21: TppRuleSet['pph21'] = {
      policy: 'withheld',
      taxBase: 'tpp',
      rates: { kind: 'brackets', brackets: [{ upTo: 5_000_000, rateBp: 500 }, { upTo: 2_000_000, rateBp: 1500 }, { upTo: null, rateBp: 2500 }] },
      article: 'Pasal 18',
    };
    expect(messagesOf(makeRuleSet({ pph21 }))).toContain('Batas lapisan tarif harus naik');
  });

  it('speaks Indonesian for field-level errors too', () => {
    const messages = messagesOf({ ...makeRuleSet(), rounding: { mode: 'sometimes', netUnit: 3 }, classAmounts: 'none' });
    expect(messages).toContain('Cara pembulatan harus half_up, down atau up');
    expect(messages).toContain('Satuan pembulatan harus 1, 10, 100, 500 atau 1000');
    expect(messages.some((message) => /Input tidak valid|diharapkan/i.test(message))).toBe(true);
    expect(messagesOf({ ...makeRuleSet(), deductions: { ...makeRuleSet().deductions, capBp: 12_000 } })).toContain('Batas potongan paling besar 100 %');
  });
});

describe('JSON import/export', () => {
  it('round-trips every example unchanged', () => {
    for (const ruleSet of EXAMPLE_TPP_RULE_SETS) {
      const parsed = parseTppRuleSetJson(serializeTppRuleSet(ruleSet));
      expect(parsed).toEqual({ ok: true, ruleSet });
    }
  });

  it('reports bad JSON and where a rule set is wrong', () => {
    expect(parseTppRuleSetJson('{ not json')).toEqual({ ok: false, issues: [{ path: '', message: 'Berkas bukan JSON yang sah' }] });
    const parts = makeRuleSet().earning.parts.map((part) => ({ ...part, weightBp: 4000 }));
    const parsed = parseTppRuleSetJson(JSON.stringify(makeRuleSet({ earning: { ...makeRuleSet().earning, parts } })));
    expect(parsed).toEqual({ ok: false, issues: [{ path: 'earning.parts', message: 'Jumlah bobot harus 100 % (sekarang 80 %)' }] });
  });
});

describe('rule set versions', () => {
  const v2025 = makeRuleSet({ effectiveFrom: '2025-01-01', name: 'v2025' });
  const v2026 = makeRuleSet({ effectiveFrom: '2026-04-01', name: 'v2026' });

  it('selects the latest version in force on the first day of the month', () => {
    expect(selectTppRuleSet([v2026, v2025], '2026-03')?.name).toBe('v2025');
    expect(selectTppRuleSet([v2026, v2025], '2026-04')?.name).toBe('v2026');
    expect(selectTppRuleSet([v2026, v2025], '2024-12')).toBeNull();
  });

  it('flags two versions of one region starting on the same day', () => {
    expect(findVersionConflicts([v2025, v2026])).toEqual([]);
    expect(findVersionConflicts([v2025, v2026, { ...v2026, name: 'copy' }])).toEqual(['Aturan TPP Kabupaten Uji yang berlaku 2026-04-01 sudah ada']);
  });
});
