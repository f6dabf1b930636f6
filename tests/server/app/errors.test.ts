// The error handler: every failure is a JSON answer with a useful status; nothing crashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../../../sync-server/src/errors';
import { INTERNAL_ERROR_MESSAGE } from '../../../sync-server/src/plugins/errors';
import { openTestApp, type TestApp } from '../helpers';

const BODY_LIMIT = 4096;

describe('errors', () => {
  let t: TestApp;
  const logged: unknown[] = [];

  beforeAll(async () => {
    t = await openTestApp('sqlite', { bodyLimitBytes: BODY_LIMIT }, (app) => {
      app.get('/api/test/boom', async () => {
        throw new Error('database password is hunter2'); // must never reach the client
      });
      app.get('/api/test/not-an-error', async () => {
        throw 'a string, not an Error';
      });
      app.post('/api/test/zod', async (request) => {
        return z
          .object({ count: z.number().int().min(1), items: z.array(z.string()) })
          .parse(request.body);
      });
      app.get('/api/test/http-error', async () => {
        throw new HttpError(409, 'already_exists', 'This record exists already.', [
          { path: 'id', message: 'taken' },
        ]);
      });
      app.post(
        '/api/test/schema',
        {
          schema: {
            body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
          },
        },
        async () => ({ ok: true }),
      );
      app.addHook('onError', async (_request, _reply, error) => {
        logged.push(error);
      });
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 500 with a generic message and an error id, hiding the error', async () => {
    const res = await t.app.inject({ url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toEqual({
      error: 'internal',
      message: INTERNAL_ERROR_MESSAGE,
      errorId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(INTERNAL_ERROR_MESSAGE).toBe(
      'Something went wrong on the server. Your changes are kept on your device.',
    );
    expect(res.body).not.toContain('hunter2');
    const other = await t.app.inject({ url: '/api/test/boom' });
    expect(other.json().errorId).not.toBe(body.errorId);
  });

  it('answers 500 for a thrown non-Error too', async () => {
    const res = await t.app.inject({ url: '/api/test/not-an-error' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toBe('internal');
  });

  it('turns a zod error into 400 with the fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/zod',
      payload: { count: 0, items: ['a', 2] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(
      /^The request is not valid: .*\(count\) and 1 more problem\(s\)\.$/,
    );
    expect(body.issues).toEqual([
      { path: 'count', message: expect.any(String) },
      { path: 'items.1', message: expect.any(String) },
    ]);
  });

  it('passes an HttpError through with its status, code, message and issues', async () => {
    const res = await t.app.inject({ url: '/api/test/http-error' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: 'already_exists',
      message: 'This record exists already.',
      issues: [{ path: 'id', message: 'taken' }],
    });
  });

  it('turns a Fastify schema validation error into 400 with the fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/test/schema', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'bad_request',
      issues: [{ path: 'body', message: expect.stringContaining('name') }],
    });
  });

  it('answers 413 with a clear message for a body over the limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'robin.tester', password: 'x'.repeat(BODY_LIMIT * 2) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: 'payload_too_large',
      message:
        'The request is larger than the server accepts (4 KB). Send fewer changes at a time.',
    });
  });

  it('answers 415 for a content type the server does not read', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/xml' },
      payload: '<signin/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('answers 400 for invalid JSON, an empty JSON body and prototype poisoning', async () => {
    const cases = ['{"username":', '', '{"__proto__": {"admin": true}}', 'null', '[1,2]'];
    for (const payload of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error, payload).toBe('bad_request');
    }
  });

  it('survives odd input: long or encoded URLs, bad headers, every method', async () => {
    const urls = [
      '/api/%',
      '/api/%E0%A4%A',
      `/api/${'a'.repeat(10_000)}`,
      '/api/auth/sign-in?x=%ZZ',
    ];
    for (const url of urls) {
      const res = await t.app.inject({ url, headers: { accept: 'application/json' } });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
      const res = await t.app.inject({ method, url: '/api/auth/sign-in' });
      expect(res.statusCode).toBe(404);
    }
    const res = await t.app.inject({
      url: '/api/me',
      headers: { authorization: 'Bearer ' + '.'.repeat(50_000) },
    });
    expect(res.statusCode).toBe(401);
    // And the server still answers.
    expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('kept the 500s for the log only', async () => {
    // Its own 500, so the test holds when run alone or in any order.
    const before = logged.length;
    const res = await t.app.inject({ url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    const mine = logged.slice(before);
    expect(mine.some((e) => e instanceof Error && e.message.includes('hunter2'))).toBe(true);
  });
});
