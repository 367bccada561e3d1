import { describe, expect, it } from 'vitest';
import type { AssignmentRecord } from '../../../src/domain/org/assignments';
import {
  createSuperiorResolver,
  findCycle,
  findSuperiorLoop,
  resolveDirectSuperior,
  wouldCreateCycle,
  type SuperiorData,
  type SuperiorOverrideRecord,
} from '../../../src/domain/org/hierarchy';

const parents = (entries: [string, string | null][]) => new Map(entries);

describe('findCycle', () => {
  it('returns null for a forest', () => {
    expect(findCycle(parents([['seksi', 'bidang'], ['bidang', 'dinas'], ['dinas', null], ['lain', 'hilang']]))).toBeNull();
  });

  it.each([
    { name: 'two units pointing at each other', map: [['a', 'b'], ['b', 'a']], cycle: ['a', 'b'] },
    { name: 'a unit that is its own parent', map: [['a', 'a']], cycle: ['a'] },
    { name: 'a cycle reached from a tail', map: [['tail', 'x'], ['x', 'y'], ['y', 'z'], ['z', 'x']], cycle: ['x', 'y', 'z'] },
  ] as { name: string; map: [string, string | null][]; cycle: string[] }[])('finds $name', ({ map, cycle }) => {
    expect(findCycle(parents(map))).toEqual(cycle);
  });
});

describe('wouldCreateCycle', () => {
  const tree = parents([['dinas', null], ['bidang', 'dinas'], ['seksi', 'bidang'], ['lain', null]]);
  it.each([
    ['dinas', 'seksi', true],
    ['dinas', 'bidang', true],
    ['bidang', 'bidang', true],
    ['seksi', 'lain', false],
    ['bidang', 'dinas', false],
    ['dinas', null, false],
  ] as const)('moving %s under %s → %s', (node, parent, expected) => {
    expect(wouldCreateCycle(tree, node, parent)).toBe(expected);
  });

  it('does not blame the change for an existing loop elsewhere', () => {
    expect(wouldCreateCycle(parents([['x', 'y'], ['y', 'x'], ['n', null]]), 'n', 'x')).toBe(false);
  });
});

// Position tree: kadis ← kabid ← kasi ← staf; sekretaris ← kadis.
const superiorPositionOf = parents([
  ['kadis', null],
  ['sekretaris', 'kadis'],
  ['kabid', 'kadis'],
  ['kasi', 'kabid'],
  ['staf', 'kasi'],
]);
const DATE = '2026-03-02';
let sequence = 0;
const assign = (employeeId: string, positionId: string, kind: AssignmentRecord['kind'] = 'definitif', startDate = '2025-01-01', endDate: string | null = null): AssignmentRecord => ({
  id: `a${String(++sequence).padStart(3, '0')}`,
  employeeId,
  positionId,
  kind,
  startDate,
  endDate,
});
const override = (employeeId: string, superiorEmployeeId: string, startDate: string, endDate: string | null): SuperiorOverrideRecord => ({
  id: `o${++sequence}`,
  employeeId,
  superiorEmployeeId,
  startDate,
  endDate,
});
const data = (assignments: AssignmentRecord[], overrides: SuperiorOverrideRecord[] = []): SuperiorData => ({ assignments, superiorPositionOf, overrides });
const fullTree = () => [assign('ani', 'kadis'), assign('budi', 'kabid'), assign('citra', 'kasi'), assign('dedi', 'staf')];

