/** The kepala daerah as BKPSDM designates them, and a JPT RHK cascading from the performance agreement. */
export const BUPATI = { officialName: 'Dr. H. Bupati Uji, M.Si.', officialTitle: 'Bupati Uji' };
export const BUPATI_LABEL = 'Dr. H. Bupati Uji, M.Si. (Bupati Uji)';
export const indicator = { aspect: 'kuantitas', text: 'Jumlah dokumen kebijakan yang ditetapkan', targetValue: 4, targetUnit: 'dokumen' };
export const jptRhk = {
  kind: 'utama',
  text: 'Meningkatnya kinerja penyelenggaraan pemerintahan',
  perspective: 'penerima_layanan',
  supportedAgreementText: 'Perjanjian kinerja 2026, sasaran 1',
  indicators: [indicator],
};
