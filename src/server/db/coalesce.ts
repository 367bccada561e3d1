/**
 * Coalescing of concurrent reads into one statement (ADR 0012, third amendment).
 *
 * Under load many requests ask the same question at once with different values — "whose session
 * is this token", "what are the facts of this entry". Each as a statement of its own costs a round
 * trip, a wake-up of a backend and the statement's fixed cost; read together as one statement over
 * arrays of values, the fixed costs are paid once per batch. `coalesce(run)` returns a function of
 * one request: the requests made while the process is busy (until the event loop next reaches its
 * check phase, where `setImmediate` runs) are handed to `run` together, at most `maxBatch` at a
 * time, and each caller gets the answer at its own position. Nothing is kept once a batch is
 * answered: this is not a cache, a request never sees an answer read before it was made.
 *
 * A request alone is run alone (as a batch of one), so an idle server answers as fast as before.
 * When `run` fails for a batch of several, each of its requests is run again alone, so that one
 * request's bad value (a date PostgreSQL refuses) fails that request only, with its own error.
 */
export interface CoalesceOptions<Item> {
  /** Most requests in one statement. */
  maxBatch?: number;
  /**
   * Requests with the same key never share a batch (one statement cannot change one row twice);
   * they go into batches of their own, made at the same moment.
   */
  distinctBy?: (request: Item) => unknown;
}

interface Waiting<Request, Answer> {
  request: Request;
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
}

export function coalesce<Request, Answer>(run: (requests: readonly Request[]) => Promise<readonly Answer[]>, options: CoalesceOptions<Request> = {}): (request: Request) => Promise<Answer> {
  const maxBatch = options.maxBatch ?? 64;
  let queue: Waiting<Request, Answer>[] = [];
  let isScheduled = false;

  const runBatch = (batch: Waiting<Request, Answer>[]) => {
    let answering: Promise<readonly Answer[]>;
    try {
      answering = run(batch.map((waiting) => waiting.request));
    } catch (error) {
      answering = Promise.reject(error);
    }
    answering.then(
      (answers) => {
        if (answers.length !== batch.length) {
          const error = new Error(`coalesced statement answered ${answers.length} of ${batch.length} requests`);
          for (const waiting of batch) waiting.reject(error);
          return;
        }
        batch.forEach((waiting, index) => waiting.resolve(answers[index] as Answer));
      },
      (error: unknown) => {
        if (batch.length === 1) batch[0]?.reject(error);
        else for (const waiting of batch) runBatch([waiting]);
      },
    );
  };

  const distinctBy = options.distinctBy;
  const flush = () => {
    isScheduled = false;
    const waiting = queue;
    queue = [];
    if (!distinctBy) {
      for (let start = 0; start < waiting.length; start += maxBatch) runBatch(waiting.slice(start, start + maxBatch));
      return;
    }
    const batches: { keys: Set<unknown>; members: Waiting<Request, Answer>[] }[] = [];
    for (const item of waiting) {
      const key = distinctBy(item.request);
      let batch = batches.find((candidate) => candidate.members.length < maxBatch && !candidate.keys.has(key));
      if (!batch) {
        batch = { keys: new Set(), members: [] };
        batches.push(batch);
      }
      batch.keys.add(key);
      batch.members.push(item);
    }
    for (const batch of batches) runBatch(batch.members);
  };

  return (request: Request) =>
    new Promise<Answer>((resolve, reject) => {
      queue.push({ request, resolve, reject });
      if (!isScheduled) {
        isScheduled = true;
        setImmediate(flush);
      }
    });
}
