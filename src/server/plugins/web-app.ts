import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { notFound } from '../lib/errors.ts';
import { sendProblem } from './problems.ts';

// Paths that belong to the server, never to the single-page app.
const SERVER_PREFIXES = ['/api/', '/api', '/healthz', '/readyz', '/assets/'];

function wantsAppShell(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix))) return false;
  return (request.headers.accept ?? '*/*').includes('text/html') || request.headers.accept === '*/*';
}

/**
 * Serves the web app built by Vite: hashed assets under `/assets/` (cached for a year) and
 * `index.html` for every other page path, so client-side routes survive a reload. Unknown API
 * paths, and everything else, answer 404 problem+json.
 */
export const webAppPlugin = fp(
  async (app: FastifyInstance, options: { webRoot: string | undefined }) => {
    const webRoot = options.webRoot;
    const hasBuild = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
    if (webRoot && hasBuild) {
      await app.register(fastifyStatic, {
        root: join(webRoot, 'assets'),
        prefix: '/assets/',
        immutable: true,
        maxAge: '365d',
      });
    }
    app.setNotFoundHandler((request, reply) => {
      if (webRoot && hasBuild && wantsAppShell(request)) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot);
      }
      return sendProblem(request, reply, notFound(`No route ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'web-app', dependencies: ['problems'] },
);