describe('resolveDirectSuperior', () => {
  it('takes the definitif holder of the superior position', () => {
    expect(resolveDirectSuperior(data(fullTree()), 'dedi', DATE)).toEqual({
      superiorEmployeeId: 'citra',
      superiorPositionId: 'kasi',
      via: 'definitif',
      skippedVacantPositionIds: [],
    });
  });

  it('skips vacant positions and reports them, nearest first', () => {
    const result = resolveDirectSuperior(data([assign('ani', 'kadis'), assign('dedi', 'staf')]), 'dedi', DATE);
    expect(result).toEqual({ superiorEmployeeId: 'ani', superiorPositionId: 'kadis', via: 'definitif', skippedVacantPositionIds: ['kasi', 'kabid'] });
  });

  it('counts a position whose holder left before the date as vacant', () => {
    const assignments = [assign('ani', 'kadis'), assign('budi', 'kabid'), assign('citra', 'kasi', 'definitif', '2020-01-01', '2026-03-01'), assign('dedi', 'staf')];
    expect(resolveDirectSuperior(data(assignments), 'dedi', DATE)).toMatchObject({ superiorEmployeeId: 'budi', skippedVacantPositionIds: ['kasi'] });
  });

  it('ignores a holder who starts after the date', () => {
    const assignments = [assign('budi', 'kabid'), assign('citra', 'kasi', 'definitif', '2026-03-03'), assign('dedi', 'staf')];
    expect(resolveDirectSuperior(data(assignments), 'dedi', DATE)).toMatchObject({ superiorEmployeeId: 'budi', skippedVacantPositionIds: ['kasi'] });
  });

  it.each([
    { holders: [['eka', 'plt'], ['fajar', 'plh']], expected: 'eka', via: 'plt' },
    { holders: [['fajar', 'plh']], expected: 'fajar', via: 'plh' },
    { holders: [['fajar', 'plh'], ['eka', 'plt'], ['citra', 'definitif']], expected: 'citra', via: 'definitif' },
  ] as { holders: [string, AssignmentRecord['kind']][]; expected: string; via: string }[])(
    'prefers definitif, then Plt, then Plh ($via)',
    ({ holders, expected, via }) => {
      const assignments = [assign('budi', 'kabid'), assign('dedi', 'staf'), ...holders.map(([employeeId, kind]) => assign(employeeId, 'kasi', kind))];
      expect(resolveDirectSuperior(data(assignments), 'dedi', DATE)).toMatchObject({ superiorEmployeeId: expected, superiorPositionId: 'kasi', via });
    },
  );

  it('never returns the employee: a Plt of their own superior position is passed over', () => {
    const assignments = [assign('ani', 'kadis'), assign('citra', 'kasi'), assign('citra', 'kabid', 'plt')];
    expect(resolveDirectSuperior(data(assignments), 'citra', DATE)).toEqual({
      superiorEmployeeId: 'ani',
      superiorPositionId: 'kadis',
      via: 'definitif',
      skippedVacantPositionIds: [],
    });
  });

  it('routes from the definitif position even when the employee also acts elsewhere', () => {
    const assignments = [...fullTree(), assign('dedi', 'sekretaris', 'plt')];
    expect(resolveDirectSuperior(data(assignments), 'dedi', DATE)).toMatchObject({ superiorEmployeeId: 'citra' });
  });

  it('routes from the Plt position when the employee has no definitif one', () => {
    const assignments = [assign('ani', 'kadis'), assign('gita', 'kabid', 'plt')];
    expect(resolveDirectSuperior(data(assignments), 'gita', DATE)).toMatchObject({ superiorEmployeeId: 'ani', via: 'definitif' });
  });

  it('has no superior at the top of the tree, without a position, or when everything above is vacant', () => {
    expect(resolveDirectSuperior(data(fullTree()), 'ani', DATE)).toEqual({ superiorEmployeeId: null, superiorPositionId: null, via: 'none', skippedVacantPositionIds: [] });
    expect(resolveDirectSuperior(data(fullTree()), 'nobody', DATE).via).toBe('none');
    expect(resolveDirectSuperior(data([assign('dedi', 'staf')]), 'dedi', DATE)).toEqual({
      superiorEmployeeId: null,
      superiorPositionId: null,
      via: 'none',
      skippedVacantPositionIds: ['kasi', 'kabid', 'kadis'],
    });
  });

  it('lets an override in force win over the position tree', () => {
    const result = resolveDirectSuperior(data(fullTree(), [override('dedi', 'ani', '2026-03-01', '2026-03-31')]), 'dedi', DATE);
    expect(result).toEqual({ superiorEmployeeId: 'ani', superiorPositionId: null, via: 'override', skippedVacantPositionIds: [] });
  });

  it.each([
    ['ended', override('dedi', 'ani', '2026-01-01', '2026-03-01')],
    ['future', override('dedi', 'ani', '2026-03-03', null)],
    ['of someone else', override('citra', 'ani', '2026-01-01', null)],
  ])('ignores an override that is %s', (_label, record) => {
    expect(resolveDirectSuperior(data(fullTree(), [record]), 'dedi', DATE)).toMatchObject({ superiorEmployeeId: 'citra', via: 'definitif' });
  });

  it('takes the latest-starting override when two are in force', () => {
    const overrides = [override('dedi', 'ani', '2026-01-01', null), override('dedi', 'budi', '2026-02-01', null)];
    expect(resolveDirectSuperior(data(fullTree(), overrides), 'dedi', DATE).superiorEmployeeId).toBe('budi');
  });

  it('terminates on a position tree that loops', () => {
    const looping = parents([['x', 'y'], ['y', 'x']]);
    const result = resolveDirectSuperior({ assignments: [assign('dedi', 'x')], superiorPositionOf: looping, overrides: [] }, 'dedi', DATE);
    expect(result).toEqual({ superiorEmployeeId: null, superiorPositionId: null, via: 'none', skippedVacantPositionIds: ['y'] });
  });

  it('resolves many employees with one resolver', () => {
    const resolve = createSuperiorResolver(data(fullTree()), DATE);
    expect(['ani', 'budi', 'citra', 'dedi'].map((id) => resolve(id).superiorEmployeeId)).toEqual([null, 'ani', 'budi', 'citra']);
  });
});

describe('findSuperiorLoop', () => {
  // Current chain: dedi → citra → budi → ani → (top)
  const superiorOf = new Map<string, string | null>([
    ['dedi', 'citra'],
    ['citra', 'budi'],
    ['budi', 'ani'],
    ['ani', null],
  ]);

  it('refuses making a subordinate the superior of their own chain', () => {
    expect(findSuperiorLoop('budi', 'dedi', superiorOf)).toEqual(['budi', 'dedi', 'citra', 'budi']);
  });

  it('accepts an override that points up or sideways', () => {
    expect(findSuperiorLoop('dedi', 'ani', superiorOf)).toBeNull();
    expect(findSuperiorLoop('ani', 'eka', superiorOf)).toBeNull();
  });

  it('does not blame the override for an existing loop that excludes the employee', () => {
    const looping = new Map<string, string | null>([['x', 'y'], ['y', 'x']]);
    expect(findSuperiorLoop('dedi', 'x', looping)).toBeNull();
  });
});
