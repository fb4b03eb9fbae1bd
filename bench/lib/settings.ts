/** How long and how often each benchmark measures; the same for every benchmark in a run. */
export interface Settings {
  /** Seconds of load per measurement (warm-up rounds included). */
  durationS: number;
  /** Measured rounds after the warm-up; each round measures the reference, then the subject. */
  rounds: number;
  /** Concurrent connections for throughput runs, held fixed so the two sides compare. */
  connections: number;
  /** Administrative connection for creating and dropping scratch databases. */
  databaseUrl: string;
}

/** A bad BENCH_* variable: the runner prints the message and stops before starting anything. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(
      `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`,
    );
  }
  return value;
}

/** Reads BENCH_DURATION_S, BENCH_ROUNDS, BENCH_CONNECTIONS and BENCH_DATABASE_URL. */
export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const databaseUrl = env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new SettingsError(
      `BENCH_DATABASE_URL must be a postgres:// URL (got ${JSON.stringify(databaseUrl)})`,
    );
  }
  return {
    // Upper bounds keep a typo from turning one run into an afternoon.
    durationS: readInteger(env, 'BENCH_DURATION_S', 5, 1, 120),
    rounds: readInteger(env, 'BENCH_ROUNDS', 3, 1, 20),
    connections: readInteger(env, 'BENCH_CONNECTIONS', 10, 1, 1000),
    databaseUrl,
  };
}
