import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../src/server/modules/org/import/import-columns';
import { MAX_IMPORT_ROWS, parseSheet } from '../../src/server/modules/org/import/parse-sheet';
import { AppError } from '../../src/server/platform/errors';

/** Reading uploads: the part of the import that needs no database. */
describe('parseSheet', () => {
  it('reads comma csv with quotes, a BOM and Windows line ends', async () => {
    const text = '\uFEFFkode,nama,jenis\r\n"A.1","Dinas ""Contoh"", Bagian Umum",opd\r\n';
    const sheet = await parseSheet(Buffer.from(text, 'utf8'));
    expect(sheet.format).toBe('csv');
    expect(sheet.header).toEqual(['kode', 'nama', 'jenis']);
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: ['A.1', 'Dinas "Contoh", Bagian Umum', 'opd'], issues: [] }]);
  });

  it('reads semicolon csv (Indonesian Excel) even when values contain commas', async () => {
    const sheet = await parseSheet(Buffer.from('kode;nama;jenis\nA;Bagian Umum, Keuangan;bagian\n'));
    expect(sheet.rows[0]?.cells).toEqual(['A', 'Bagian Umum, Keuangan', 'bagian']);
  });

  it('refuses text that is not UTF-8 and binary content', async () => {
    const latin1 = Buffer.from([0x6b, 0x6f, 0x64, 0x65, 0x0a, 0x53, 0xe9, 0x6e, 0x0a]);
    await expect(parseSheet(latin1)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    await expect(parseSheet(Buffer.from([0x6b, 0x00, 0x64, 0x65]))).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });

  it('reads xlsx cells of every kind as text and flags numbers that lost digits', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Pegawai');
    sheet.addRow(['nip', 'tmt_jabatan', 'email', 'nama', 'kelas']);
    sheet.addRow([Number('198609262015052002'), new Date(Date.UTC(2024, 1, 1)), { text: 'siti@contoh.go.id', hyperlink: 'mailto:siti@contoh.go.id' }, { richText: [{ text: 'Siti ' }, { text: 'Aminah' }] }, { formula: '4+5', result: 9 }]);
    sheet.addRow([]);
    sheet.addRow(['198609262015052002', '2024-02-01', '', 'Siti', 9]);
    const buffer = Buffer.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const parsed = await parseSheet(buffer);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rows.map((row) => row.rowNumber)).toEqual([2, 4]);
    expect(parsed.rows[0]?.cells.slice(1)).toEqual(['2024-02-01', 'siti@contoh.go.id', 'Siti Aminah', '9']);
    expect(parsed.rows[0]?.issues).toEqual([{ columnIndex: 0, message: expect.stringContaining('sebagai teks') }]);
    expect(parsed.rows[1]?.cells).toEqual(['198609262015052002', '2024-02-01', '', 'Siti', '9']);
    expect(parsed.rows[1]?.issues).toEqual([]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} data rows with a clear message`, async () => {
    const lines = ['kode,nama,jenis', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `U${index},Unit ${index},opd`)];
    const error = await parseSheet(Buffer.from(lines.join('\n'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('20.000 baris');
    const atLimit = await parseSheet(Buffer.from(lines.slice(0, MAX_IMPORT_ROWS + 1).join('\n')));
    expect(atLimit.rows).toHaveLength(MAX_IMPORT_ROWS);
  });
});

describe('mapHeader', () => {
  it('rejects duplicated columns and untitled columns that hold data, accepts export-only columns', () => {
    const rows = [{ rowNumber: 2, cells: ['A', 'Unit A', 'opd', '', 'isi'], issues: [] }];
    const result = mapHeader('units', ['kode', 'nama', 'jenis', 'Nama', ''], rows);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'nama', message: 'Kolom "nama" muncul lebih dari sekali' },
        { row: 1, column: null, message: 'Kolom ke-5 tidak berjudul tetapi berisi data' },
      ]),
    );
    const withExportColumns = mapHeader('units', ['kode', 'nama', 'jenis', 'nama_induk', 'aktif', ''], [{ rowNumber: 2, cells: ['A', 'B', 'opd', 'X', 'ya'], issues: [] }]);
    expect(withExportColumns.ok).toBe(true);
  });
});
