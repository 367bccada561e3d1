import { describe, expect, it } from 'vitest';
import { mapCarriedIndicators, planCarryOver, type CarryIndicator } from '../../../src/domain/skp/carry-over';

const indicator = (id: string, aspect: CarryIndicator['aspect'], targetUnit: string): CarryIndicator => ({ id, aspect, targetUnit });

describe('mapCarriedIndicators', () => {
  it('pairs the k-th indicator of an aspect and unit with the k-th of the same kind', () => {
    const previous = [indicator('q1', 'kuantitas', 'dokumen'), indicator('k1', 'kualitas', 'persen'), indicator('q2', 'kuantitas', 'dokumen')];
    const next = [indicator('K1', 'kualitas', 'Persen '), indicator('Q1', 'kuantitas', 'dokumen'), indicator('Q2', 'kuantitas', 'dokumen')];
    expect([...mapCarriedIndicators(previous, next)]).toEqual([
      ['q1', 'Q1'],
      ['k1', 'K1'],
      ['q2', 'Q2'],
    ]);
  });

  it('drops values whose unit or aspect changed, or whose indicator was removed', () => {
    const previous = [indicator('q1', 'kuantitas', 'dokumen'), indicator('q2', 'kuantitas', 'dokumen'), indicator('w1', 'waktu', 'bulan')];
    const next = [indicator('Q1', 'kuantitas', 'laporan'), indicator('Q2', 'kuantitas', 'dokumen'), indicator('K1', 'kualitas', 'bulan')];
    expect([...mapCarriedIndicators(previous, next)]).toEqual([['q1', 'Q2']]);
  });
});

describe('planCarryOver', () => {
  const previousRhk = [
    { id: 'a', previousRhkId: null, indicators: [indicator('a-q', 'kuantitas', 'izin')] },
    { id: 'b', previousRhkId: null, indicators: [indicator('b-q', 'kuantitas', 'kegiatan')] },
  ];
  const revisionRhk = [
    { id: 'A', previousRhkId: 'a', indicators: [indicator('A-q', 'kuantitas', 'izin')] },
    { id: 'C', previousRhkId: null, indicators: [indicator('C-q', 'kuantitas', 'dokumen')] },
    // An RHK citing an RHK of an older revision, not the one replaced, takes nothing.
    { id: 'D', previousRhkId: 'older', indicators: [] },
  ];
  const periodKeys = new Set(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2026']);

  it('copies the continuing RHK’s realisations of the revision’s periods, and the final ratings of those periods', () => {
    const plan = planCarryOver({
      previousRhk,
      revisionRhk,
      periodKeys,
      realisations: [
        { id: 'r-jun', rhkId: 'a', periodKey: '2026-06' },
        { id: 'r-jul', rhkId: 'a', periodKey: '2026-07' },
        { id: 'r-aug', rhkId: 'a', periodKey: '2026-08' },
        { id: 'r-b', rhkId: 'b', periodKey: '2026-07' },
      ],
      evaluations: [
        { id: 'e-jun', periodKey: '2026-06', isFinal: true },
        { id: 'e-jul', periodKey: '2026-07', isFinal: true },
        { id: 'e-aug', periodKey: '2026-08', isFinal: false },
      ],
    });
    // June lies before the revision's span (a move on 1 July): it stays with the replaced revision only.
    expect(plan.realisations).toEqual([
      { fromId: 'r-jul', toRhkId: 'A' },
      { fromId: 'r-aug', toRhkId: 'A' },
    ]);
    expect([...plan.indicators]).toEqual([['a-q', 'A-q']]);
    expect(plan.evaluationIds).toEqual(['e-jul']);
  });

  it('carries nothing when no RHK continues', () => {
    const plan = planCarryOver({ previousRhk, revisionRhk: [revisionRhk[1]!], periodKeys, realisations: [{ id: 'r', rhkId: 'a', periodKey: '2026-07' }], evaluations: [] });
    expect(plan).toEqual({ realisations: [], indicators: new Map(), evaluationIds: [] });
  });
});
