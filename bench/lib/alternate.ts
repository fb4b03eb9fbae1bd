export interface AlternateOptions<T> {
  /** Measured rounds; one warm-up round of each side runs first and is thrown away. */
  rounds: number;
  reference: () => Promise<T>;
  subject: () => Promise<T>;
  /** Called after every measurement, warm-up included, for progress output. */
  onSample?: (round: number | 'warm-up', side: 'reference' | 'subject', sample: T) => void;
}

/**
 * Measures reference, subject, reference, subject, … so that drift in the machine's load hits
 * both sides alike instead of whichever happened to run second.
 */
export async function alternate<T>(options: AlternateOptions<T>): Promise<{ reference: T[]; subject: T[] }> {
  options.onSample?.('warm-up', 'reference', await options.reference());
  options.onSample?.('warm-up', 'subject', await options.subject());
  const reference: T[] = [];
  const subject: T[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const referenceSample = await options.reference();
    reference.push(referenceSample);
    options.onSample?.(round, 'reference', referenceSample);
    const subjectSample = await options.subject();
    subject.push(subjectSample);
    options.onSample?.(round, 'subject', subjectSample);
  }
  return { reference, subject };
}

/** The median; for an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) throw new Error('median of no values');
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[middle - 1] ?? upper;
  return (lower + upper) / 2;
}
