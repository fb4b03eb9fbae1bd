import type { ProblemCode } from '../../shared/problems.ts';

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign in first',
  forbidden: 'You may not do this',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  rate_limited: 'Too many requests; try again later',
  not_ready: 'The service is not ready',
  internal_error: 'Something went wrong on our side',
};

/**
 * An error that becomes an `application/problem+json` answer. Commands throw these; the error
 * handler turns them into responses, so no route builds an error body by hand.
 */
export class Problem extends Error {
  readonly title: string;

  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail?: string,
    /** Extra members of the problem body, e.g. `affectedUsers`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'Problem';
    this.title = TITLES[code];
  }
}

export const notFound = (detail?: string) => new Problem(404, 'not_found', detail);
export const forbidden = (detail?: string) => new Problem(403, 'forbidden', detail);
export const unauthenticated = (detail?: string) => new Problem(401, 'unauthenticated', detail);
