import { z } from 'zod';
import { ASSESSOR_DESIGNATION_KINDS } from '../domain/skp/vocabulary';
import { isoDate } from './common';

/**
 * Pejabat penilai for the top of the tree (issue 5): the assessor BKPSDM designates for a position
 * whose holders have no superior of record — an employee (the Sekda for a kepala OPD), or the
 * kepala daerah by name and title (for the Sekda) — and the list of employees still without one.
 */
export { ASSESSOR_DESIGNATION_KINDS, type AssessorDesignationKind } from '../domain/skp/vocabulary';

const nameText = (label: string) =>
  z.string().trim().min(3, { message: `${label} minimal 3 huruf` }).max(200, { message: `${label} maksimal 200 huruf` }).nullable().default(null);

export const assessorDesignationBody = z.object({
  positionId: z.uuid({ message: 'ID jabatan tidak valid' }),
  kind: z.enum(ASSESSOR_DESIGNATION_KINDS, { message: 'Jenis penetapan harus employee (pegawai) atau kepala_daerah' }),
  /** kind = employee: the designated assessor. */
  assessorEmployeeId: z.uuid({ message: 'ID pegawai tidak valid' }).nullable().default(null),
  /** kind = kepala_daerah: the official's name with titles, and the title of office ("Bupati Contoh"). */
  officialName: nameText('Nama kepala daerah'),
  officialTitle: nameText('Jabatan kepala daerah'),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  /** The basis: the regulation, a decision letter. */
  reason: z.string().trim().min(3, { message: 'Dasar penetapan wajib diisi (minimal 3 huruf)' }).max(1000, { message: 'Dasar penetapan maksimal 1000 huruf' }),
});
export type AssessorDesignationBody = z.infer<typeof assessorDesignationBody>;

export const endDesignationBody = z.object({ endDate: isoDate });

export const assessorDesignationView = z.object({
  id: z.string(),
  positionId: z.string(),
  positionName: z.string(),
  unitName: z.string(),
  kind: z.enum(ASSESSOR_DESIGNATION_KINDS),
  assessor: z.object({ employeeId: z.string(), name: z.string(), nip: z.string() }).nullable(),
  officialName: z.string().nullable(),
  officialTitle: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string(),
  createdByName: z.string().nullable(),
  /** In force today (WIB). */
  isInForce: z.boolean(),
});
export type AssessorDesignationView = z.infer<typeof assessorDesignationView>;

export const assessorDesignationList = z.object({ items: z.array(assessorDesignationView) });

export const withoutAssessorQuery = z.object({ date: isoDate.optional() });

/** Active employees for whom neither the superior rule nor a designation gives a pejabat penilai on the date. */
export const withoutAssessorList = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      employeeId: z.string(),
      nip: z.string(),
      name: z.string(),
      positionId: z.string().nullable(),
      positionName: z.string().nullable(),
      unitName: z.string().nullable(),
    }),
  ),
});
export type WithoutAssessorList = z.infer<typeof withoutAssessorList>;
