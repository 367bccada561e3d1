import { and, asc, eq, inArray } from 'drizzle-orm';
import { formatCommands, formatHandshake, parseCommandResults, parseInfo, parseOperlog, parseOptionsBody } from '../../../../domain/attendance/adms-protocol';
import { isSafeCommand } from '../../../../domain/attendance/adms-commands';
import type { Database } from '../../../db/client';
import { deviceCommands } from '../../../db/schema';
import { systemContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { findDeviceBySerial, insertQuarantineDevice, updateDeviceContact, type DeviceRow } from '../devices/devices.repository';
import { notifyPunchesIngested, type OnPunchesIngested } from '../punches/punch-hooks';
import { processAttlogMessage } from '../punches/process-attlog-message';
import { markRawMessage, storeRawMessage } from '../punches/raw-messages.repository';
import { measureClockSkew } from './adms-device-time';
import { findRegionZone } from '../../../platform/region-zone';

export interface AdmsDeps {
  db: Database;
  clock: Clock;
  onPunchesIngested?: OnPunchesIngested;
  logError?: (error: unknown) => void;
}

/** A reply to the device: plain text; `isRefused` → HTTP 403 (disabled device). */
export interface AdmsReply {
  isRefused: boolean;
  text: string;
}

const ok = (text = 'OK'): AdmsReply => ({ isRefused: false, text });
const refused: AdmsReply = { isRefused: true, text: 'ERROR: mesin dinonaktifkan' };

/**
 * The device row for a serial; an unknown serial is enrolled in quarantine on first contact
 * (audited), so that an admin sees it and its data is kept but not counted.
 */
async function resolveDevice(deps: AdmsDeps, serialNumber: string): Promise<DeviceRow> {
  const existing = await findDeviceBySerial(deps.db, serialNumber);
  if (existing) return existing;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { row, isNew } = await insertQuarantineDevice(tx, serialNumber, now);
    if (isNew) {
      await recordAudit(tx, systemContext('adms', deps.clock, await findRegionZone(tx)), {
        action: 'quarantine',
        entityType: 'device',
        entityId: row.id,
        after: { serialNumber, status: 'quarantine' },
      });
    }
    return row;
  });
}

/** `GET /iclock/cdata?SN=…&options=all`: the options the device should use, TimeZone included. */
export async function answerHandshake(deps: AdmsDeps, input: { serialNumber: string; query: Record<string, string | undefined> }): Promise<AdmsReply> {
  const device = await resolveDevice(deps, input.serialNumber);
  if (device.status === 'disabled') return refused;
  const now = deps.clock.now();
  await updateDeviceContact(deps.db, device.id, {
    at: now,
    firmware: input.query.pushver ? `push ${input.query.pushver}` : null,
    skewSeconds: measureClockSkew(input.query, device.timeZone, now),
  });
  return ok(formatHandshake({ serialNumber: device.serialNumber, attlogStamp: device.lastAttlogStamp, pushTimeZone: device.pushTimeZone }));
}

/** `GET /iclock/ping`: heartbeat. */
export async function answerHeartbeat(deps: AdmsDeps, input: { serialNumber: string; query: Record<string, string | undefined> }): Promise<AdmsReply> {
  const device = await resolveDevice(deps, input.serialNumber);
  if (device.status === 'disabled') return refused;
  const now = deps.clock.now();
  await updateDeviceContact(deps.db, device.id, { at: now, skewSeconds: measureClockSkew(input.query, device.timeZone, now) });
  return ok();
}

/**
 * `POST /iclock/cdata?table=…`: the body is stored first (committed on its own), then parsed.
 * ATTLOG is acknowledged with `OK:<n>` only after its punches are committed; if that fails the
 * device gets an error and re-sends, and the stored message can be re-parsed.
 */
