/** PostgreSQL's error for a unique index refusing a row; `constraint` narrows it to one index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  // Drizzle wraps driver errors; the PostgreSQL fields are on the error or on its cause.
  for (const candidate of [error, (error as { cause?: unknown })?.cause]) {
    const pgError = candidate as { code?: string; constraint?: string } | undefined;
    if (pgError?.code === '23505' && (!constraint || pgError.constraint === constraint)) return true;
  }
  return false;
}
