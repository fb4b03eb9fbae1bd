import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ProblemBody, ProblemCode } from '../../shared/problems.ts';
import { Problem } from '../lib/errors.ts';

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

/** Maps any thrown error to a Problem; anything unexpected becomes a 500 without internals. */
function toProblem(error: FastifyError | Problem): Problem | undefined {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const byField = new Map<string, { field: string; in: string; message: string }>();
    for (const issue of error.validation) {
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || where;
      // One message per field: the first says what is wrong; the rest repeat it in other words.
      if (!byField.has(field))
        byField.set(field, { field, in: where, message: issue.message ?? 'is not valid' });
    }
    const errors = [...byField.values()];
    const fields = [...byField.keys()].join(', ');
    return new Problem(400, 'validation_failed', `Check these fields: ${fields}`, { errors });
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
      const problem = toProblem(error);
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
