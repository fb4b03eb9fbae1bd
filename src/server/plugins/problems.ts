import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ProblemBody, ProblemCode } from '../../shared/problems.ts';
import { type FieldError, type FieldErrorCode, Problem, validationFailed } from '../lib/errors.ts';

/** Sends a problem+json answer. The one place an error body is shaped. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  const body: ProblemBody = {
    type: `urn:keyfob:problem:${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
    ...problem.extensions,
  };
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(body);
}

const CODES_BY_STATUS: Record<number, ProblemCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** The value the client sent at a dotted path of the validated part, if any. */
function sentValue(source: unknown, path: string): unknown {
  let value = source;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Zod's issue kinds as the stable field codes clients translate; nothing sent is `required`. */
function fieldCode(
  issue: { keyword: string; params: Record<string, unknown> },
  sent: unknown,
): FieldErrorCode {
  if (sent === undefined) return 'required';
  const origin = issue.params.origin;
  if (issue.keyword === 'too_small') return origin === 'string' ? 'too_short' : 'too_small';
  if (issue.keyword === 'too_big') return origin === 'string' ? 'too_long' : 'too_big';
  return 'invalid';
}

/** Maps any thrown error to a Problem; anything unexpected becomes a 500 without internals. */
function toProblem(error: FastifyError | Problem, request: FastifyRequest): Problem | undefined {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const source = where === 'querystring' ? request.query : request[where];
    const byField = new Map<string, FieldError>();
    for (const issue of error.validation) {
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || where;
      // One entry per field: the first says what is wrong; the rest repeat it in other words.
      if (!byField.has(field)) {
        const code = fieldCode(issue, field === where ? source : sentValue(source, field));
        byField.set(field, { field, in: where, code, message: issue.message ?? 'is not valid' });
      }
    }
    return validationFailed([...byField.values()]);
  }
  const status = error.statusCode ?? 500;
  const code = CODES_BY_STATUS[status];
  if (status >= 400 && status < 500 && code) {
    // Fastify's own client errors (bad JSON, wrong content type, too large) have safe messages.
    return new Problem(status, code, error.message);
  }
  return undefined;
}

/**
 * Turns every error into `application/problem+json`. Client errors say what was wrong;
 * server errors are logged with the request id and answered with no internals.
 */
export const problemsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
      const problem = toProblem(error, request);
      if (problem) {
        if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
        return sendProblem(request, reply, problem);
      }
      request.log.error({ err: error }, 'unexpected error');
      return sendProblem(request, reply, new Problem(500, 'internal_error'));
    });
  },
  { name: 'problems' },
);
