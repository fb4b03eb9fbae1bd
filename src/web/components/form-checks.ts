/** The server refuses shorter passwords (SPEC §3); checked here first so the answer is instant. */
export const MIN_PASSWORD_LENGTH = 12;

/** Counts characters as a person does: an emoji or an accented letter is one. */
export function isLongEnoughPassword(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}

/** A loose check that catches typing mistakes; the server decides what an email address is. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
