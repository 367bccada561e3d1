import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { deviceRawMessages } from '../../../db/schema';

export type RawMessageChannel = 'adms' | 'zk4370' | 'file';
export type RawMessageStatus = 'pending' | 'parsed' | 'failed' | 'quarantined';

export interface StoreRawMessageInput {
  serialNumber: string;
  channel: RawMessageChannel;
  /** What the message is: ATTLOG, OPERLOG, options, punch_file … (decides how it is re-parsed). */
  kind: string;
  query: string | null;
  body: Buffer;
  receivedAt: Date;
}

/**
 * Keeps a message exactly as received, before anything parses it, so a parser fix can read it
 * again. Callers run this outside (before) the transaction that ingests its records.
 */
export async function storeRawMessage(executor: Executor, input: StoreRawMessageInput): Promise<number> {
  const [row] = await executor
    .insert(deviceRawMessages)
    .values({
      serialNumber: input.serialNumber,
      channel: input.channel,
      kind: input.kind,
      query: input.query,
      body: input.body,
      receivedAt: input.receivedAt,
    })
    .returning({ id: deviceRawMessages.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function markRawMessage(
  executor: Executor,
  id: number,
  outcome: { status: RawMessageStatus; error: string | null; recordCount: number | null; parsedAt: Date },
): Promise<void> {
  await executor
    .update(deviceRawMessages)
    .set({ parseStatus: outcome.status, parseError: outcome.error, recordCount: outcome.recordCount, parsedAt: outcome.parsedAt })
    .where(eq(deviceRawMessages.id, id));
}

export async function findRawMessage(executor: Executor, id: number) {
  const [row] = await executor.select().from(deviceRawMessages).where(eq(deviceRawMessages.id, id));
  return row ?? null;
}
