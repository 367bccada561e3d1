import { z } from 'zod';

export const errorResponse = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

export const uuidParam = z.object({ id: z.uuid({ message: 'ID tidak valid' }) });

/** YYYY-MM-DD calendar date. */
export const isoDate = z.iso.date({ message: 'Tanggal harus berformat YYYY-MM-DD' });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const okResponse = z.object({ ok: z.literal(true) });
