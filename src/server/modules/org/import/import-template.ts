import { writeWorkbook } from '../export/write-workbook';
import { entityLabel, importColumns, type ImportEntity } from './import-columns';

/**
 * An empty import sheet: the headers and one example row (to be replaced), plus a "Petunjuk"
 * sheet describing each column. The importer reads only the first sheet.
 */
export async function buildImportTemplate(entity: ImportEntity): Promise<Buffer> {
  const columns = importColumns[entity].filter((column) => !column.isInformational);
  return writeWorkbook([
    {
      name: `Impor ${entityLabel[entity]}`,
      header: columns.map((column) => column.name),
      rows: [columns.map((column) => column.example)],
      isText: true,
    },
    {
      name: 'Petunjuk',
      header: ['kolom', 'wajib', 'keterangan'],
      rows: [
        ...columns.map((column) => [column.name, column.isRequired ? 'ya' : 'tidak', column.description]),
        ['', '', ''],
        ['', '', 'Baris 2 pada lembar pertama hanya contoh: ganti atau hapus sebelum mengimpor.'],
        ['', '', 'Kode/NIP yang sudah ada memperbarui data; yang belum ada menambah data baru.'],
        ['', '', 'Kolom yang tidak disertakan tidak mengubah data tersimpan; sel kosong mengosongkan nilai opsional.'],
        ['', '', 'Jalankan uji coba (dry run) dulu: tidak ada yang disimpan bila satu baris pun salah.'],
      ],
    },
  ]);
}

export const templateFileName = (entity: ImportEntity) => `templat-impor-${entityLabel[entity]}.xlsx`;
