/**
 * Is this (possibly wrapped) database error a unique-key violation? Services check uniqueness
 * first for a friendly message; this catches the race where two requests insert at once.
 * Drizzle wraps driver errors in `cause`, so the chain is walked.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, constraint: name, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505' && (constraint === undefined || name === undefined || name === constraint)) return true;
    current = cause;
  }
  return false;
}
