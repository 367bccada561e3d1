/**
 * The password rule, in one place for the server (which enforces it) and the web forms (which
 * refuse before a round trip). Returns the first problem, or null when the password is acceptable.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter_and_digit';

export function findPasswordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'needs_letter_and_digit';
  return null;
}
