import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../src/server/db/coalesce';

/** A statement stand-in that records each batch it is given and answers every request with its double. */
function recordingRun(options: { failWhen?: (requests: readonly number[]) => boolean } = {}) {
  const batches: number[][] = [];
  const run = async (requests: readonly number[]) => {
    batches.push([...requests]);
    if (options.failWhen?.(requests)) throw new Error(`batch ${requests.join(',')} failed`);
    return requests.map((request) => request * 2);
  };
  return { batches, run };
}

describe('coalesce', () => {
  it('answers requests of the same moment with one batch, each at its own position', async () => {
    const { batches, run } = recordingRun();
    const ask = coalesce(run);
    const answers = await Promise.all([1, 2, 3, 4].map((request) => ask(request)));
    expect(answers).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('runs a request alone when nothing else is asked, and a later request in a batch of its own', async () => {
    const { batches, run } = recordingRun();
    const ask = coalesce(run);
    expect(await ask(5)).toBe(10);
    expect(await ask(6)).toBe(12);
    expect(batches).toEqual([[5], [6]]);
  });

  it('never puts more than maxBatch requests in one batch', async () => {
    const { batches, run } = recordingRun();
    const ask = coalesce(run, { maxBatch: 3 });
    const answers = await Promise.all(Array.from({ length: 7 }, (_, index) => ask(index)));
    expect(answers).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('keeps requests with the same key in different batches', async () => {
    const { batches, run } = recordingRun();
    const ask = coalesce(run, { distinctBy: (request: number) => request % 2 });
    const answers = await Promise.all([1, 2, 3, 4, 5].map((request) => ask(request)));
    expect(answers).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('runs the requests of a failed batch again alone, so only the bad one fails', async () => {
    const { batches, run } = recordingRun({ failWhen: (requests) => requests.includes(3) });
    const ask = coalesce(run);
    const settled = await Promise.allSettled([1, 3, 5].map((request) => ask(request)));
    expect(settled.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([2, 'batch 3 failed', 10]);
    expect(batches).toEqual([[1, 3, 5], [1], [3], [5]]);
  });

  it('fails every request of a batch that answers a different number of requests', async () => {
    const ask = coalesce(async (requests: readonly number[]) => requests.slice(1));
    const settled = await Promise.allSettled([1, 2].map((request) => ask(request)));
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('a run that throws before returning a promise fails its requests, not the caller of flush', async () => {
    const ask = coalesce((): Promise<number[]> => {
      throw new Error('no statement');
    });
    await expect(ask(1)).rejects.toThrow('no statement');
  });
});
