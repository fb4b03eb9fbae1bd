/** Emails are compared case-insensitively after trimming: this is the one form ever stored. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
