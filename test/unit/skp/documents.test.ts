import { describe, expect, it } from 'vitest';
import type { SkpView } from '../../../src/contracts/skp';
import type { Block } from '../../../src/server/modules/skp/documents/pdf-blocks';
import { buildSkpDocument, formatIndonesianDate } from '../../../src/server/modules/skp/documents/skp-documents';

const person = (name: string, nip: string) => ({ employeeId: nip, name, nip, positionId: null, positionName: 'Jabatan' });
const rhk = (id: string, kind: 'utama' | 'tambahan', perspective: SkpView['rhk'][number]['perspective'], indicators = 1): SkpView['rhk'][number] => ({
  id,
  kind,
  text: `RHK ${id}`,
  perspective,
  supportedRhkId: null,
  supportedRhkText: null,
  supportedAgreementText: 'PK 2026',
  origin: 'own',
  sourceRhkId: null,
  previousRhkId: null,
  sortOrder: 1,
  indicators: Array.from({ length: indicators }, (_, index) => ({ id: `${id}-${index}`, aspect: 'kuantitas' as const, text: `Indikator ${index + 1}`, targetValue: 1500.5, targetValueUpper: index === 1 ? 2000 : null, targetUnit: 'dokumen' })),
});
const skp = (overrides: Partial<SkpView>): SkpView => ({
  id: 's',
  year: 2026,
  startDate: '2026-07-01',
  endDate: '2026-12-31',
  employee: { ...person('Siti', '1'), unitId: null, unitName: 'Dinas' },
  assessor: person('Budi', '2'),
  assessorSuperior: person('Andi', '3'),
  status: 'approved',
  revision: 2,
  isInForce: true,
  previousRevisionId: null,
  revisionReason: null,
  supersededAt: null,
  approach: 'permenpanrb_6_2022',
  isJpt: false,
  dukunganSumberDaya: null,
  skemaPertanggungjawaban: null,
  konsekuensi: null,
  submittedAt: null,
  decidedAt: null,
  returnNote: null,
  rhk: [],
  ...overrides,
});
const tableRows = (blocks: Block[], index: number) => {
  const tables = blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
  return tables[index]?.rows.map((row) => ('group' in row ? `# ${row.group}` : row.cells.join(' | '))) ?? [];
};

describe('SKP document blocks', () => {
  it('formats Indonesian dates', () => {
    expect(formatIndonesianDate('2026-03-02')).toBe('2 Maret 2026');
    expect(formatIndonesianDate('2026-12-31')).toBe('31 Desember 2026');
  });

  it('groups RHK as utama / tambahan, one row per indicator, numbering only the first row of an RHK', () => {
    const blocks = buildSkpDocument({ skp: skp({ rhk: [rhk('a', 'utama', null, 2), rhk('b', 'tambahan', null)] }), ranks: { employee: 'III/a', assessor: null, assessorSuperior: null }, leaderExpectations: {}, dateLine: '2 Maret 2026' });
    expect(blocks[0]).toEqual({ kind: 'title', lines: ['SASARAN KINERJA PEGAWAI', 'PENDEKATAN HASIL KERJA KUANTITATIF', 'PERIODE: 1 JULI 2026 SAMPAI DENGAN 31 DESEMBER 2026'] });
    expect(tableRows(blocks, 0)).toEqual([
      '# A. UTAMA',
      '1 | Perjanjian kinerja: PK 2026 | RHK a | Kuantitas | Indikator 1 | 1.500,5 dokumen',
      ' |  |  | Kuantitas | Indikator 2 | 1.500,5 – 2.000 dokumen',
      '# B. TAMBAHAN',
      '1 | Perjanjian kinerja: PK 2026 | RHK b | Kuantitas | Indikator 1 | 1.500,5 dokumen',
    ]);
  });

  it('groups a JPT SKP by perspective and lists the seven BerAKHLAK values with the leader’s expectations', () => {
    const blocks = buildSkpDocument({
      skp: skp({ isJpt: true, rhk: [rhk('a', 'utama', 'penerima_layanan'), rhk('b', 'utama', 'anggaran')] }),
      ranks: { employee: null, assessor: null, assessorSuperior: null },
      leaderExpectations: { KOMPETEN: 'Mengikuti pelatihan kepemimpinan' },
      dateLine: '2 Maret 2026',
    });
    expect(tableRows(blocks, 0).filter((row) => row.startsWith('#'))).toEqual(['# A. UTAMA', '# Perspektif Penerima Layanan', '# Perspektif Anggaran', '# B. TAMBAHAN', '# (tidak ada)']);
    const behaviour = tableRows(blocks, 1);
    expect(behaviour).toHaveLength(7);
    expect(behaviour[2]).toMatch(/^3 \| Kompeten\n- .* \| Mengikuti pelatihan kepemimpinan$/s);
    expect(blocks.at(-1)).toEqual({ kind: 'signatures', dateLine: '2 Maret 2026', people: [{ role: 'Pegawai yang Dinilai', name: 'Siti', nip: '1' }, { role: 'Pejabat Penilai Kinerja', name: 'Budi', nip: '2' }] });
  });
});
