import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/modules/demo/demo-accounts';

export type Api = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A signed-in API client like the web UI (cookie + CSRF header), for journeys to prepare and check data; a FormData body is sent as multipart. */
export async function apiSession(baseUrl: string, login: string): Promise<Api> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${login}: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const isForm = body instanceof FormData;
    const result = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    if (!result.ok) throw new Error(`${method} ${path}: ${result.status} ${await result.text()}`);
    return (await result.json()) as T;
  };
}

/** Signs in through the login page with the demo password. */
export async function logIn(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('NIP atau nama pengguna').fill(login);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}
