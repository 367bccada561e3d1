import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/contracts/org';
import { buildUnitForest, buildUnitLabels, buildUnitPaths, collectSubtreeIds, filterUnitForest } from '../../../src/web/features/units/unit-tree-data';

let sequence = 0;
function unit(name: string, code: string, parent: Unit | null): Unit {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    code,
    siasnCode: null,
    name,
    kind: 'bidang',
    parentId: parent?.id ?? null,
    parentName: parent?.name ?? null,
    timeZone: 'Asia/Jakarta',
    isActive: true,
  };
}

const pemda = { ...unit('Pemerintah Kabupaten Contoh', '1', null), kind: 'pemda' as const };
const dinkes = unit('Dinas Kesehatan', '1.09', pemda);
const p2p = unit('Bidang P2P', '1.09.03', dinkes);
const yankes = unit('Bidang Pelayanan', '1.09.02', dinkes);
const surveilans = unit('Seksi Surveilans', '1.09.03.01', p2p);
const bappeda = unit('Bappeda', '1.04', pemda);
const units = [surveilans, bappeda, p2p, pemda, yankes, dinkes];

describe('buildUnitForest', () => {
  it('nests units under their parents ordered by code', () => {
    const [root] = buildUnitForest(units);
    expect(root?.unit.name).toBe('Pemerintah Kabupaten Contoh');
    expect(root?.children.map((node) => node.unit.code)).toEqual(['1.04', '1.09']);
    expect(root?.children[1]?.children.map((node) => node.unit.code)).toEqual(['1.09.02', '1.09.03']);
  });

  it('makes a unit whose parent is out of sight a root (an OPD admin sees only their subtree)', () => {
    expect(buildUnitForest([p2p, surveilans, yankes]).map((node) => node.unit.name)).toEqual(['Bidang Pelayanan', 'Bidang P2P']);
  });
});

describe('buildUnitPaths', () => {
  it('joins the names from the top', () => {
    expect(buildUnitPaths(units).get(surveilans.id)).toBe('Pemerintah Kabupaten Contoh › Dinas Kesehatan › Bidang P2P › Seksi Surveilans');
  });

  it('stops on a cycle in bad data instead of looping', () => {
    const a = { ...unit('A', 'A', null) };
    const b = { ...unit('B', 'B', a) };
    a.parentId = b.id;
    expect(buildUnitPaths([a, b]).get(a.id)).toBe('B › A');
  });
});

describe('buildUnitLabels', () => {
  it('names a unit first, then the units above it nearest first, without the pemda', () => {
    const labels = buildUnitLabels(units);
    expect(labels.get(surveilans.id)).toBe('Seksi Surveilans · Bidang P2P · Dinas Kesehatan');
    expect(labels.get(dinkes.id)).toBe('Dinas Kesehatan');
    expect(labels.get(pemda.id)).toBe('Pemerintah Kabupaten Contoh');
  });

  it('keeps a top unit that is not a pemda, and stops on a cycle in bad data', () => {
    expect(buildUnitLabels([p2p, surveilans]).get(surveilans.id)).toBe('Seksi Surveilans · Bidang P2P');
    const a = { ...unit('A', 'A', null) };
    const b = { ...unit('B', 'B', a) };
    a.parentId = b.id;
    expect(buildUnitLabels([a, b]).get(a.id)).toBe('A · B');
  });
});

describe('filterUnitForest', () => {
  it('keeps matches with their ancestors and drops the rest', () => {
    const [root] = filterUnitForest(buildUnitForest(units), 'surveil');
    expect(root?.unit.name).toBe('Pemerintah Kabupaten Contoh');
    expect(root?.children.map((node) => node.unit.name)).toEqual(['Dinas Kesehatan']);
    expect(root?.children[0]?.children.map((node) => node.unit.name)).toEqual(['Bidang P2P']);
  });

  it('matches codes too', () => {
    expect(filterUnitForest(buildUnitForest(units), '1.04')[0]?.children.map((node) => node.unit.name)).toEqual(['Bappeda']);
  });

  it('returns nothing when nothing matches', () => {
    expect(filterUnitForest(buildUnitForest(units), 'zzz')).toEqual([]);
  });
});

describe('collectSubtreeIds', () => {
  it('returns the unit and all its descendants', () => {
    expect(collectSubtreeIds(units, dinkes.id)).toEqual(new Set([dinkes.id, p2p.id, yankes.id, surveilans.id]));
    expect(collectSubtreeIds(units, bappeda.id)).toEqual(new Set([bappeda.id]));
  });
});
