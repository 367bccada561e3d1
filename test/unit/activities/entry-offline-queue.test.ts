import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../../src/web/api/api-error';
import { createIdempotencyKey, createMemoryQueueStore, flushQueue, type QueuedEntry } from '../../../src/web/features/activities/offline-queue';

const queued = (key: string, queuedAt: string, employeeId = 'pegawai-1'): QueuedEntry => ({
  idempotencyKey: key,
  employeeId,
  title: `Kegiatan ${key}`,
  queuedAt,
  state: 'pending',
  errorMessage: null,
  body: { workDate: '2026-04-15', startTime: '08:00', endTime: '09:00', catalogueItemId: null, isAdditionalTask: true, title: 'Rapat', volume: 1, submit: false, idempotencyKey: key },
});

async function storeWith(...entries: QueuedEntry[]) {
  const store = createMemoryQueueStore();
  for (const entry of entries) await store.put(entry);
  return store;
}

describe('flushQueue', () => {
  it('sends oldest first with each entry’s own idempotency key and empties the queue', async () => {
    const store = await storeWith(queued('b', '2026-04-15T02:00:00Z'), queued('a', '2026-04-15T01:00:00Z'), queued('other', '2026-04-15T00:00:00Z', 'pegawai-2'));
    const sentKeys: string[] = [];
    const result = await flushQueue(store, 'pegawai-1', async (body) => {
      sentKeys.push(body.idempotencyKey);
    });
    expect(result).toEqual({ sent: 2, failed: 0, pending: 0 });
    expect(sentKeys).toEqual(['a', 'b']);
    expect(await store.list('pegawai-1')).toEqual([]);
    // Another person's queue on the same device is left alone.
    expect(await store.list('pegawai-2')).toHaveLength(1);
  });

  it('keeps an entry the server refuses, with the server’s message, and does not resend it', async () => {
    const store = await storeWith(queued('a', '2026-04-15T01:00:00Z'), queued('b', '2026-04-15T02:00:00Z'));
    const result = await flushQueue(store, 'pegawai-1', async (body) => {
      if (body.idempotencyKey === 'a') throw new ApiError(409, 'CONFLICT', 'Waktu bertumpang tindih dengan aktivitas lain');
    });
    expect(result).toEqual({ sent: 1, failed: 1, pending: 0 });
    const [left] = await store.list('pegawai-1');
    expect(left).toMatchObject({ idempotencyKey: 'a', state: 'failed', errorMessage: 'Waktu bertumpang tindih dengan aktivitas lain' });
    let calls = 0;
    await flushQueue(store, 'pegawai-1', async () => {
      calls += 1;
    });
    expect(calls).toBe(0);
  });

  it.each([
    ['no connection', new ApiError(0, NETWORK_ERROR, 'offline')],
    ['a server failure', new ApiError(503, 'HTTP_503', 'unavailable')],
    ['too many requests', new ApiError(429, 'TOO_MANY_REQUESTS', 'slow down')],
  ])('stops at %s and keeps the rest pending for the next attempt', async (_label, failure) => {
    const store = await storeWith(queued('a', '2026-04-15T01:00:00Z'), queued('b', '2026-04-15T02:00:00Z'), queued('c', '2026-04-15T03:00:00Z'));
    const attempted: string[] = [];
    const result = await flushQueue(store, 'pegawai-1', async (body) => {
      attempted.push(body.idempotencyKey);
      if (body.idempotencyKey === 'b') throw failure;
    });
    expect(result).toEqual({ sent: 1, failed: 0, pending: 2 });
    expect(attempted).toEqual(['a', 'b']);
    expect((await store.list('pegawai-1')).map((entry) => [entry.idempotencyKey, entry.state])).toEqual([
      ['b', 'pending'],
      ['c', 'pending'],
    ]);
  });
});

describe('createIdempotencyKey', () => {
  it('makes distinct UUID v4 keys the server accepts', () => {
    const keys = new Set(Array.from({ length: 50 }, createIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
