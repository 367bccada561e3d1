import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common';
import { timeZones } from './org';

export const deviceStatuses = ['active', 'quarantine', 'disabled'] as const;
export const deviceProtocols = ['adms', 'zk4370', 'file'] as const;
export const punchReviewStatuses = ['ok', 'unknown_pin', 'implausible_time', 'unknown_device', 'dismissed'] as const;
/** What the held-punch list filters on: the three reasons to hold, and the implausible punches an admin dismissed. */
export const heldPunchFilterStatuses = ['unknown_pin', 'implausible_time', 'unknown_device', 'dismissed'] as const;

const serialNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'Nomor seri hanya huruf, angka, - dan _ (maks. 64)' });
const pin = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z._-]{1,24}$/, { message: 'PIN hanya huruf, angka, titik, - dan _ (maks. 24)' });
/** The ADMS `TimeZone=` value: whole hours (7) or minutes (420), as the firmware expects. */
const pushTimeZone = z.string().trim().regex(/^-?\d{1,4}$/, { message: 'TimeZone harus angka jam (7) atau menit (420)' });
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, { message: 'Waktu harus berformat YYYY-MM-DD HH:MM:SS' });

export const device = z
  .object({
    id: z.uuid(),
    serialNumber: z.string(),
    name: z.string(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    location: z.string().nullable(),
    timeZone: z.string(),
    pushTimeZone: z.string(),
    status: z.enum(deviceStatuses),
    protocol: z.enum(deviceProtocols),
    host: z.string().nullable(),
    port: z.number().int().nullable(),
    hasCommKey: z.boolean(),
    firmware: z.string().nullable(),
    lastContactAt: z.string().nullable(),
    lastClockSkewSeconds: z.number().int().nullable(),
    lastPunchAt: z.string().nullable(),
    heldPunches: z.number().int(),
    mappingCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Device' });
export type Device = z.infer<typeof device>;

export const deviceList = z.object({ items: z.array(device) });
export const deviceListQuery = z.object({ status: z.enum(deviceStatuses).optional() });

const deviceFields = z.object({
  name: z.string().trim().min(1, { message: 'Nama mesin wajib diisi' }).max(120),
  unitId: z.uuid({ message: 'Unit tidak valid' }).nullable(),
  location: z.string().trim().max(200).nullable().default(null),
  timeZone: z.enum(timeZones).default('Asia/Jakarta'),
  pushTimeZone: pushTimeZone.default('7'),
  protocol: z.enum(deviceProtocols).default('adms'),
  host: z.string().trim().max(253).nullable().default(null),
  port: z.number().int().min(1).max(65535).nullable().default(null),
  commKey: z.string().trim().regex(/^\d{0,9}$/, { message: 'Comm key berupa angka' }).nullable().default(null),
});

export const createDeviceRequest = deviceFields.extend({ serialNumber });
export const updateDeviceRequest = deviceFields.partial();
/** Approving a quarantined device usually also places it: unit, name, zone. */
export const approveDeviceRequest = deviceFields.pick({ name: true, unitId: true, timeZone: true, pushTimeZone: true, location: true }).partial();

export const deviceMapping = z
  .object({
    id: z.uuid(),
    deviceId: z.uuid(),
    pin: z.string(),
    employeeId: z.uuid(),
    employeeName: z.string(),
    nip: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
  })
  .meta({ id: 'DeviceMapping' });
export const deviceMappingList = z.object({ items: z.array(deviceMapping) });
export const createDeviceMappingRequest = z
  .object({ pin, employeeId: z.uuid({ message: 'Pegawai tidak valid' }), startDate: isoDate, endDate: isoDate.nullable().default(null) })
  .refine((value) => value.endDate === null || value.endDate >= value.startDate, { message: 'Tanggal akhir tidak boleh sebelum tanggal mulai', path: ['endDate'] });
export const updateDeviceMappingRequest = z.object({ startDate: isoDate.optional(), endDate: isoDate.nullable().optional() });
export const mappingParams = z.object({ id: z.uuid({ message: 'ID tidak valid' }), mappingId: z.uuid({ message: 'ID tidak valid' }) });
export const mappingResult = z.object({ mapping: deviceMapping, resolvedPunches: z.number().int() });

export const heldPunch = z
  .object({
    id: z.number().int(),
    serialNumber: z.string(),
    deviceId: z.uuid().nullable(),
    deviceName: z.string().nullable(),
    pin: z.string(),
    localTime: z.string(),
    instant: z.string(),
    reviewStatus: z.enum(punchReviewStatuses),
    /** Why an admin dismissed (or accepted) it; null while undecided. */
    reviewNote: z.string().nullable(),
    source: z.enum(deviceProtocols),
  })
  .meta({ id: 'HeldPunch' });
/** Without `reviewStatus`: every punch still waiting for a decision (dismissed ones only when asked for). */
export const heldPunchQuery = pageQuery.extend({
  deviceId: z.uuid().optional(),
  reviewStatus: z.enum(heldPunchFilterStatuses).optional(),
});
export const heldPunchPage = pageOf(heldPunch);

export const punchIdParam = z.object({ id: z.coerce.number({ message: 'ID tidak valid' }).int({ message: 'ID tidak valid' }).positive({ message: 'ID tidak valid' }) });
const reviewReason = z.string().trim().min(5, { message: 'Alasan wajib diisi (minimal 5 karakter)' }).max(500, { message: 'Alasan paling banyak 500 karakter' });
const acceptNote = z.string().trim().max(500, { message: 'Catatan paling banyak 500 karakter' }).nullable().default(null);
/**
 * The decision on a punch held for an implausible time: accept (the time is right after all: it
 * counts, matched by PIN as usual) or dismiss with a reason (kept, never counted).
 */
export const heldPunchReviewRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), note: acceptNote }),
  z.object({ decision: z.literal('dismiss'), reason: reviewReason }),
]);
const deviceRange = {
  deviceId: z.uuid({ message: 'Mesin tidak valid' }),
  from: isoDate,
  to: isoDate,
};
/** The same decision for every implausible-time punch of one device whose local date is in [from, to]. */
export const heldPunchBulkReviewRequest = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), note: acceptNote, ...deviceRange }),
    z.object({ decision: z.literal('dismiss'), reason: reviewReason, ...deviceRange }),
  ])
  .refine((value) => value.to >= value.from, { message: 'Tanggal akhir tidak boleh sebelum tanggal mulai', path: ['to'] });
