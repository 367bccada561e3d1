import { describe, expect, it } from 'vitest';
import type { SkpView } from '../../../src/contracts/skp';
import type { Block } from '../../../src/server/platform/pdf-blocks';
import type { EvaluationView } from '../../../src/contracts/skp-evaluation';
import { buildEvaluationDocument, buildSkpDocument } from '../../../src/server/modules/skp/documents/skp-documents';

const person = (name: string, nip: string) => ({ employeeId: nip, name, nip, positionId: null, positionName: 'Jabatan' });
const assessor = (name: string, nip: string) => ({ ...person(name, nip), kind: 'superior' as const });
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
  assessor: assessor('Budi', '2'),
  assessorSuperior: assessor('Andi', '3'),
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
  decidedOnBehalf: null,
  rhk: [],
  ...overrides,
});
const tableRows = (blocks: Block[], index: number) => {
  const tables = blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
  return tables[index]?.rows.map((row) => ('group' in row ? `# ${row.group}` : row.cells.join(' | '))) ?? [];
};

describe('SKP document blocks', () => {
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

  it('prints the kepala daerah as assessor without a NIP, and a decision BKPSDM recorded on the official’s behalf', () => {
    const kepalaDaerah = { kind: 'kepala_daerah' as const, employeeId: null, name: 'H. Bupati Uji', nip: null, positionId: null, positionName: 'Bupati Uji' };
    const blocks = buildSkpDocument({
      skp: skp({ assessor: kepalaDaerah, assessorSuperior: { ...kepalaDaerah, kind: null, name: null, positionName: null }, decidedOnBehalf: { officialName: 'H. Bupati Uji (Bupati Uji)', reason: 'Disposisi 800/1', recordedByName: 'Admin BKPSDM' } }),
      ranks: { employee: 'IV/d', assessor: null, assessorSuperior: null },
      leaderExpectations: {},
      dateLine: '2 Maret 2026',
    });
    const identity = blocks.find((block): block is Extract<Block, { kind: 'identity' }> => block.kind === 'identity');
    expect(identity?.right.rows).toEqual([
      ['Nama', 'H. Bupati Uji'],
      ['NIP', '-'],
      ['Pangkat/Gol. Ruang', '-'],
      ['Jabatan', 'Bupati Uji'],
      ['Unit Kerja', '-'],
    ]);
    const fields = blocks.find((block): block is Extract<Block, { kind: 'fields' }> => block.kind === 'fields');
    expect(fields?.rows[1]).toEqual(['Persetujuan', 'Dicatat oleh Admin BKPSDM (admin BKPSDM) atas nama H. Bupati Uji (Bupati Uji). Dasar: Disposisi 800/1']);
    expect(blocks.at(-1)).toMatchObject({ people: [{ role: 'Pegawai yang Dinilai' }, { role: 'Pejabat Penilai Kinerja\nBupati Uji', name: 'H. Bupati Uji', nip: null }] });
  });

  it('prints each PP 46/2011 behaviour aspect with jumlah and nilai rata-rata', () => {
    const evaluation: EvaluationView = {
      id: 'e',
      skpId: 's',
      periodKind: 'annual',
      periodKey: '2026',
      hasilKerjaRating: null,
      perilakuKerjaRating: null,
      behaviourNotes: {},
      leaderExpectations: {},
      predikat: null,
      pp46: {
        skpScore: 89.67,
        behaviourScore: 82,
        finalScore: 86.6,
        band: 'Baik',
        behaviour: { orientasiPelayanan: 80, integritas: 85, komitmen: 90, disiplin: 75, kerjaSama: 80, kepemimpinan: null, jumlah: 410, aspectCount: 5 },
        creativity: 'unit_kerja',
      },
      assessor: { employeeId: '2', name: 'Budi' },
      onBehalf: null,
      isCarriedOver: false,
      isFinal: false,
      finalisedAt: null,
      updatedAt: '2026-12-20T00:00:00.000Z',
    };
    const blocks = buildEvaluationDocument({
      skp: skp({}),
      ranks: { employee: null, assessor: null, assessorSuperior: null },
      evaluation,
      period: { startDate: '2026-01-01', endDate: '2026-12-31' },
      board: { skpId: 's', periodKind: 'month', today: '2026-12-20', periods: [], rhk: [], canRecord: false, canGiveFeedback: false, feedbackOnBehalfOf: null },
      unitPredikat: null,
      dateLine: '20 Desember 2026',
    });
    const tables = blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
    expect(tables.at(-1)?.rows.map((row) => ('cells' in row ? row.cells.join(' | ') : row.group))).toEqual([
      '1 | Orientasi Pelayanan | 80,00',
      '2 | Integritas | 85,00',
      '3 | Komitmen | 90,00',
      '4 | Disiplin | 75,00',
      '5 | Kerja Sama | 80,00',
      ' | Jumlah | 410,00',
      ' | Nilai rata-rata (5 aspek) | 82,00',
    ]);
    const fields = blocks.filter((block): block is Extract<Block, { kind: 'fields' }> => block.kind === 'fields').at(-1);
    expect(fields?.rows).toEqual([
      ['Nilai capaian SKP', '89,67'],
      ['Kreativitas', 'unit kerja (+3)'],
      ['Nilai perilaku kerja', '82,00'],
      ['Nilai prestasi kerja (60 % SKP + 40 % perilaku)', '86,60 (Baik)'],
    ]);
  });
});
