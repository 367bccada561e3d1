import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { activityKeys, postEntry } from './activity-entries-api';
import { createQueueStore, flushQueue, type FlushResult, type QueuedEntry } from './offline-queue';

export interface OfflineQueue {
  items: QueuedEntry[];
  isOnline: boolean;
  isSending: boolean;
  enqueue(entry: Omit<QueuedEntry, 'employeeId' | 'queuedAt' | 'state' | 'errorMessage'>): Promise<void>;
  discard(idempotencyKey: string): Promise<void>;
  /** Send now; resolves with what happened (null when a send was already running). */
  flush(): Promise<FlushResult | null>;
}

/** The person's queue of entries made offline: sent on load and whenever the browser comes back online. */
export function useOfflineQueue(employeeId: string, onFlushed: (result: FlushResult) => void): OfflineQueue {
  const store = useMemo(createQueueStore, []);
  const queryClient = useQueryClient();
  const [items, setItems] = useState<QueuedEntry[]>([]);
  const [isOnline, setIsOnline] = useState(() => navigator.onLine);
  const [isSending, setIsSending] = useState(false);
  const isRunning = useRef(false);
  const onFlushedRef = useRef(onFlushed);
  useEffect(() => {
    onFlushedRef.current = onFlushed;
  }, [onFlushed]);

  const reload = useCallback(async () => setItems((await store.list(employeeId)).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))), [store, employeeId]);

  const flush = useCallback(async () => {
    if (isRunning.current) return null;
    isRunning.current = true;
    setIsSending(true);
    try {
      const result = await flushQueue(store, employeeId, postEntry);
      if (result.sent > 0) await queryClient.invalidateQueries({ queryKey: activityKeys.all });
      if (result.sent > 0 || result.failed > 0) onFlushedRef.current(result);
      return result;
    } finally {
      isRunning.current = false;
      setIsSending(false);
      await reload();
    }
  }, [store, employeeId, queryClient, reload]);

  useEffect(() => {
    void reload().then(() => (navigator.onLine ? flush() : null));
    const handleOnline = () => {
      setIsOnline(true);
      void flush();
    };
    const handleOffline = () => setIsOnline(false);
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    return () => {
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
    };
  }, [reload, flush]);

  const enqueue = useCallback<OfflineQueue['enqueue']>(
    async (entry) => {
      await store.put({ ...entry, employeeId, queuedAt: new Date().toISOString(), state: 'pending', errorMessage: null });
      await reload();
    },
    [store, employeeId, reload],
  );

  const discard = useCallback(
    async (key: string) => {
      await store.remove(key);
      await reload();
    },
    [store, reload],
  );

  return { items, isOnline, isSending, enqueue, discard, flush };
}
