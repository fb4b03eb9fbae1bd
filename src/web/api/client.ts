import type { ProblemBody, ProblemCode } from '../../shared/problems.ts';

/**
 * A non-2xx answer from the API. Carries the problem+json fields so callers can switch on the
 * stable `code` instead of parsing `title` or `detail`, which are for people.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly title: string;
  readonly detail: string | undefined;
  /** The whole problem body, for extension members such as field `errors`. */
  readonly problem: ProblemBody;

  constructor(problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.problem = problem;
  }
}

/** Like `RequestInit`, but `body` is any JSON-serialisable value rather than a raw payload. */
export type ApiRequestInit = Omit<RequestInit, 'body'> & { body?: unknown };

// Used only when the answer is not problem+json (for example a proxy's HTML error page), so the
// caller still gets an ApiError with a code it can switch on.
const CODE_BY_STATUS: Partial<Record<number, ProblemCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'not_ready',
};

function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.status === 'number' && typeof body.code === 'string' && typeof body.title === 'string';
}

async function readProblem(response: Response): Promise<ProblemBody> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblemBody(body)) return body;
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: CODE_BY_STATUS[response.status] ?? 'internal_error',
  };
}

/**
 * Calls the keyfob API with the session cookie and JSON in both directions. Resolves with the
 * parsed body (`undefined` for an empty answer such as 204); rejects with `ApiError` on a non-2xx
 * answer. The result is not validated: `T` is what the API's response schema promises.
 */
export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const { body, headers, ...rest } = init;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('accept', 'application/json, application/problem+json');
  if (body !== undefined) requestHeaders.set('content-type', 'application/json');

  const response = await fetch(path, {
    ...rest,
    headers: requestHeaders,
    credentials: 'include',
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  if (!response.ok) throw new ApiError(await readProblem(response));
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
