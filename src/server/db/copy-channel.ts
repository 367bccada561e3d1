import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { driverClient, type Executor } from './client';

/**
 * Binary COPY on the connection a drizzle executor runs on (drizzle itself cannot send COPY):
 * node-postgres streams it (FROM STDIN / TO STDOUT), PGlite passes it as a blob ('/dev/blob').
 * `target` is a table with its column list, `query` a select; the payloads are PostgreSQL's binary
 * COPY format.
 */
export interface CopyChannel {
  copyIn(target: string, payload: Uint8Array<ArrayBuffer>): Promise<void>;
  copyOut(query: string): Promise<Buffer>;
  /** copyOut handing over the data as it arrives (chunks split rows anywhere), so that decoding overlaps the server's work. */
  copyOutChunks(query: string, onChunk: (chunk: Buffer) => void): Promise<void>;
}

function nodePostgresChannel(client: pg.ClientBase): CopyChannel {
  return {
    copyIn: (target, payload) =>
      new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom(`copy ${target} from stdin (format binary)`));
        stream.on('error', reject);
        stream.on('finish', () => resolve());
        stream.end(payload);
      }),
    copyOut: (query) =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        const stream = client.query(copyTo(`copy (${query}) to stdout (format binary)`));
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => resolve(Buffer.concat(chunks)));
      }),
    copyOutChunks: (query, onChunk) =>
      new Promise<void>((resolve, reject) => {
        const stream = client.query(copyTo(`copy (${query}) to stdout (format binary)`));
        stream.on('data', (chunk: Buffer) => {
          try {
            onChunk(chunk);
          } catch (error) {
            stream.destroy(error instanceof Error ? error : new Error(String(error)));
          }
        });
        stream.on('error', reject);
        stream.on('end', () => resolve());
      }),
  };
}

function pgliteChannel(client: PGlite | Transaction): CopyChannel {
  const copyOut = async (query: string): Promise<Buffer> => {
    const result = await client.query(`copy (${query}) to '/dev/blob' (format binary)`);
    if (!result.blob) throw new Error('COPY TO /dev/blob returned no data');
    return Buffer.from(await result.blob.arrayBuffer());
  };
  return {
    copyIn: async (target, payload) => {
      await client.query(`copy ${target} from '/dev/blob' (format binary)`, [], { blob: new Blob([payload]) });
    },
    copyOut,
    copyOutChunks: async (query, onChunk) => onChunk(await copyOut(query)),
  };
}

/** A PGlite transaction as drizzle holds it (PGlite hands its callback a plain object). */
function isPgliteTransaction(client: object): client is Transaction {
  return ['query', 'exec', 'rollback'].every((method) => typeof Reflect.get(client, method) === 'function') && 'closed' in client;
}

/**
 * The COPY channel of a transaction (or of PGlite itself). Null for the node-postgres pool: a COPY
 * must run on the transaction's own connection to be part of it.
 */
export function openCopyChannel(executor: Executor): CopyChannel | null {
  const client = driverClient(executor);
  if (client instanceof pg.Client) return nodePostgresChannel(client);
  if (client instanceof PGlite) return pgliteChannel(client);
  if (typeof client === 'object' && client !== null && !(client instanceof pg.Pool) && isPgliteTransaction(client)) return pgliteChannel(client);
  return null;
}
