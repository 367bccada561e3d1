import { ApiError, NETWORK_ERROR, toApiError } from './api-error';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/**
 * The CSRF token of the current session. It comes with every Me response (login, /auth/me)
 * and must accompany every non-GET request, so the client keeps the latest one here.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Builds `path?query`, dropping empty values so the server applies its defaults. */
export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();
/** Lets the session layer react when any call finds the session gone (expired, logged out elsewhere). */
export function onUnauthenticated(listener: UnauthenticatedListener) {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

interface RequestOptions {
  query?: QueryParams;
  /** JSON body, or FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
}

const networkMessage = 'Tidak dapat menghubungi server. Periksa koneksi lalu coba lagi.';

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, networkMessage);
  }
  if (!response.ok) {
    const parsed: unknown = await response.json().catch(() => null);
    const error = toApiError(response.status, parsed, `${networkMessage} (HTTP ${response.status})`);
    // A wrong password answers LOGIN_FAILED; only a missing or expired session is UNAUTHENTICATED.
    if (error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener());
    throw error;
  }
  return response;
}

async function sendJson<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * The typed API client. Response types come from the Zod contracts in src/contracts; the
 * server validates its responses against them, so the client trusts the shape.
 */
export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => sendJson<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: QueryParams) => sendJson<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => sendJson<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => sendJson<T>('PUT', path, { body }),
  remove: <T>(path: string, body?: unknown) => sendJson<T>('DELETE', path, { body }),
  upload: <T>(path: string, form: FormData, query?: QueryParams) => sendJson<T>('POST', path, { body: form, query }),
  /** Downloads a file (xlsx template or export) through the session and saves it in the browser. */
  async download(path: string, fallbackName: string): Promise<void> {
    const response = await send('GET', path, {});
    const blob = await response.blob();
    const disposition = response.headers.get('content-disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    const fileName = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
