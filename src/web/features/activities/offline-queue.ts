import { isApiError, NETWORK_ERROR } from '../../api/api-error';
import type { CreateEntryInput } from './activity-entries-api';

/**
 * Entries made without a connection wait in the browser (IndexedDB) with the idempotency key they
 * were created with, and are sent when the connection returns. The key makes a resend safe: if an
 * earlier attempt did reach the server, the server answers with that entry instead of a second one.
 */
export interface QueuedEntry {
  idempotencyKey: string;
  employeeId: string;
  body: CreateEntryInput & { idempotencyKey: string };
  /** Shown in the list while waiting (the catalogue name or the additional task). */
  title: string;
  queuedAt: string;
  state: 'pending' | 'failed';
  /** The server's (Indonesian) message when it refused the entry. */
  errorMessage: string | null;
}

export interface QueueStore {
  list(employeeId: string): Promise<QueuedEntry[]>;
  put(entry: QueuedEntry): Promise<void>;
  remove(idempotencyKey: string): Promise<void>;
}

export interface FlushResult {
  sent: number;
  failed: number;
  /** Still waiting: the server could not be reached. */
  pending: number;
}

/** The server could not be reached (or failed itself): keep the entry and try again later. */
const isTransient = (error: unknown): boolean => !isApiError(error) || error.code === NETWORK_ERROR || error.status >= 500 || error.status === 429;

/**
 * Send the person's pending entries oldest first. A sent entry leaves the queue; one the server
 * refuses stays, marked failed with the server's message; at the first transient failure the rest
 * wait for the next attempt. Failed entries are not resent (the same body would fail again).
 */
export async function flushQueue(store: QueueStore, employeeId: string, send: (body: QueuedEntry['body']) => Promise<unknown>): Promise<FlushResult> {
  const queued = (await store.list(employeeId)).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const result: FlushResult = { sent: 0, failed: 0, pending: 0 };
  let isReachable = true;
  for (const entry of queued) {
    if (entry.state === 'failed') continue;
    if (!isReachable) {
      result.pending += 1;
      continue;
    }
    try {
      await send(entry.body);
      await store.remove(entry.idempotencyKey);
      result.sent += 1;
    } catch (error) {
      if (isTransient(error)) {
        isReachable = false;
        result.pending += 1;
      } else {
        await store.put({ ...entry, state: 'failed', errorMessage: error instanceof Error ? error.message : String(error) });
        result.failed += 1;
      }
    }
  }
  return result;
}

/** A store in memory: for tests, and for browsers without IndexedDB (the queue then lives as long as the tab). */
export function createMemoryQueueStore(): QueueStore {
  const entries = new Map<string, QueuedEntry>();
  return {
    list: async (employeeId) => [...entries.values()].filter((entry) => entry.employeeId === employeeId).map((entry) => ({ ...entry })),
    put: async (entry) => {
      entries.set(entry.idempotencyKey, { ...entry });
    },
    remove: async (key) => {
      entries.delete(key);
    },
  };
}

const DB_NAME = 'ekinerja-offline';
const STORE = 'activity-entries';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB tidak dapat dibuka'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB gagal'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB dibatalkan'));
    });
  } finally {
    db.close();
  }
}

export function createIndexedDbQueueStore(): QueueStore {
  return {
    list: async (employeeId) => (await withStore<QueuedEntry[]>('readonly', (store) => store.getAll() as IDBRequest<QueuedEntry[]>)).filter((entry) => entry.employeeId === employeeId),
    put: async (entry) => {
      await withStore('readwrite', (store) => store.put(entry));
    },
    remove: async (key) => {
      await withStore('readwrite', (store) => store.delete(key));
    },
  };
}

/** The browser's store when it has IndexedDB, else memory. */
export const createQueueStore = (): QueueStore => (typeof indexedDB === 'undefined' ? createMemoryQueueStore() : createIndexedDbQueueStore());

/** A random UUID v4, also on plain-http intranet deployments where crypto.randomUUID is not offered. */
export function createIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
