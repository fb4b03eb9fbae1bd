import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// The package's `Algorithm` is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID: Algorithm.Argon2id = 2;
/** argon2id with its parameters written out: 19 MiB, 2 passes, 1 lane (OWASP's minimum). */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()),
);

/** Why a password is refused, or undefined when it is fine. Length and commonness only. */
export function passwordProblem(
  password: string,
): { code: 'too_short' | 'too_common'; message: string } | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { code: 'too_short', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` };
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase()))
    return { code: 'too_common', message: 'is too common; choose another' };
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified against when no user has the email, so an unknown email costs as much as a wrong
// password and the answer time does not tell them apart.
const decoyHash = hash('keyfob-decoy-password-never-valid', ARGON2_OPTIONS);

/** Checks a password against a stored hash; with no hash, spends the same time and says no. */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
