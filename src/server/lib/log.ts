import type { FastifyRequest } from 'fastify';

// Anything that looks like one of our tokens (43 base64url characters) in a path, e.g.
// /invitations/<token> or /password-reset/<token>.
const TOKEN_IN_PATH = /\/[A-Za-z0-9_-]{43}(?=\/|\?|$)/g;

/** A request path fit for the log: link tokens replaced, query strings dropped. */
export function redactUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(TOKEN_IN_PATH, '/[token]');
}

/**
 * pino options for every keyfob logger: secrets never reach the log, whatever logs a request.
 * Headers are not logged at all; paths lose their tokens.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: ['req.headers', '*.password', '*.token', '*.passwordHash', '*.tokenHash'],
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
