// Fuzzing the push endpoint: malformed and hostile payloads must never produce a 5xx or corrupt
// stored data. Counts are asserted (0 server errors), not timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROTOCOL_VERSION } from '../../../src/domain/protocol';
import { RECORD_SCHEMAS, RECORD_TYPES } from '../../../src/domain/records';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openSyncServer, type SyncServer } from './harness';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';

const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  'a'.repeat(300),
  'answers.__proto__',
  'answers.x.y',
  '$where',
  "'; drop table records; --",
);
const hostileValue = fc.oneof(
  { weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
  { weight: 10, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 10, arbitrary: fc.integer({ min: -2, max: 500 }) },
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 53 + 1,
    -0,
    '',
    ' ',
    '\u0000',
    '<script>alert(1)</script>',
    '2026-02-30',
    '9999-99-99',
  ),
);

const recordType = fc.constantFrom(...RECORD_TYPES);
const hex32 = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 32,
  maxLength: 32,
});

/** Record fields that are mostly real field names with hostile values, so the merge sees them. */
const hostileFields = (type: (typeof RECORD_TYPES)[number]) =>
  fc.dictionary(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          ...Object.keys(RECORD_SCHEMAS[type].shape),
          'answers.incomeFromAnySource',
          'answers.monthlyIncome',
        ),
      },
      { weight: 1, arbitrary: hostileKey },
      { weight: 1, arbitrary: fc.string() },
    ),
    hostileValue,
    { minKeys: 1, maxKeys: 5 },
  );

/** A mutation with a valid envelope (so it reaches the merge) and hostile content. */
function reachingMutation(deviceId: string, seq: number) {
  return recordType.chain((type) =>
    fc
      .record({
        mutationId: hex32,
        deviceId: fc.constant(deviceId),
        seq: fc.constant(seq),
        hlc: fc.constant(`001795532520000-${String(seq).padStart(5, '0')}-${deviceId}`),
        recordType: fc.constant(type),
        recordId: fc.oneof(fc.constant(testId('fuzz-client')), hex32),
        op: fc.constantFrom('create', 'patch', 'patch', 'delete', 'restore'),
        fields: hostileFields(type),
        seen: fc.constant({}),
      })
      .map((m) => (m.op === 'delete' || m.op === 'restore' ? { ...m, fields: {} } : m)),
  );
}

/** A mutation-shaped object whose every part may be wrong. */
const anyMutation = fc.record({
  mutationId: fc.oneof(hex32, fc.string()),
  deviceId: fc.oneof(fc.constant('dev-fuzz'), fc.string()),
  seq: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER)),
  hlc: fc.oneof(fc.constant('001795532520000-00001-dev-fuzz'), fc.string()),
  recordType: fc.oneof(recordType, fc.string()),
  recordId: fc.oneof(hex32, fc.string()),
  op: fc.oneof(fc.constantFrom('create', 'patch', 'delete', 'restore'), fc.string()),
  fields: recordType.chain(hostileFields),
  seen: fc.dictionary(fc.oneof(hostileKey, fc.string()), hostileValue, { maxKeys: 3 }),
});

describe.each(STORAGE_KINDS)('push fuzzing on %s', (kind) => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await openSyncServer(kind);
  });
  afterAll(async () => server.close());

  it('answers every malformed or hostile push with a 4xx or a per-mutation result, never a 5xx', async () => {
    // A known record, so that hostile patches reach the merge instead of "not on the server".
    const device = new Device('dev-seed', server.userIds.cmA);
    device.time = server.clock.now;
    await server.push('cmA', [device.create('client', testId('fuzz-client'), clientFields())]);
    const before = await server.pullAll('cmA');

    const statuses = new Map<number, number>();
    let devices = 0;
    const body = fc.oneof(
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      {
        weight: 2,
        arbitrary: fc.record({
          protocolVersion: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.jsonValue()),
          providerId: fc.oneof(
            fc.constant(server.providers.p1),
            fc.constant(server.providers.p2),
            fc.string(),
          ),
          deviceId: fc.oneof(fc.constant('dev-fuzz'), fc.string()),
          mutations: fc.oneof(fc.array(anyMutation, { maxLength: 6 }), fc.jsonValue()),
        }),
      },
      {
        weight: 6,
        arbitrary: fc.integer({ min: 1, max: 3 }).chain((count) => {
          const deviceId = `fuzz-${++devices}`;
          return fc
            .tuple(...Array.from({ length: count }, (_, i) => reachingMutation(deviceId, i + 1)))
            .map((mutations) => ({
              protocolVersion: PROTOCOL_VERSION,
              providerId: server.providers.p1,
              deviceId,
              mutations,
            }));
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await server.pushRaw('cmA', payload);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(() => JSON.parse(res.body)).not.toThrow();
      }),
      { numRuns: kind === 'sqlite' ? 600 : 250 },
    );
    // Also raw bytes that are not JSON at all.
    for (const raw of [
      '{',
      'null',
      '[]',
      '"',
      '{"protocolVersion":1,"mutations":[{}]}',
      '\u0000\u0001',
    ]) {
      const headers = { 'content-type': 'application/json', ...(await server.authHeader('cmA')) };
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers,
        payload: raw,
      });
      expect(res.statusCode).toBeLessThan(500);
    }
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    expect(serverErrors).toBe(0);
    // Stored data is intact: the known client is still there, unchanged unless a valid change hit it.
    const after = await server.pullAll('cmA');
    expect(after.find((s) => s.id === testId('fuzz-client'))).toBeDefined();
    expect(before.length).toBeGreaterThan(0);
    console.info(
      `push fuzzing on ${kind}: ${[...statuses].map(([s, c]) => `${c}×${s}`).join(', ')}`,
    );
  }, 300_000);
});
