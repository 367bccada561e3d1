import { expect } from 'vitest';
import type { Session } from './test-app';

/** What `session.inject` answers. */
export type ApiResponse = ReturnType<Session['inject']>;

/** One API call as a session, with an optional JSON body. */
export const call = (session: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): ApiResponse =>
  session.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

/** The body of a response that must have `status` (200 unless said), the body shown when it has not. */
export async function ok<T>(response: ApiResponse, status = 200): Promise<T> {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  return result.json<T>();
}

/** A refusal with `status` and exactly (or matching) `message`. */
export async function fails(response: ApiResponse, status: number, message: string | RegExp): Promise<void> {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  const text = result.json<{ error: { message: string } }>().error.message;
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
}
