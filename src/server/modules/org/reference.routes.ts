import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { employeeStatuses, jenisJabatanValues, referenceData, unitKinds } from '../../../contracts/org';
import { golonganTable } from '../../../domain/org/golongan';
import { employeeStatusLabels, jenisJabatanLabels, unitKindLabels } from '../../../domain/org/labels';

/** Built once: the labels are code, not data that changes at run time. */
const reference = {
  golongan: golonganTable.map(({ code, pangkat, jenisAsn }) => ({ code, pangkat, jenisAsn })),
  jenisJabatan: jenisJabatanValues.map((value) => ({ value, label: jenisJabatanLabels[value] })),
  unitKinds: unitKinds.map((value) => ({ value, label: unitKindLabels[value] })),
  employeeStatuses: employeeStatuses.map((value) => ({ value, label: employeeStatusLabels[value] })),
} satisfies z.infer<typeof referenceData>;

export function registerReferenceRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/reference',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['referensi'], summary: 'Golongan/pangkat, jenis jabatan, jenis unit, status pegawai (label Indonesia)', response: { 200: referenceData } },
    },
    async () => reference,
  );
}
