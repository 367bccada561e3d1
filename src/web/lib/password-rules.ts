import { findPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/auth/password-policy';
import type { Translate } from '../i18n/i18n-context';

/** The server's password rule (src/domain/auth/password-policy.ts) as a translated message. */
export function checkNewPassword(password: string, t: Translate): string | null {
  switch (findPasswordProblem(password)) {
    case 'too_short':
      return t('password.tooShort', { min: PASSWORD_MIN_LENGTH });
    case 'too_long':
      return t('password.tooLong', { max: PASSWORD_MAX_LENGTH });
    case 'needs_letter_and_digit':
      return t('password.needsLetterAndDigit');
    case null:
      return null;
  }
}
