import { describe, expect, it } from 'vitest';
import { findOpdOf, unitChainToOpd } from '../../../src/domain/org/unit-tree';

const tree = new Map(
  [
    { id: 'pemda', parentId: null, kind: 'pemda' },
    { id: 'dinkes', parentId: 'pemda', kind: 'opd' },
    { id: 'bidang', parentId: 'dinkes', kind: 'bidang' },
    { id: 'seksi', parentId: 'bidang', kind: 'seksi' },
    { id: 'setda', parentId: 'pemda', kind: 'lainnya' },
    { id: 'bagian', parentId: 'setda', kind: 'bagian' },
  ].map((unit) => [unit.id, unit]),
);

describe('unit tree', () => {
  it('finds the OPD of a unit: the nearest of kind opd, else the top unit below the pemda', () => {
    expect(['seksi', 'bidang', 'dinkes', 'bagian', 'setda'].map((id) => findOpdOf(tree, id)?.id)).toEqual(['dinkes', 'dinkes', 'dinkes', 'setda', 'setda']);
    expect(findOpdOf(tree, null)).toBeNull();
    expect(findOpdOf(tree, 'unknown')).toBeNull();
  });

  it('walks from a unit up to its OPD, the unit first', () => {
    expect(unitChainToOpd(tree, 'seksi')).toEqual(['seksi', 'bidang', 'dinkes']);
    expect(unitChainToOpd(tree, 'dinkes')).toEqual(['dinkes']);
    expect(unitChainToOpd(tree, 'bagian')).toEqual(['bagian', 'setda']);
  });
});
