import type { Database } from '../../../db/client';
import { systemClock, type Clock } from '../../../platform/clock';
import { notFound } from '../../../platform/errors';
import { ingestPunchRecords } from './ingest-punch-records';
import { processAttlogMessage } from './process-attlog-message';
import { notifyPunchesIngested, type AffectedDay, type OnPunchesIngested } from './punch-hooks';
import { findRawMessage, markRawMessage } from './raw-messages.repository';
import { readPunchFile } from './import-punch-file';
import { decodeZkRawMessage } from '../zk/zk-punch-records';

export interface ReparseOutcome {
  kind: string;
  accepted: number;
  inserted: number;
  duplicates: number;
  held: number;
  errors: number;
}

/**
 * Parses a stored message again (after a parser fix, or after it failed). Idempotent: punches
 * already stored are duplicates, so only what was missed is added. "Now" for the plausibility
 * check is the message's receipt time, so a re-parse judges it as it was judged on arrival.
 */
export async function reparseRawMessage(db: Database, id: number, options: { clock?: Clock; onPunchesIngested?: OnPunchesIngested } = {}): Promise<ReparseOutcome> {
  const message = await findRawMessage(db, id);
  if (!message) throw notFound('Pesan mentah');
  const parsedAt = (options.clock ?? systemClock).now();
  const source = message.channel === 'zk4370' ? 'zk4370' : message.channel === 'file' ? 'file' : 'adms';
  let affected: AffectedDay[] = [];
  let outcome: ReparseOutcome;
  if (message.kind === 'punch_file') {
    const serialArgument = message.query?.startsWith('serial=') ? message.query.slice('serial='.length) : null;
    const content = await readPunchFile(message.body, serialArgument);
    outcome = await db.transaction(async (tx) => {
      const totals: ReparseOutcome = { kind: message.kind, accepted: content.rows.length, inserted: 0, duplicates: 0, held: 0, errors: content.errors.length };
      const serials = new Set(content.rows.map((row) => row.serialNumber));
      for (const serialNumber of serials) {
        const records = content.rows.filter((row) => row.serialNumber === serialNumber).map((row) => row.record);
        const result = await ingestPunchRecords(tx, { serialNumber, source, rawMessageId: id, records, now: message.receivedAt });
        totals.inserted += result.inserted;
        totals.duplicates += result.duplicates;
        totals.held += result.held;
        affected.push(...result.affected);
      }
      await markRawMessage(tx, id, {
        status: content.errors.length > 0 && content.rows.length === 0 ? 'failed' : 'parsed',
        error: content.errors.length > 0 ? `${content.errors.length} baris tidak dapat dibaca` : null,
        recordCount: content.rows.length,
        parsedAt,
      });
      return totals;
    });
  } else if (message.kind === 'ATTLOG') {
    const result = await db.transaction((tx) =>
      processAttlogMessage(tx, { rawMessageId: id, serialNumber: message.serialNumber, source, body: message.body, receivedAt: message.receivedAt, parsedAt }),
    );
    affected = result.affected;
    outcome = { kind: message.kind, accepted: result.accepted, inserted: result.inserted, duplicates: result.duplicates, held: result.held, errors: result.rejected.length };
  } else if (message.kind === 'zk_attlog') {
    // A binary attendance buffer pulled over port 4370; the record count is in the query.
    const { records, rejected } = decodeZkRawMessage(message.body, message.query);
    outcome = await db.transaction(async (tx) => {
      const result = await ingestPunchRecords(tx, { serialNumber: message.serialNumber, source, rawMessageId: id, records, now: message.receivedAt });
      affected = result.affected;
      await markRawMessage(tx, id, { status: 'parsed', error: rejected.length > 0 ? `${rejected.length} catatan ditolak` : null, recordCount: records.length, parsedAt });
      return { kind: message.kind, accepted: records.length, inserted: result.inserted, duplicates: result.duplicates, held: result.held, errors: rejected.length };
    });
  } else {
    // Options, OPERLOG, command results carry no punches: nothing to derive again.
    outcome = { kind: message.kind, accepted: 0, inserted: 0, duplicates: 0, held: 0, errors: 0 };
  }
  await notifyPunchesIngested(options.onPunchesIngested, affected);
  return outcome;
}
