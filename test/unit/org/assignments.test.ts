import { describe, expect, it } from 'vitest';
import {
  describeAssignmentConflict,
  findAssignmentConflicts,
  isStructuralPosition,
  selectPrimaryAssignment,
  type AssignmentRecord,
} from '../../../src/domain/org/assignments';
import { doPeriodsOverlap, isActiveOn } from '../../../src/domain/org/periods';

const record = (id: string, employeeId: string, positionId: string, kind: AssignmentRecord['kind'], startDate: string, endDate: string | null = null): AssignmentRecord => ({
  id,
  employeeId,
  positionId,
  kind,
  startDate,
  endDate,
});
const candidate = (employeeId: string, positionId: string, kind: AssignmentRecord['kind'], startDate: string, endDate: string | null = null, id: string | null = null) => ({
  id,
  employeeId,
  positionId,
  kind,
  startDate,
  endDate,
});

describe('periods', () => {
  it.each([
    [{ startDate: '2026-01-01', endDate: '2026-01-31' }, { startDate: '2026-01-31', endDate: null }, true],
    [{ startDate: '2026-01-01', endDate: '2026-01-31' }, { startDate: '2026-02-01', endDate: null }, false],
    [{ startDate: '2026-01-01', endDate: null }, { startDate: '2030-01-01', endDate: '2030-01-02' }, true],
    [{ startDate: '2026-03-01', endDate: null }, { startDate: '2020-01-01', endDate: '2026-02-28' }, false],
  ])('overlap %o %o → %s', (a, b, expected) => {
    expect(doPeriodsOverlap(a, b)).toBe(expected);
    expect(doPeriodsOverlap(b, a)).toBe(expected);
  });

  it('treats the end date as inclusive', () => {
    expect(isActiveOn({ startDate: '2026-01-01', endDate: '2026-01-31' }, '2026-01-31')).toBe(true);
    expect(isActiveOn({ startDate: '2026-01-01', endDate: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(isActiveOn({ startDate: '2026-01-01', endDate: null }, '2025-12-31')).toBe(false);
  });
});

describe('isStructuralPosition', () => {
  it.each([
    ['jpt_pratama', false, true],
    ['administrator', false, true],
    ['pengawas', false, true],
    ['pelaksana', false, false],
    ['fungsional_keahlian', false, false],
    ['fungsional_keahlian', true, true],
  ] as const)('%s (unit head %s) → %s', (jenis, isUnitHead, expected) => {
    expect(isStructuralPosition({ jenis, isUnitHead })).toBe(expected);
  });
});

describe('findAssignmentConflicts', () => {
  const existing = [
    record('a1', 'budi', 'kasi', 'definitif', '2025-01-01'),
    record('a2', 'citra', 'staf', 'definitif', '2025-01-01', '2025-12-31'),
    record('a3', 'dedi', 'staf', 'definitif', '2025-06-01'),
  ];

  it.each([
    { name: 'a second overlapping assignment to the same position', input: candidate('budi', 'kasi', 'plt', '2026-01-01'), rules: ['same_position_overlap'] },
    { name: 'a second definitif position at the same time', input: candidate('budi', 'kabid', 'definitif', '2026-01-01'), rules: ['second_definitif'] },
    { name: 'a second definitif holder of a structural seat', input: candidate('eka', 'kasi', 'definitif', '2026-01-01'), rules: ['structural_seat_taken'] },
  ])('refuses $name', ({ input, rules }) => {
    const conflicts = findAssignmentConflicts({ candidate: input, isStructural: true, existing });
    expect(conflicts.map((conflict) => conflict.rule)).toEqual(rules);
    expect(conflicts[0]?.conflicting.id).toBe('a1');
  });

  it.each([
    { name: 'a Plt next to a definitif position', input: candidate('budi', 'kabid', 'plt', '2026-01-01'), isStructural: true },
    { name: 'a Plt of an occupied structural seat', input: candidate('eka', 'kasi', 'plt', '2026-01-01'), isStructural: true },
    { name: 'many definitif holders of a shared position', input: candidate('eka', 'staf', 'definitif', '2025-07-01'), isStructural: false },
    { name: 'a follow-up assignment after the previous one ended', input: candidate('citra', 'staf', 'definitif', '2026-01-01'), isStructural: false },
    { name: 'a new structural holder after the seat is freed', input: candidate('eka', 'kasi', 'definitif', '2024-01-01', '2024-12-31'), isStructural: true },
  ])('accepts $name', ({ input, isStructural }) => {
    expect(findAssignmentConflicts({ candidate: input, isStructural, existing })).toEqual([]);
  });

  it('does not compare a changed assignment with itself', () => {
    const changed = candidate('budi', 'kasi', 'definitif', '2025-01-01', '2026-06-30', 'a1');
    expect(findAssignmentConflicts({ candidate: changed, isStructural: true, existing })).toEqual([]);
  });

  it('explains a conflict in Indonesian with names', () => {
    const [conflict] = findAssignmentConflicts({ candidate: candidate('eka', 'kasi', 'definitif', '2026-01-01'), isStructural: true, existing });
    expect(conflict && describeAssignmentConflict(conflict, { positionName: 'Kepala Seksi Data', holderName: 'Budi' })).toBe(
      'Jabatan struktural Kepala Seksi Data sudah dipegang secara definitif oleh Budi (sejak 2025-01-01)',
    );
  });
});

describe('selectPrimaryAssignment', () => {
  it('prefers definitif, then Plt, then Plh, among assignments in force', () => {
    const records = [
      record('p1', 'x', 'a', 'plh', '2026-03-01'),
      record('p2', 'x', 'b', 'plt', '2026-01-01'),
      record('p3', 'x', 'c', 'definitif', '2020-01-01', '2026-02-28'),
    ];
    expect(selectPrimaryAssignment(records, '2026-03-02')?.id).toBe('p2');
    expect(selectPrimaryAssignment(records, '2026-02-01')?.id).toBe('p3');
    expect(selectPrimaryAssignment(records, '2019-01-01')).toBeNull();
  });
});
