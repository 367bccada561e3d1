/** Only same-site paths are followed after login, never an absolute or protocol-relative URL from the query string. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
