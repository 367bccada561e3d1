import type { Executor } from '../../../../db/client';
import { writeWorkbook } from '../../../org/export/write-workbook';
import { CATALOGUE_COLUMNS } from './catalogue-columns';
import { findAllCatalogueItems } from './catalogue.repository';

export const CATALOGUE_TEMPLATE_FILE = 'templat-impor-katalog-kegiatan.xlsx';
export const catalogueExportFileName = (date: string) => `katalog-kegiatan-${date}.xlsx`;

const guide = (columns: typeof CATALOGUE_COLUMNS) => ({
  name: 'Petunjuk',
  header: ['kolom', 'wajib', 'keterangan'],
  rows: [
    ...columns.map((spec) => [spec.name, spec.isRequired ? 'ya' : 'tidak', spec.description]),
    ['', '', ''],
    ['', '', 'Kode yang sudah ada memperbarui kegiatan; yang belum ada menambah kegiatan baru.'],
    ['', '', 'Perubahan nama, uraian, satuan output atau waktu standar membuat versi baru; entri yang sudah dibuat tetap memakai versinya.'],
    ['', '', 'Kolom yang tidak disertakan tidak mengubah data tersimpan.'],
    ['', '', 'Jalankan uji coba (dry run) dulu: tidak ada yang disimpan bila satu baris pun salah.'],
  ],
});

/** An empty catalogue sheet (headers and one example row) and a guide sheet. The importer reads the first sheet only. */
export async function buildCatalogueTemplate(): Promise<Buffer> {
  const columns = CATALOGUE_COLUMNS.filter((spec) => !spec.isInformational);
  return writeWorkbook([
    { name: 'Impor katalog kegiatan', header: columns.map((spec) => spec.name), rows: [columns.map((spec) => spec.example)], isText: true },
    guide(columns),
  ]);
}

/** The whole catalogue (current versions) in the import format: an exported file re-imports unchanged. */
export async function exportCatalogue(executor: Executor): Promise<Buffer> {
  const items = await findAllCatalogueItems(executor);
  const rows = items.map((item) => [
    item.code,
    item.name,
    item.outputUnit,
    String(item.standardMinutes),
    item.description ?? '',
    item.positionCode ?? '',
    item.effectiveFrom,
    item.isActive ? 'ya' : 'tidak',
    item.positionName ?? '',
    item.unitName ?? '',
    String(item.currentVersion),
  ]);
  return writeWorkbook([{ name: 'Katalog kegiatan', header: CATALOGUE_COLUMNS.map((spec) => spec.name), rows, isText: true }, guide(CATALOGUE_COLUMNS)]);
}