export async function receiveUpload(
  deps: AdmsDeps,
  input: { serialNumber: string; table: string; stamp: string | null; rawQuery: string; body: Buffer },
): Promise<AdmsReply> {
  const device = await resolveDevice(deps, input.serialNumber);
  if (device.status === 'disabled') return refused;
  const receivedAt = deps.clock.now();
  // The table name is device input too: anything odd is stored under one neutral kind.
  const table = /^[A-Za-z]{1,20}$/.test(input.table) ? input.table.toUpperCase() : 'UNKNOWN';
  const kind = table === 'OPTIONS' ? 'options' : table;
  const rawMessageId = await storeRawMessage(deps.db, { serialNumber: device.serialNumber, channel: 'adms', kind, query: input.rawQuery, body: input.body, receivedAt });

  if (table === 'ATTLOG') {
    const outcome = await deps.db.transaction(async (tx) => {
      const result = await processAttlogMessage(tx, { rawMessageId, serialNumber: device.serialNumber, source: 'adms', body: input.body, receivedAt, parsedAt: receivedAt });
      await updateDeviceContact(tx, device.id, { at: receivedAt, ...(input.stamp ? { attlogStamp: input.stamp } : {}) });
      return result;
    });
    await notifyPunchesIngested(deps.onPunchesIngested, outcome.affected, deps.logError);
    return ok(`OK:${outcome.accepted}`);
  }

  const text = input.body.toString('utf8');
  await deps.db.transaction(async (tx) => {
    if (kind === 'options') {
      const options = parseOptionsBody(text);
      await updateDeviceContact(tx, device.id, {
        at: receivedAt,
        options,
        firmware: options.FWVersion ?? null,
        skewSeconds: measureClockSkew(options, device.timeZone, receivedAt),
      });
      await markRawMessage(tx, rawMessageId, { status: 'parsed', error: null, recordCount: Object.keys(options).length, parsedAt: receivedAt });
      return;
    }
    if (table === 'OPERLOG') {
      const summary = parseOperlog(text);
      const userCount = summary.users.length;
      // Enrolled users are kept on the device row for the PIN-mapping screen (latest upload wins per PIN).
      const users = Object.fromEntries(summary.users.map((user) => [`user:${user.pin}`, user.name ?? '']));
      await updateDeviceContact(tx, device.id, { at: receivedAt, ...(userCount > 0 ? { options: users } : {}) });
      await markRawMessage(tx, rawMessageId, {
        status: 'parsed',
        error: summary.other > 0 ? `${summary.other} baris OPERLOG tidak dikenal` : null,
        recordCount: summary.operations + userCount + summary.fingerprints,
        parsedAt: receivedAt,
      });
      return;
    }
    // Photos and other tables: kept raw, nothing to derive from them.
    await updateDeviceContact(tx, device.id, { at: receivedAt });
    await markRawMessage(tx, rawMessageId, { status: 'parsed', error: null, recordCount: null, parsedAt: receivedAt });
  });
  if (kind === 'options') return ok();
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
  return ok(`OK:${lines}`);
}

/** `GET /iclock/getrequest`: pending safe commands (marked sent), or `OK`. */
export async function answerCommandPoll(deps: AdmsDeps, input: { serialNumber: string; query: Record<string, string | undefined> }): Promise<AdmsReply> {
  const device = await resolveDevice(deps, input.serialNumber);
  if (device.status === 'disabled') return refused;
  const now = deps.clock.now();
  const info = input.query.INFO ? parseInfo(input.query.INFO) : null;
  return deps.db.transaction(async (tx) => {
    await updateDeviceContact(tx, device.id, {
      at: now,
      firmware: info?.firmware ?? null,
      skewSeconds: measureClockSkew(input.query, device.timeZone, now),
      ...(info?.attlogCount !== null && info?.attlogCount !== undefined ? { options: { attlogCount: String(info.attlogCount) } } : {}),
    });
    if (device.status !== 'active') return ok();
    const pending = await tx
      .select({ id: deviceCommands.id, command: deviceCommands.command })
      .from(deviceCommands)
      .where(and(eq(deviceCommands.deviceId, device.id), eq(deviceCommands.status, 'pending')))
      .orderBy(asc(deviceCommands.id))
      .limit(20)
      .for('update');
    const safe = pending.filter((command) => isSafeCommand(command.command));
    if (safe.length === 0) return ok();
    await tx.update(deviceCommands).set({ status: 'sent', sentAt: now }).where(inArray(deviceCommands.id, safe.map((command) => command.id)));
    return ok(formatCommands(safe));
  });
}

/** `POST /iclock/devicecmd`: results `ID=…&Return=…&CMD=…`; Return ≥ 0 = done. */
export async function receiveCommandResults(deps: AdmsDeps, input: { serialNumber: string; rawQuery: string; body: Buffer }): Promise<AdmsReply> {
  const device = await resolveDevice(deps, input.serialNumber);
  if (device.status === 'disabled') return refused;
  const now = deps.clock.now();
  const rawMessageId = await storeRawMessage(deps.db, { serialNumber: device.serialNumber, channel: 'adms', kind: 'devicecmd', query: input.rawQuery, body: input.body, receivedAt: now });
  const results = parseCommandResults(input.body.toString('utf8'));
  await deps.db.transaction(async (tx) => {
    for (const result of results) {
      await tx
        .update(deviceCommands)
        .set({
          status: result.returnCode !== null && result.returnCode >= 0 ? 'done' : 'failed',
          completedAt: now,
          returnCode: result.returnCode,
          result: result.line.slice(0, 2000),
        })
        .where(and(eq(deviceCommands.id, result.id), eq(deviceCommands.deviceId, device.id), inArray(deviceCommands.status, ['sent', 'pending'])));
    }
    await updateDeviceContact(tx, device.id, { at: now });
    await markRawMessage(tx, rawMessageId, { status: 'parsed', error: null, recordCount: results.length, parsedAt: now });
  });
  return ok();
}
