type Release = () => Promise<void>;

/**
 * Owns what one benchmark started (server processes, scratch databases) and releases it in
 * reverse order. Helpers register their release *before* the slow part of acquiring, so an
 * interrupt halfway through a start still cleans up.
 */
export class Scope {
  readonly #releases: Array<{ label: string; release: Release }> = [];
  #closing: Promise<void> | undefined;

  /** Registers a release to run when the scope closes; runs at once if it is already closing. */
  defer(label: string, release: Release): void {
    if (this.#closing) {
      void release().catch((error: unknown) => reportReleaseError(label, error));
      return;
    }
    this.#releases.push({ label, release });
  }

  /** Releases everything, last acquired first; one failure never skips the rest. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#releaseAll();
    return this.#closing;
  }

  async #releaseAll(): Promise<void> {
    for (let entry = this.#releases.pop(); entry !== undefined; entry = this.#releases.pop()) {
      try {
        await entry.release();
      } catch (error) {
        reportReleaseError(entry.label, error);
      }
    }
  }
}

function reportReleaseError(label: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`bench: could not release ${label}: ${message}\n`);
}
