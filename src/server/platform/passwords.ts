import { hash, verify } from '@node-rs/argon2';

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

export function checkPasswordStrength(password: string): string | null {
  if (password.length < 10) return 'Kata sandi minimal 10 karakter';
  if (password.length > 200) return 'Kata sandi maksimal 200 karakter';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'Kata sandi harus memuat huruf dan angka';
  return null;
}
