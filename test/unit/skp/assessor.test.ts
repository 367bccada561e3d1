import { describe, expect, it } from 'vitest';
import { checkDesignationShape, pickAssessorDesignation, type AssessorDesignation } from '../../../src/domain/skp/assessor';

const designation = (overrides: Partial<AssessorDesignation>): AssessorDesignation => ({
  id: 'd',
  positionId: 'sekda',
  kind: 'kepala_daerah',
  assessorEmployeeId: null,
  officialName: 'Bupati',
  officialTitle: 'Bupati Contoh',
  startDate: '2025-02-20',
  endDate: null,
  ...overrides,
});
// kepala bidang → kepala dinas → sekda (top)
const superiorPositionOf = new Map<string, string | null>([
  ['bidang', 'dinas'],
  ['dinas', 'sekda'],
  ['sekda', null],
]);
const pick = (positionId: string | null, designations: AssessorDesignation[], date = '2026-03-02', employeeId = 'e') =>
  pickAssessorDesignation({ employeeId, positionId, superiorPositionOf, designations, date })?.id ?? null;

describe('pickAssessorDesignation', () => {
  it('takes a designation on the employee’s own position', () => {
    expect(pick('sekda', [designation({ id: 'bupati' })])).toBe('bupati');
  });

  it('walks up the position chain: the Sekda’s designation covers a head of OPD while the Sekda seat is vacant', () => {
    expect(pick('dinas', [designation({ id: 'bupati' })])).toBe('bupati');
    // The nearest designation wins.
    expect(pick('bidang', [designation({ id: 'bupati' }), designation({ id: 'for-dinas', positionId: 'dinas', kind: 'employee', assessorEmployeeId: 'x', officialName: null, officialTitle: null })])).toBe('for-dinas');
  });

  it('applies only designations in force on the date (inclusive ends)', () => {
    const ended = designation({ id: 'old', endDate: '2025-12-31' });
    const next = designation({ id: 'new', startDate: '2026-01-01' });
    expect(pick('sekda', [ended, next], '2025-12-31')).toBe('old');
    expect(pick('sekda', [ended, next], '2026-01-01')).toBe('new');
    expect(pick('sekda', [ended], '2026-01-01')).toBeNull();
    expect(pick('sekda', [next], '2025-02-19')).toBeNull();
  });

  it('skips a designation naming the employee themself, and finds nothing without a position', () => {
    const self = designation({ id: 'self', kind: 'employee', assessorEmployeeId: 'e', officialName: null, officialTitle: null });
    expect(pick('sekda', [self])).toBeNull();
    expect(pick('sekda', [self], '2026-03-02', 'someone-else')).toBe('self');
    expect(pick(null, [designation({})])).toBeNull();
  });

  it('stops on a damaged loop in the position tree', () => {
    const loop = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(pickAssessorDesignation({ employeeId: 'e', positionId: 'a', superiorPositionOf: loop, designations: [], date: '2026-03-02' })).toBeNull();
  });
});

describe('checkDesignationShape', () => {
  it.each([
    [{ kind: 'employee', assessorEmployeeId: 'x', officialName: null, officialTitle: null }, null],
    [{ kind: 'employee', assessorEmployeeId: null, officialName: null, officialTitle: null }, 'employee_missing'],
    [{ kind: 'employee', assessorEmployeeId: 'x', officialName: 'Bupati', officialTitle: null }, 'extra_fields'],
    [{ kind: 'kepala_daerah', assessorEmployeeId: null, officialName: 'Bupati', officialTitle: 'Bupati Contoh' }, null],
    [{ kind: 'kepala_daerah', assessorEmployeeId: null, officialName: 'Bupati', officialTitle: null }, 'official_missing'],
    [{ kind: 'kepala_daerah', assessorEmployeeId: 'x', officialName: 'Bupati', officialTitle: 'Bupati Contoh' }, 'extra_fields'],
  ] as const)('%o → %s', (input, expected) => {
    expect(checkDesignationShape(input)).toBe(expected);
  });
});
