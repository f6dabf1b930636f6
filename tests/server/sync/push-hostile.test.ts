// Hostile input to every JSON route, on SQLite and PostgreSQL: values nested up to a million levels
// deep, huge strings, NUL bytes, prototype keys, wrong types and protocol versions. The server
// answers each with a 4xx or a per-mutation result, never a 5xx (issue 9: a 3 KB body of arrays
// nested 1,300 deep overflowed the recursive JSON schema and answered 500, so a device holding
// such a change retried forever and its later changes stayed stuck). And one bad mutation is
// rejected on its own (M9): its sequence number is consumed and its batch goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROTOCOL_VERSION, type Mutation } from '../../../src/domain/protocol';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openSyncServer, type SyncServer } from './harness';

/** `depth` nested arrays around `inner`, as JSON text (a JS value that deep could not be built). */
function nested(depth: number, inner = '1'): string {
  return '['.repeat(depth) + inner + ']'.repeat(depth);
}

/** A nested object `{"a":{"a":...}}` as JSON text. */
function nestedObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** The requests of one storage's run: counted by status. */
class Tally {
  readonly statuses = new Map<number, number>();
  add(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  get total(): number {
    return [...this.statuses.values()].reduce((a, b) => a + b, 0);
  }
  get serverErrors(): number {
    return [...this.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  }
  toString(): string {
    return [...this.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${c}×${s}`)
      .join(', ');
  }
}

describe.each(STORAGE_KINDS)('hostile requests on %s', (kind) => {
  let server: SyncServer;
  const tally = new Tally();
  let seq = 0;
  let device: Device;

  beforeAll(async () => {
    server = await openSyncServer(kind);
    device = new Device('dev-hostile', server.userIds.cmA);
    device.time = server.clock.now - 60_000;
  });
  afterAll(async () => {
    console.info(
      `hostile requests on ${kind}: ${tally.total} requests, ${tally.serverErrors} answered 5xx (${tally})`,
    );
    await server.close();
  });

  async function send(url: string, payload: string, user: 'cmA' | null = 'cmA') {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) Object.assign(headers, await server.authHeader(user));
    const res = await server.app.inject({ method: 'POST', url, headers, payload });
    tally.add(res.statusCode);
    return res;
  }

  /** A push body as text, with the mutations' JSON spliced in as given. */
  function pushBody(mutationsJson: string[], deviceId = 'dev-hostile'): string {
    return (
      `{"protocolVersion":${PROTOCOL_VERSION},"providerId":"${server.providers.p1}",` +
      `"deviceId":"${deviceId}","mutations":[${mutationsJson.join(',')}]}`
    );
  }

  /** A valid mutation's JSON with `fields` (or `seen`) replaced by raw JSON text. */
  function withRawFields(m: Mutation, part: 'fields' | 'seen', raw: string): string {
    const json = JSON.stringify({ ...m, [part]: '__RAW__' });
    return json.replace('"__RAW__"', raw);
  }

  function nextClient(name: string): Mutation {
    seq += 1;
    device.advance(10);
    return device.create(
      'client',
      testId(`hostile-${name}-${seq}`),
      clientFields({
        firstName: `Hostile${String.fromCharCode(97 + (seq % 26))}${String.fromCharCode(97 + (Math.floor(seq / 26) % 26))}`,
      }),
    );
  }

  it('rejects a deeply nested value on its own (M9), applies the rest of its batch, and the device goes on', async () => {
    for (const depth of [1_300, 100_000, 1_000_000]) {
      const before = nextClient('before');
      const bad = nextClient('bad');
      const after = nextClient('after');
      const res = await send(
        '/api/sync/push',
        pushBody([
          JSON.stringify(before),
          withRawFields(bad, 'fields', `{"firstName":${nested(depth, '"x"')}}`),
          JSON.stringify(after),
        ]),
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const results = (res.json() as { results: { status: string; message: string | null }[] })
        .results;
      expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(results[1]!.message).toMatch(/nested at most 8 levels/);
    }
    // Seen values are bounded alike.
    const m = nextClient('seen');
    const res = await send(
      '/api/sync/push',
      pushBody([withRawFields(m, 'seen', nestedObject(5_000))]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].status).toBe('rejected');
    // And the next change of the device is applied (its sequence number was not blocked).
    const next = await server.push('cmA', [nextClient('next')]);
    expect(next.results[0]!.status).toBe('applied');
  });

  it('holds a rejected mutation that arrives ahead of a gap and rejects it in its turn', async () => {
    const first = nextClient('gap-1');
    const second = nextClient('gap-2');
    const third = nextClient('gap-3');
    const early = await send(
      '/api/sync/push',
      pushBody([withRawFields(second, 'fields', nested(50)), JSON.stringify(third)]),
    );
    expect(early.json().results.map((r: { status: string }) => r.status)).toEqual(['held', 'held']);
    const late = await server.push('cmA', [first]);
    expect(late.results[0]!.status).toBe('applied');
    const replay = await send(
      '/api/sync/push',
      pushBody([withRawFields(second, 'fields', nested(50)), JSON.stringify(third)]),
    );
    const results = replay.json().results as { status: string; message: string }[];
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(results[0]!.message).toMatch(/cannot be saved as sent/);
  });

  it('answers 400, never 5xx, for nesting anywhere else in a body, on every JSON route', async () => {
    const routes = [
      '/api/sync/push',
      '/api/sync/pull',
      '/api/auth/sign-in',
      '/api/auth/refresh',
      '/api/auth/sign-out',
      `/api/conflicts/${testId('nope')}/resolve`,
      // Issue 11: the sealed delivery of a locked device, search by POST, device revocation.
      '/api/sync/deliver',
      '/api/clients/search',
      '/api/admin/devices/revoke',
    ];
    for (const url of routes) {
      for (const depth of [1_300, 1_000_000]) {
        for (const body of [
          nested(depth),
          nestedObject(Math.min(depth, 200_000)),
          `{"protocolVersion":${PROTOCOL_VERSION},"providerId":${nested(depth)}}`,
          `{"protocolVersion":${PROTOCOL_VERSION},"providerId":"${server.providers.p1}","deviceId":"dev-hostile","mutations":${nested(depth)}}`,
          `{"protocolVersion":${PROTOCOL_VERSION},"providerId":"${server.providers.p1}","deviceId":"dev-hostile","mutations":[${nested(depth)}]}`,
          `{"username":${nested(depth)},"password":"x"}`,
        ]) {
          const res = await send(url, body);
          expect(res.statusCode, `${url} ${body.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBeLessThan(500);
        }
      }
    }
  });

