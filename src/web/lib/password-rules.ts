import type { Translate } from '../i18n/i18n-context';

/**
 * Mirrors the server's password strength rule (src/server/platform/passwords.ts
 * `checkPasswordStrength`) so the form refuses before a round trip; the server checks again.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function checkNewPassword(password: string, t: Translate): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return t('password.tooShort', { min: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) return t('password.tooLong', { max: PASSWORD_MAX_LENGTH });
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return t('password.needsLetterAndDigit');
  return null;
}