export const heldPunchReviewResult = z
  .object({
    decision: z.enum(['accept', 'dismiss']),
    /** Punches this decision changed. */
    reviewed: z.number().int(),
    /** Accepted and matched to an employee: they count now. */
    counted: z.number().int(),
    /** Accepted but their PIN has no mapping on that date: held again as unknown_pin. */
    unknownPin: z.number().int(),
    dismissed: z.number().int(),
    /** Accepted in bulk but still in the future by the server clock: left held. */
    skippedFuture: z.number().int(),
  })
  .meta({ id: 'HeldPunchReviewResult' });
export type HeldPunchReviewResult = z.infer<typeof heldPunchReviewResult>;

export const deviceCommandRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sync_user'), mappingId: z.uuid() }),
  z.object({ kind: z.literal('query_attlog'), startTime: localDateTime, endTime: localDateTime }),
  z.object({ kind: z.literal('verify_sum'), startTime: localDateTime, endTime: localDateTime }),
  z.object({ kind: z.literal('check') }),
  z.object({ kind: z.literal('info') }),
]);
export const deviceCommand = z
  .object({
    id: z.number().int(),
    command: z.string(),
    status: z.enum(['pending', 'sent', 'done', 'failed']),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    returnCode: z.number().int().nullable(),
    result: z.string().nullable(),
  })
  .meta({ id: 'DeviceCommand' });
export const deviceCommandList = z.object({ items: z.array(deviceCommand) });

export const punchImportQuery = z.object({
  serialNumber: serialNumber.optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});
export const punchImportResult = z
  .object({
    dryRun: z.boolean(),
    isCommitted: z.boolean(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    inserted: z.number().int(),
    duplicates: z.number().int(),
    held: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  })
  .meta({ id: 'PunchImportResult' });
export type PunchImportResult = z.infer<typeof punchImportResult>;