  it('answers every one of thousands of generated hostile pushes with a 4xx or a result, never a 5xx', async () => {
    const hostileString = fc.oneof(
      fc.constant('x'.repeat(5_000)),
      fc.constant('\u0000'),
      fc.constant('a\u0000b'),
      fc.constant('__proto__'),
      fc.string({ maxLength: 20 }),
      fc.constant('\ud800'),
    );
    const hostileJson = fc.oneof(
      fc.integer({ min: 2, max: 3_000 }).map((d) => nested(d)),
      fc.integer({ min: 2, max: 3_000 }).map((d) => nestedObject(d)),
      hostileString.map((s) => JSON.stringify(s)),
      fc.constantFrom(
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '1e999',
        '-0',
        'null',
        'true',
        '[]',
        '{}',
        JSON.stringify(Array.from({ length: 150 }, (_, i) => i)),
      ),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    );
    const fieldName = fc.constantFrom(
      'firstName',
      'phone',
      'email',
      'dob',
      'race',
      'answers.disablingCondition',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      '',
    );
    const rawFields = fc
      .array(fc.tuple(fieldName, hostileJson), { minLength: 1, maxLength: 3 })
      .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
    const version = fc.oneof(
      { weight: 8, arbitrary: fc.constant(String(PROTOCOL_VERSION)) },
      { weight: 1, arbitrary: fc.constantFrom('0', '2', '"1"', 'null', '[1]', nested(2_000)) },
    );
    const body = fc
      .record({
        version,
        fields: rawFields,
        seen: fc.oneof(fc.constant('{}'), rawFields),
        op: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('"create"', '"patch"', '"delete"') },
          { weight: 1, arbitrary: fc.constantFrom('"bogus"', '7', nested(1_500)) },
        ),
        seq: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 1, max: 50 }).map(String) },
          { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1.5', '1e300', '"1"') },
        ),
        recordType: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('"client"', '"assessment"', '"contact"') },
          { weight: 1, arbitrary: fc.constantFrom('"nope"', '{}') },
        ),
      })
      .map((b) => {
        const deviceId = 'dev-fuzz-hostile';
        return (
          `{"protocolVersion":${b.version},"providerId":"${server.providers.p1}","deviceId":"${deviceId}",` +
          `"mutations":[{"mutationId":"${testId(`fz-${Math.random()}`)}","deviceId":"${deviceId}",` +
          `"seq":${b.seq},"hlc":"001795532520000-00001-${deviceId}","recordType":${b.recordType},` +
          `"recordId":"${testId('fuzz-record')}","op":${b.op},"fields":${b.fields},"seen":${b.seen}}]}`
        );
      });
    const before = tally.serverErrors;
    const runs = 5_000;
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await send('/api/sync/push', payload);
        expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
        expect(() => JSON.parse(res.body) as unknown).not.toThrow();
      }),
      { numRuns: runs },
    );
    expect(tally.serverErrors - before).toBe(0);
    // Nothing was polluted.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);

  it('counted no 5xx over at least 5,000 requests on this storage', () => {
    expect(tally.total).toBeGreaterThanOrEqual(5_000);
    expect(tally.serverErrors).toBe(0);
  });
});
