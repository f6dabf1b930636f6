// Security headers on every answer: pages, static files, API answers, 404s and errors (issue 11 §4).
//
// @fastify/helmet (the maintained Fastify wrapper of helmet) sets the standard set in an onRequest
// hook, so the headers are on the reply before any handler, not-found handler or error handler
// runs. This module owns what helmet cannot decide alone:
//   - the Content-Security-Policy, written out in full (helmet's defaults allow inline styles,
//     https: fonts and upgrade-insecure-requests, which would break a plain-HTTP LAN install);
//   - HSTS only when the request came over TLS (socket.encrypted, or X-Forwarded-Proto from a
//     trusted proxy: TRUST_PROXY), since a browser given HSTS over plain HTTP ignores it and a
//     wrong HSTS on a plain-HTTP install locks users out;
//   - `Cache-Control: no-store` on every /api answer, set in onSend so that no route, error or
//     404 can leave PII in a browser or proxy cache;
//   - the few answers Fastify sends before any hook runs (a URL with bad percent-encoding): same
//     headers, and no echo of the URL, whose query may hold a name.
import helmet from '@fastify/helmet';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath } from '../static';

/**
 * The CSP directives. No 'unsafe-inline' anywhere: the built index.html has no inline script or
 * style (vite-plugin-pwa runs with injectRegister: false; src/app/register-sw.ts registers the
 * worker), and React sets `style` props through the CSSOM, which CSP does not govern.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly (hash-wasm's Argon2id on the unlock
 * screen); it does not allow eval() or new Function() of JavaScript.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/** One year, helmet's default; includeSubDomains covers only names under this host. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** True when the request reached us over TLS, directly or through a trusted proxy. */
export function cameOverTls(request: FastifyRequest): boolean {
  // request.protocol reads X-Forwarded-Proto only when the peer is trusted (Fastify's trustProxy).
  return request.protocol === 'https';
}

/**
 * Fastify's frameworkErrors handler (bad URL, too long a path parameter): these answers skip the
 * hooks, so they get the headers here, and a fixed message instead of Fastify's, which quotes the
 * whole URL with its query string.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const statusCode =
    error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400;
  request.log.info({ statusCode, code: error.code }, 'Request refused');
  void reply
    .code(statusCode)
    .headers({
      'content-security-policy': Object.entries(CSP_DIRECTIVES)
        .map(([name, values]) => `${name} ${values.join(' ')}`)
        .join(';'),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    })
    .send({ error: 'bad_request', message: 'The address of this request is not valid.' });
}

/** Registers the headers on the root instance; call before any route is registered. */
export function registerSecurity(app: FastifyInstance): void {
  void app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Set below, per request.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Everything the app loads is its own; another site has no reason to embed our answers.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (cameOverTls(request)) reply.header('strict-transport-security', HSTS_VALUE);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // The matched route as well as the raw URL: a percent-encoded path can still route to /api.
    if (isApiPath(request.url) || isApiPath(request.routeOptions.url ?? '')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
