// Serves the built PWA (vite's dist/) with cache headers a service-worker app needs, and the
// single-page-app fallback: any unknown non-API page request gets index.html. Security headers
// (CSP, nosniff, ...) come from plugins/security.ts, on these files as on every answer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Files that must be revalidated on every load, or clients would miss app updates. */
const NO_CACHE_FILES = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);
const WORKBOX_RUNTIME = /^workbox-[\w-]+\.js$/;

export const NO_CACHE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The Cache-Control value for a file served from `staticDir`. */
export function cacheControlFor(staticDir: string, filePath: string): string {
  const relative = path.relative(staticDir, filePath).split(path.sep).join('/');
  const name = path.posix.basename(relative);
  if (NO_CACHE_FILES.has(name) || WORKBOX_RUNTIME.test(name)) return NO_CACHE;
  // Vite content-hashes everything it emits under assets/, so those never change.
  if (relative.startsWith('assets/')) return IMMUTABLE;
  // Icons, favicon, robots.txt: not hashed, so revalidate (cheap: ETag / Last-Modified).
  return NO_CACHE;
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

export function notBuiltMessage(staticDir: string): string {
  return (
    `Fieldnote has not been built: ${path.join(staticDir, 'index.html')} does not exist. ` +
    'Run `npm run build` (or `npm start`, which builds and serves), then reload.'
  );
}

export function registerStatic(app: FastifyInstance, staticDir: string): void {
  const indexFile = path.join(staticDir, 'index.html');
  if (!existsSync(indexFile)) app.log.warn(notBuiltMessage(staticDir));

  void app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/',
    cacheControl: false, // set by setHeaders
    dotfiles: 'deny',
    index: ['index.html'],
    // @fastify/static 9 (the major that supports Node 20) passes the raw ServerResponse here.
    setHeaders(res, filePath) {
      res.setHeader('cache-control', cacheControlFor(staticDir, filePath));
    },
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (isRead && !isApiPath(request.url)) {
      if (!existsSync(indexFile)) {
        reply.code(503).header('cache-control', 'no-store').header('retry-after', '30');
        if (acceptsHtml(request))
          return reply.type('text/plain; charset=utf-8').send(notBuiltMessage(staticDir));
        return reply.send({
          error: 'Service Unavailable',
          message: notBuiltMessage(staticDir),
          statusCode: 503,
        });
      }
      if (acceptsHtml(request)) return reply.sendFile('index.html');
    }
    return reply.code(404).send({
      error: 'Not Found',
      // The path only: a query string can carry PII, and answers should not echo it.
      message: `Route ${request.method}:${request.url.split('?')[0]} not found`,
      statusCode: 404,
    });
  });
}
