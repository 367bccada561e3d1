import { hash, verify } from '@node-rs/argon2';
import { findPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from '../../domain/auth/password-policy';

// OWASP-recommended argon2id parameters (19 MiB, t=2, p=1).
const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the login is unknown, so timing does not reveal which logins exist. */
let dummyHash: Promise<string> | null = null;
export const getDummyHash = () => (dummyHash ??= hashPassword('dummy-password-for-timing'));

const PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter`,
  too_long: `Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter`,
  needs_letter_and_digit: 'Kata sandi harus memuat huruf dan angka',
};

/** The password rule (src/domain/auth/password-policy.ts) as an Indonesian message, or null. */
export function checkPasswordStrength(password: string): string | null {
  const problem = findPasswordProblem(password);
  return problem ? PROBLEM_MESSAGES[problem] : null;
}
