import { parseAttlog } from '../../../../domain/attendance/adms-protocol';
import type { PunchSource, RejectedLine } from '../../../../domain/attendance/punch-record';
import type { Executor } from '../../../db/client';
import { ingestPunchRecords, type IngestPunchResult } from './ingest-punch-records';
import { markRawMessage } from './raw-messages.repository';

export interface AttlogOutcome extends IngestPunchResult {
  /** Lines read as records (new or already known). */
  accepted: number;
  rejected: RejectedLine[];
}

const MAX_REPORTED_LINES = 20;

/** What a parse error column can hold: the count and the first few bad lines with their reason. */
export function describeRejected(rejected: RejectedLine[]): string | null {
  if (rejected.length === 0) return null;
  const shown = rejected.slice(0, MAX_REPORTED_LINES).map((line) => `baris ${line.line}: ${line.message}`);
  return `${rejected.length} baris tidak dapat dibaca; ${shown.join('; ')}`;
}

/**
 * Parses a stored ATTLOG message and ingests its records, then writes the parse outcome onto the
 * raw message — all in the caller's transaction, so the device is acknowledged only after commit.
 * Garbage lines stay in the raw message and are reported; they never abort the good ones.
 */
export async function processAttlogMessage(
  executor: Executor,
  input: { rawMessageId: number; serialNumber: string; source: PunchSource; body: Buffer; receivedAt: Date; parsedAt: Date },
): Promise<AttlogOutcome> {
  const { records, rejected } = parseAttlog(input.body.toString('utf8'));
  const result = await ingestPunchRecords(executor, {
    serialNumber: input.serialNumber,
    source: input.source,
    rawMessageId: input.rawMessageId,
    records,
    now: input.receivedAt,
  });
  await markRawMessage(executor, input.rawMessageId, {
    status: records.length === 0 && rejected.length > 0 ? 'failed' : 'parsed',
    error: describeRejected(rejected),
    recordCount: records.length,
    parsedAt: input.parsedAt,
  });
  return { ...result, accepted: records.length, rejected };
}
