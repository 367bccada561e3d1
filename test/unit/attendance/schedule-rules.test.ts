import { describe, expect, it } from 'vitest';
import { attendanceRulesSchema, classifyEarly, classifyLate, DEFAULT_ATTENDANCE_RULES, isPunchPlausible, type AttendanceRules } from '../../../src/domain/attendance/rules';

describe('late and early bands (default: 1–30, 31–60, 61–90, ≥ 91 minutes)', () => {
  it.each([
    [0, null, null],
    [-5, null, null],
    [1, 'TL1', 'PSW1'],
    [30, 'TL1', 'PSW1'],
    [31, 'TL2', 'PSW2'],
    [60, 'TL2', 'PSW2'],
    [61, 'TL3', 'PSW3'],
    [90, 'TL3', 'PSW3'],
    [91, 'TL4', 'PSW4'],
    [600, 'TL4', 'PSW4'],
  ])('%i minutes → %s / %s', (minutes, late, early) => {
    expect(classifyLate(minutes, DEFAULT_ATTENDANCE_RULES)).toBe(late);
    expect(classifyEarly(minutes, DEFAULT_ATTENDANCE_RULES)).toBe(early);
  });

  it('follows a region’s own bands', () => {
    const rules: AttendanceRules = {
      ...DEFAULT_ATTENDANCE_RULES,
      lateBands: [
        { code: 'TL1', fromMinutes: 1, toMinutes: 15 },
        { code: 'TL2', fromMinutes: 16, toMinutes: 45 },
        { code: 'TL3', fromMinutes: 46, toMinutes: 120 },
        { code: 'TL4', fromMinutes: 121, toMinutes: null },
      ],
    };
    expect(attendanceRulesSchema.safeParse(rules).success).toBe(true);
    expect(classifyLate(16, rules)).toBe('TL2');
    expect(classifyLate(120, rules)).toBe('TL3');
    expect(classifyEarly(16, rules)).toBe('PSW1');
  });
});

describe('rule set validation', () => {
  const withLate = (lateBands: AttendanceRules['lateBands']) => attendanceRulesSchema.safeParse({ ...DEFAULT_ATTENDANCE_RULES, lateBands });
  const messages = (result: ReturnType<typeof withLate>) => (result.success ? [] : result.error.issues.map((issue) => issue.message));

  it('accepts the defaults', () => {
    expect(attendanceRulesSchema.parse(DEFAULT_ATTENDANCE_RULES)).toEqual(DEFAULT_ATTENDANCE_RULES);
  });

  it.each([
    ['overlap', [{ code: 'TL1', fromMinutes: 1, toMinutes: 30 }, { code: 'TL2', fromMinutes: 30, toMinutes: 60 }, { code: 'TL3', fromMinutes: 61, toMinutes: 90 }, { code: 'TL4', fromMinutes: 91, toMinutes: null }], 'TL1 dan TL2 bertumpang tindih'],
    ['gap', [{ code: 'TL1', fromMinutes: 1, toMinutes: 30 }, { code: 'TL2', fromMinutes: 31, toMinutes: 60 }, { code: 'TL3', fromMinutes: 65, toMinutes: 90 }, { code: 'TL4', fromMinutes: 91, toMinutes: null }], 'Ada celah antara TL2 dan TL3'],
    ['closed last band', [{ code: 'TL1', fromMinutes: 1, toMinutes: 30 }, { code: 'TL2', fromMinutes: 31, toMinutes: 60 }, { code: 'TL3', fromMinutes: 61, toMinutes: 90 }, { code: 'TL4', fromMinutes: 91, toMinutes: 200 }], 'TL4: rentang terakhir harus terbuka (tanpa batas atas)'],
    ['open middle band', [{ code: 'TL1', fromMinutes: 1, toMinutes: 30 }, { code: 'TL2', fromMinutes: 31, toMinutes: null }, { code: 'TL3', fromMinutes: 61, toMinutes: 90 }, { code: 'TL4', fromMinutes: 91, toMinutes: null }], 'TL2: hanya rentang terakhir yang boleh tanpa batas atas'],
    ['wrong order', [{ code: 'TL2', fromMinutes: 1, toMinutes: 30 }, { code: 'TL1', fromMinutes: 31, toMinutes: 60 }, { code: 'TL3', fromMinutes: 61, toMinutes: 90 }, { code: 'TL4', fromMinutes: 91, toMinutes: null }], 'Rentang ke-1 harus berkode TL1, bukan TL2'],
    ['three bands', [{ code: 'TL1', fromMinutes: 1, toMinutes: 30 }, { code: 'TL2', fromMinutes: 31, toMinutes: 60 }, { code: 'TL3', fromMinutes: 61, toMinutes: null }], 'Harus ada tepat 4 rentang (TL1, TL2, TL3, TL4)'],
    ['inverted band', [{ code: 'TL1', fromMinutes: 1, toMinutes: 30 }, { code: 'TL2', fromMinutes: 31, toMinutes: 20 }, { code: 'TL3', fromMinutes: 61, toMinutes: 90 }, { code: 'TL4', fromMinutes: 91, toMinutes: null }], 'TL2: menit akhir lebih kecil dari menit awal'],
  ] as const)('refuses %s', (_case, bands, message) => {
    expect(messages(withLate([...bands]))).toContain(message);
  });

  it('refuses a first band that does not start at minute 1', () => {
    const result = attendanceRulesSchema.safeParse({
      ...DEFAULT_ATTENDANCE_RULES,
      earlyBands: [
        { code: 'PSW1', fromMinutes: 5, toMinutes: 30 },
        { code: 'PSW2', fromMinutes: 31, toMinutes: 60 },
        { code: 'PSW3', fromMinutes: 61, toMinutes: 90 },
        { code: 'PSW4', fromMinutes: 91, toMinutes: null },
      ],
    });
    expect(messages(result)).toEqual(['PSW1: rentang pertama harus mulai dari menit ke-1']);
  });
});

describe('punch plausibility', () => {
  const now = new Date('2026-03-02T02:00:00Z');
  it.each([
    ['2026-03-02T01:00:00Z', true],
    ['2026-03-02T02:10:00Z', true],
    ['2026-03-02T02:10:01Z', false],
    ['2000-01-01T00:00:00Z', false],
    ['2019-12-31T00:00:00Z', false],
    ['2020-01-01T00:00:00+07:00', true],
  ])('%s → %s', (instant, expected) => {
    expect(isPunchPlausible(new Date(instant), now, DEFAULT_ATTENDANCE_RULES)).toBe(expected);
  });
});
