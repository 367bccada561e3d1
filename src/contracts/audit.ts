import { z } from 'zod';
import { pageOf } from './common';

export const auditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  requestId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true, message: 'Waktu awal harus ISO 8601' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'Waktu akhir harus ISO 8601' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

export const auditPage = pageOf(auditEntry);

/** The kinds of data the trail has entries about, for the filter's suggestions. */
export const auditEntityTypes = z.object({ items: z.array(z.string()) });
