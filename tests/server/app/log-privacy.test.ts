// The server's log never holds a client's name, DOB or SSN (issue 11 §4): a client with marker
// names is pushed, pulled and searched for (by POST, by the refused GET with a query string, with
// a bad body, with an unparsable body), an unknown /api route is asked with the names in its
// query, and a failure carries them in a database-style error field; then every log line, at
// trace level, is searched for the markers, the DOB and the SSN digits. Synthetic people only.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PushResponse } from '../../../src/domain/protocol';
import { buildApp } from '../../../sync-server/src/app';
import { Device, T0, clientFields, testId } from '../../domain/merge/fixtures';
import { seedTestUser, tempDir, testConfig, writeBuiltFixture } from '../helpers';
import { STORAGE_KINDS, openTestStorage } from '../storage/test-storage';

const FIRST = 'Zebulonmarker';
const LAST = 'Quixotemarker';
const DOB = '1983-07-29';
const SSN = '412859637';
const LAST4 = SSN.slice(-4);

/** Every form the person's details could take in a log line. */
const FORBIDDEN = [
  FIRST.toLowerCase(),
  LAST.toLowerCase(),
  DOB,
  DOB.replaceAll('-', ''),
  '07/29/1983',
  SSN,
  '412-85-9637',
  // The last 4 alone would also match random ids and timings: look for them as a value.
  `"${LAST4}"`,
  `=${LAST4}`,
];

describe.each(STORAGE_KINDS)('request logs on %s', (kind) => {
  let app: FastifyInstance;
  let lines: string[];
  let close: () => Promise<void>;
  let providerId: string;
  let userId: string;
  let token: string;

  beforeEach(async () => {
    lines = [];
    const { storage, cleanup } = await openTestStorage(kind);
    const data = tempDir('data');
    const dist = tempDir('dist');
    writeBuiltFixture(dist.dir);
    app = buildApp(testConfig({ dataDir: data.dir, staticDir: dist.dir, logLevel: 'trace' }), {
      storage,
      now: () => T0 + 120_000,
      logStream: { write: (line) => void lines.push(line) },
    });
    // A failure whose error carries row values the way a PostgreSQL constraint error does.
    app.post('/api/test/constraint', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint'), {
        code: '23505',
        detail: `Key (last_name, dob)=(${LAST}, ${DOB}) already exists.`,
        where: `SQL statement with ${FIRST}`,
      });
    });
    await app.ready();
    const seeded = await seedTestUser(storage);
    providerId = seeded.providerId;
    userId = seeded.userId;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: seeded.username, password: seeded.password },
    });
    expect(signIn.statusCode).toBe(200);
    token = (signIn.json() as { accessToken: string }).accessToken;
    close = async () => {
      await app.close();
      await cleanup();
      data.cleanup();
      dist.cleanup();
    };
  });
  afterEach(async () => close());

  const auth = () => ({ authorization: `Bearer ${token}` });

  it('holds no name, DOB or SSN digits after push, pull, searches and failures', async () => {
    const device = new Device('dev-log', userId);
    device.time = T0 + 120_000;
    const clientId = testId('log-privacy-client');
    const push = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: auth(),
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        providerId,
        deviceId: device.id,
        mutations: [
          device.create(
            'client',
            clientId,
            clientFields({ firstName: FIRST, lastName: LAST, dob: DOB, ssn: SSN }),
          ),
          // Refused by the record rules: the names come back in a rejection, not in the log.
          device.create('client', testId('log-privacy-bad'), clientFields({ dob: FIRST })),
        ],
      },
    });
    expect(push.statusCode).toBe(200);
    expect((push.json() as PushResponse).results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
    ]);

    const pull = await app.inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers: auth(),
      payload: { protocolVersion: PROTOCOL_VERSION, providerId, deviceId: device.id, cursor: null },
    });
    expect(pull.statusCode).toBe(200);
    expect(pull.body).toContain(FIRST);

    const search = await app.inject({
      method: 'POST',
      url: '/api/clients/search',
      headers: auth(),
      payload: { providerId, firstName: FIRST, lastName: LAST, dob: DOB, ssnLast4: LAST4 },
    });
    expect(search.statusCode).toBe(200);
    expect((search.json() as { clients: { id: string }[] }).clients.map((c) => c.id)).toEqual([
      clientId,
    ]);

    const query = `lastName=${LAST}&firstName=${FIRST}&dob=${DOB}&ssnLast4=${LAST4}`;
    const oldGet = await app.inject({
      url: `/api/clients/search?providerId=${providerId}&${query}`,
      headers: auth(),
    });
    expect(oldGet.statusCode).toBe(405);
    const unknown = await app.inject({ url: `/api/no-such-route?${query}`, headers: auth() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain(LAST);
    const badUrl = await app.inject({ url: `/api/clients/%E0/enrollments?${query}` });
    expect(badUrl.statusCode).toBe(400);
    const page = await app.inject({
      url: `/clients/find?${query}`,
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);

    const tooLong = await app.inject({
      method: 'POST',
      url: '/api/clients/search',
      headers: auth(),
      payload: { providerId, lastName: LAST.repeat(5), ssnLast4: `${LAST4}x` },
    });
    expect(tooLong.statusCode).toBe(400);
    // V8's JSON.parse error message quotes the text it could not parse.
    const unparsable = await app.inject({
      method: 'POST',
      url: '/api/clients/search',
      headers: { ...auth(), 'content-type': 'application/json' },
      payload: `{"providerId":"${providerId}","lastName":"${LAST}","dob":${DOB}}`,
    });
    expect(unparsable.statusCode).toBe(400);
    const failure = await app.inject({
      method: 'POST',
      url: `/api/test/constraint?lastName=${LAST}`,
      headers: auth(),
      payload: { lastName: LAST },
    });
    expect(failure.statusCode).toBe(500);

    // The log did record these requests, by path only.
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const urls = entries
      .map((e) => (e.req as { url?: string } | undefined)?.url)
      .filter((u): u is string => typeof u === 'string');
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/sync/push',
        '/api/sync/pull',
        '/api/clients/search',
        '/api/no-such-route',
        '/clients/find',
        '/api/test/constraint',
      ]),
    );
    expect(urls.filter((u) => u.includes('?'))).toEqual([]);
    const unhandled = entries.find((e) => e.msg === 'Unhandled error');
    expect(unhandled?.err).toMatchObject({ code: '23505' });

    const text = lines.join('\n').toLowerCase();
    const hits = FORBIDDEN.filter((value) => text.includes(value.toLowerCase()));
    expect(hits).toEqual([]);
    // Nor a token (headers are not logged).
    expect(text).not.toContain(token.toLowerCase());
  });
});
