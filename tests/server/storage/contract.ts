// The storage contract: every method of Storage/StorageTx, run on each adapter by sqlite.test.ts
// and postgres.test.ts. A behaviour the sync server relies on belongs here, so both databases are
// held to it.
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KyselyStorage } from '../../../sync-server/src/storage/kysely-storage';
import { recordToRow } from '../../../sync-server/src/storage/rows';
import type { Database } from '../../../sync-server/src/storage/schema';
import {
  recordKey,
  type AuditEntry,
  type HeldMutation,
  type Storage,
  type StorageKind,
  type StoredRecord,
} from '../../../sync-server/src/storage';
import {
  PROVIDER_A,
  PROVIDER_B,
  USER_1,
  USER_2,
  client,
  clientKeysOf,
  conflictRow,
  enrollment,
  id,
  iso,
  mutation,
  mutationRow,
  provider,
  record,
  user,
  version,
  type ClientPerson,
} from './fixtures';
import { createTestDatabase, type TestDatabase } from './test-storage';

const ROBIN: ClientPerson = {
  first: 'Robin',
  last: 'Testperson',
  dob: '1990-05-17',
  ssn: '123451234',
};
const ROBYN: ClientPerson = { first: 'Robyn', last: 'Testperson', dob: '1991-01-02', ssn: null };
const RIVER: ClientPerson = {
  first: 'River',
  last: 'Sampleton',
  dob: '1990-05-17',
  ssn: '987650001',
};
const SAM: ClientPerson = { first: 'Sam', last: 'Testington', dob: null, ssn: '555661234' };

const keyOf = (r: StoredRecord) => ({ type: r.state.type, id: r.state.id });

export function storageContract(kind: StorageKind): void {
  describe(`storage contract on ${kind}`, () => {
    let database: TestDatabase;
    let storage: Storage;

    beforeEach(async () => {
      database = createTestDatabase(kind, { sqlite: 'file' });
      storage = database.open();
      await storage.migrate();
    });

    afterEach(async () => {
      await database.cleanup();
    });

    describe('lifecycle', () => {
      it('has the kind it was created as', () => {
        expect(storage.kind).toBe(kind);
      });

      it('is not ready before migrating, ready after; migrating again changes nothing', async () => {
        const other = createTestDatabase(kind, { sqlite: 'file' });
        try {
          const fresh = other.open();
          expect(await fresh.isReady()).toBe(false);
          await fresh.migrate();
          expect(await fresh.isReady()).toBe(true);
          await fresh.putProvider(provider(1));
          await fresh.migrate();
          expect(await fresh.isReady()).toBe(true);
          expect(await fresh.listProviders()).toEqual([provider(1)]);
          expect(await fresh.reserveChangeSeqs(1)).toBe(1);
        } finally {
          await other.cleanup();
        }
      });

      it('a second instance on a migrated database finds nothing to migrate', async () => {
        await storage.putProvider(provider(1));
        const second = database.open();
        expect(await second.isReady()).toBe(true);
        await second.migrate();
        expect(await second.getProvider(provider(1).id)).toEqual(provider(1));
      });

      it('is not ready once closed; closing twice is harmless', async () => {
        await storage.close();
        expect(await storage.isReady()).toBe(false);
        await storage.close();
      });

      it('keeps everything across close and reopen', async () => {
        await storage.putProvider(provider(1));
        await storage.putUser(user(1));
        await storage.addMembership(USER_1, PROVIDER_A);
        const seq = await storage.reserveChangeSeqs(3);
        await storage.putRecords([client(1, ROBIN, seq), record('enrollment', 2, seq + 1)]);
        await storage.addScopes([{ type: 'client', id: id('c', 1), providerId: PROVIDER_A }]);
        await storage.appendAudit([audit({ action: 'create', recordId: id('c', 1) })]);
        await storage.close();

        const reopened = database.open();
        expect(await reopened.isReady()).toBe(true);
        await reopened.migrate();
        expect(await reopened.getProvider(PROVIDER_A)).toEqual(provider(1));
        expect(await reopened.getUserById(USER_1)).toEqual(user(1));
        expect(await reopened.listMemberships(USER_1)).toEqual([PROVIDER_A]);
        const records = await reopened.getRecords([
          keyOf(client(1, ROBIN)),
          keyOf(record('enrollment', 2)),
        ]);
        expect(records.get(recordKey('client', id('c', 1)))).toEqual(client(1, ROBIN, seq));
        expect(records.size).toBe(2);
        expect(await reopened.reserveChangeSeqs(1)).toBe(seq + 3);
        expect((await reopened.pullChanges(PROVIDER_A, 0, 10)).records).toHaveLength(1);
        expect(await reopened.listAudit({ limit: 10 })).toHaveLength(1);
      });

      if (kind === 'postgres') {
        it('several instances migrating one database at once all succeed', async () => {
          const other = createTestDatabase(kind);
          try {
            const instances = [other.open(), other.open(), other.open()];
            await Promise.all(instances.map((s) => s.migrate()));
            for (const s of instances) expect(await s.isReady()).toBe(true);
            expect(await instances[0]!.reserveChangeSeqs(1)).toBe(1);
          } finally {
            await other.cleanup();
          }
        });
      }
    });

    describe('providers, users and memberships', () => {
      it('stores providers and updates them in place', async () => {
        expect(await storage.getProvider(PROVIDER_A)).toBeNull();
        await storage.putProvider(provider(2, { name: 'Beta Shelter', cocCode: null }));
        await storage.putProvider(provider(1, { organizationName: null, funders: [] }));
        expect(await storage.getProvider(PROVIDER_A)).toEqual(
          provider(1, { organizationName: null, funders: [] }),
        );
        await storage.putProvider(provider(1, { name: 'Alpha Outreach', active: false }));
        expect(await storage.listProviders()).toEqual([
          provider(1, { name: 'Alpha Outreach', active: false }),
          provider(2, { name: 'Beta Shelter', cocCode: null }),
        ]);
      });

      it('stores users, finds them by id and username, and updates them', async () => {
        await storage.putUser(user(2, { email: null, role: 'supervisor' }));
        await storage.putUser(user(1));
        expect(await storage.getUserById(USER_1)).toEqual(user(1));
        expect(await storage.getUserByUsername('tester.2')).toEqual(
          user(2, { email: null, role: 'supervisor' }),
        );
        expect(await storage.getUserById(id('b', 99))).toBeNull();
        expect(await storage.getUserByUsername('nobody')).toBeNull();

        const locked = user(1, {
          failedSignIns: 5,
          lockedUntil: iso(15 * 60_000),
          active: false,
          updatedAt: iso(1000),
        });
        await storage.putUser(locked);
        expect(await storage.getUserById(USER_1)).toEqual(locked);
        expect((await storage.listUsers()).map((u) => u.username)).toEqual([
          'tester.1',
          'tester.2',
        ]);
      });

      it('refuses a second user with the same username', async () => {
        await storage.putUser(user(1));
        await expect(storage.putUser(user(2, { username: 'tester.1' }))).rejects.toThrow();
        expect(await storage.listUsers()).toEqual([user(1)]);
      });

      it('adds (idempotently), lists and removes memberships', async () => {
        await storage.putProvider(provider(1));
        await storage.putProvider(provider(2));
        await storage.putUser(user(1));
        await storage.putUser(user(2));
        await storage.addMembership(USER_1, PROVIDER_B);
        await storage.addMembership(USER_1, PROVIDER_A);
        await storage.addMembership(USER_1, PROVIDER_A);
        await storage.addMembership(USER_2, PROVIDER_A);
        expect(await storage.listMemberships(USER_1)).toEqual([PROVIDER_A, PROVIDER_B]);
        expect(await storage.listProviderMembers(PROVIDER_A)).toEqual([USER_1, USER_2]);
        await storage.removeMembership(USER_1, PROVIDER_A);
        await storage.removeMembership(USER_1, PROVIDER_A);
        expect(await storage.listMemberships(USER_1)).toEqual([PROVIDER_B]);
        expect(await storage.listProviderMembers(PROVIDER_A)).toEqual([USER_2]);
        expect(await storage.listMemberships(id('b', 99))).toEqual([]);
      });

      it("lists a provider's users, active or not, by id, and no one else", async () => {
        await storage.putProvider(provider(1));
        await storage.putProvider(provider(2));
        const inactive = user(3, { active: false, displayName: 'Aaron Inactive' });
        for (const u of [user(2, { role: 'supervisor' }), user(1), inactive, user(4)]) {
          await storage.putUser(u);
        }
        await storage.addMembership(USER_2, PROVIDER_A);
        await storage.addMembership(USER_1, PROVIDER_A);
        await storage.addMembership(inactive.id, PROVIDER_A);
        await storage.addMembership(USER_1, PROVIDER_B);
        await storage.addMembership(id('b', 4), PROVIDER_B);
        expect(await storage.listProviderUsers(PROVIDER_A)).toEqual([
          user(1),
          user(2, { role: 'supervisor' }),
          inactive,
        ]);
        expect(await storage.listProviderUsers(PROVIDER_B)).toEqual([user(1), user(4)]);
        expect(await storage.listProviderUsers(id('a', 99))).toEqual([]);
        const inTx = await storage.transaction((tx) => tx.listProviderUsers(PROVIDER_B));
        expect(inTx.map((u) => u.id)).toEqual([USER_1, id('b', 4)]);
      });
    });

    describe('refresh tokens', () => {
      const token = (n: number, userId = USER_1) => ({
        id: id('d', n),
        userId,
        tokenHash: `hash-${n}`,
        deviceId: n % 2 === 0 ? null : `dev-${n}`,
        expiresAt: iso(30 * 86_400_000),
        revokedAt: null,
        createdAt: iso(n),
      });

      beforeEach(async () => {
        await storage.putUser(user(1));
        await storage.putUser(user(2));
      });

      it('finds a token by its hash', async () => {
        await storage.putRefreshToken(token(1));
        await storage.putRefreshToken(token(2));
        expect(await storage.getRefreshTokenByHash('hash-1')).toEqual(token(1));
        expect(await storage.getRefreshTokenByHash('hash-2')).toEqual(token(2));
        expect(await storage.getRefreshTokenByHash('hash-3')).toBeNull();
      });

      it('revokes one token, keeping the first revocation time', async () => {
        await storage.putRefreshToken(token(1));
        await storage.putRefreshToken(token(2));
        await storage.revokeRefreshToken(token(1).id, iso(5000));
        await storage.revokeRefreshToken(token(1).id, iso(9000));
        expect((await storage.getRefreshTokenByHash('hash-1'))?.revokedAt).toBe(iso(5000));
        expect((await storage.getRefreshTokenByHash('hash-2'))?.revokedAt).toBeNull();
      });

      it("revokes all of one user's tokens and no one else's", async () => {
        await storage.putRefreshToken(token(1));
        await storage.putRefreshToken(token(2));
        await storage.putRefreshToken(token(3, USER_2));
        await storage.revokeRefreshToken(token(1).id, iso(1000));
        await storage.revokeUserRefreshTokens(USER_1, iso(2000));
        expect((await storage.getRefreshTokenByHash('hash-1'))?.revokedAt).toBe(iso(1000));
        expect((await storage.getRefreshTokenByHash('hash-2'))?.revokedAt).toBe(iso(2000));
        expect((await storage.getRefreshTokenByHash('hash-3'))?.revokedAt).toBeNull();
      });
    });

    describe('mutations, device sequence and held mutations', () => {
      it('stores mutations as received and finds many at once', async () => {
        const rows = [
          mutationRow(1),
          mutationRow(2, { status: 'rejected', message: 'Not allowed.' }),
        ];
        await storage.putMutations(rows);
        const found = await storage.getMutations([id('e', 2), id('e', 1), id('e', 3), id('e', 1)]);
        expect(found.size).toBe(2);
        expect(found.get(id('e', 1))).toEqual(rows[0]);
        expect(found.get(id('e', 2))).toEqual(rows[1]);
        expect(await storage.getMutations([])).toEqual(new Map());
      });

      it('M7: refuses a mutation id stored already, keeping the first', async () => {
        const first = mutationRow(1, { status: 'applied' });
        await storage.putMutations([first]);
        const again = mutationRow(1, { status: 'conflict', conflictIds: [id('f', 1)] });
        await expect(storage.putMutations([again])).rejects.toThrow();
        await expect(
          storage.transaction((tx) => tx.putMutations([mutationRow(2), mutationRow(2)])),
        ).rejects.toThrow();
        const found = await storage.getMutations([id('e', 1), id('e', 2)]);
        expect([...found.values()]).toEqual([first]);
      });

      it('handles batches larger than one statement', async () => {
        const rows = Array.from({ length: 2500 }, (_, i) => mutationRow(i + 1));
        await storage.putMutations(rows);
        const found = await storage.getMutations(rows.map((r) => r.mutationId));
        expect(found.size).toBe(2500);
        expect(found.get(id('e', 2500))).toEqual(rows[2499]);
      });

      it("keeps each device's next sequence number and its first user", async () => {
        expect(await storage.getDevices(['dev-1'])).toEqual(new Map());
        await storage.setDeviceNextSeq('dev-1', 5, USER_1);
        await storage.setDeviceNextSeq('dev-2', 2, USER_2);
        // The owner is whoever wrote the device first; a later writer does not take it over.
        await storage.setDeviceNextSeq('dev-1', 7, USER_2);
        expect(await storage.getDevices(['dev-1', 'dev-2', 'dev-3'])).toEqual(
          new Map([
            ['dev-1', { deviceId: 'dev-1', nextSeq: 7, userId: USER_1 }],
            ['dev-2', { deviceId: 'dev-2', nextSeq: 2, userId: USER_2 }],
          ]),
        );
      });

      it('lockKeys takes locks inside a transaction, shared by key or exclusive', async () => {
        await storage.transaction(async (tx) => {
          await tx.lockKeys(['device:dev-1', 'record:client:x', 'device:dev-1']);
          await tx.lockKeys([]);
          await tx.lockKeys(['record:client:x', 'record:client:y']);
        });
        await storage.transaction((tx) => tx.lockKeys([], { exclusive: true }));
      });

      it('holds mutations per device in sequence order and deletes them by number', async () => {
        const held = (seq: number, deviceId = 'dev-1'): HeldMutation => ({
          deviceId,
          seq,
          userId: USER_1,
          providerId: PROVIDER_A,
          mutation: { ...mutation(seq, deviceId) },
          // Odd ones stand for mutations whose content was refused (M9) and wait their turn.
          rejection: seq % 2 === 1 ? `Change ${seq} cannot be saved as sent.` : null,
          receivedAt: iso(seq),
        });
        await storage.putHeld([held(9), held(4), held(6, 'dev-2')]);
        await storage.putHeld([held(7), held(4)]);
        expect(await storage.getHeld('dev-1')).toEqual([held(4), held(7), held(9)]);
        await storage.deleteHeld('dev-1', [4, 9, 100]);
        expect(await storage.getHeld('dev-1')).toEqual([held(7)]);
        expect(await storage.getHeld('dev-2')).toEqual([held(6, 'dev-2')]);
        await storage.deleteHeld('dev-1', []);
        expect(await storage.getHeld('dev-3')).toEqual([]);
      });
    });

    describe('records', () => {
      it('round-trips states and client keys exactly', async () => {
        const rows = [
          client(1, ROBIN),
          client(2, SAM),
          record('assessment', 3),
          record('contact', 4),
        ];
        rows[1]!.state.deleted = true;
        await storage.putRecords(rows);
        const found = await storage.getRecords([
          ...rows.map(keyOf),
          { type: 'client', id: id('c', 9) },
        ]);
        expect(found.size).toBe(4);
        for (const r of rows) expect(found.get(recordKey(r.state.type, r.state.id))).toEqual(r);
      });

      it('keys records by type and id', async () => {
        const enrollment = record('enrollment', 1);
        const contact = {
          ...record('contact', 2),
          state: { ...record('contact', 2).state, id: id('d', 1) },
        };
        await storage.putRecords([enrollment, contact]);
        const found = await storage.getRecords([keyOf(enrollment), keyOf(contact)]);
        expect(found.get(recordKey('enrollment', id('d', 1)))).toEqual(enrollment);
        expect(found.get(recordKey('contact', id('d', 1)))).toEqual(contact);
      });

      it('upserts: a record put again takes the new state, change number and keys', async () => {
        await storage.putRecords([client(1, ROBIN, 1)]);
        const renamed = client(1, { ...ROBIN, first: 'Rob', ssn: null }, 7);
        await storage.putRecords([renamed]);
        expect(
          (await storage.getRecords([keyOf(renamed)])).get(recordKey('client', id('c', 1))),
        ).toEqual(renamed);
        expect(await storage.findClients({ nameDobKeys: [], ssns: [ROBIN.ssn!] })).toEqual([]);
      });

      it('the last of duplicates in one batch wins', async () => {
        await storage.putRecords([client(1, ROBIN, 1), client(1, RIVER, 2)]);
        const found = await storage.getRecords([{ type: 'client', id: id('c', 1) }]);
        expect(found.get(recordKey('client', id('c', 1)))).toEqual(client(1, RIVER, 2));
      });

      it('writes and reads 5,000 records in one call', async () => {
        const rows = Array.from({ length: 5000 }, (_, i) =>
          i % 2 === 0 ? client(i + 1, { ...ROBIN, first: `Robin${i}` }) : record('contact', i + 1),
        );
        await storage.putRecords(rows);
        const found = await storage.getRecords(rows.map(keyOf));
        expect(found.size).toBe(5000);
        expect(found.get(recordKey('client', id('c', 4999)))).toEqual(rows[4998]);
        expect(found.get(recordKey('contact', id('d', 5000)))).toEqual(rows[4999]);
      });

      it('reserves consecutive change numbers', async () => {
        expect(await storage.reserveChangeSeqs(3)).toBe(1);
        expect(await storage.reserveChangeSeqs(1)).toBe(4);
        expect(await storage.reserveChangeSeqs(500)).toBe(5);
        expect(await storage.reserveChangeSeqs(1)).toBe(505);
      });
    });

    describe('scope and pull', () => {
      it('adds scopes, reporting only the new ones', async () => {
        const a = { type: 'client' as const, id: id('c', 1), providerId: PROVIDER_A };
        const b = { type: 'client' as const, id: id('c', 1), providerId: PROVIDER_B };
        const e = { type: 'enrollment' as const, id: id('d', 2), providerId: PROVIDER_A };
        expect(await storage.addScopes([a, e, a])).toEqual([a, e]);
        expect(await storage.addScopes([e, b, a])).toEqual([b]);
        expect(await storage.addScopes([])).toEqual([]);
        const scopes = await storage.getScopes([
          { type: 'client', id: id('c', 1) },
          { type: 'enrollment', id: id('d', 2) },
          { type: 'enrollment', id: id('c', 1) },
        ]);
        expect(scopes.get(recordKey('client', id('c', 1)))?.sort()).toEqual([
          PROVIDER_A,
          PROVIDER_B,
        ]);
        expect(scopes.get(recordKey('enrollment', id('d', 2)))).toEqual([PROVIDER_A]);
        expect(scopes.get(recordKey('enrollment', id('c', 1))) ?? []).toEqual([]);
      });

      it("pulls only the provider's records, in change order, page by page", async () => {
        // Written out of change order on purpose.
        const rows = [5, 1, 4, 2, 6, 3].map((seq) => record('contact', seq, seq * 10));
        await storage.putRecords(rows);
        await storage.addScopes(
          rows.map((r) => ({ type: r.state.type, id: r.state.id, providerId: PROVIDER_A })),
        );
        await storage.addScopes([{ type: 'contact', id: id('d', 2), providerId: PROVIDER_B }]);

        const first = await storage.pullChanges(PROVIDER_A, 0, 4);
        expect(first.records.map((r) => r.changeSeq)).toEqual([10, 20, 30, 40]);
        expect(first.lastSeq).toBe(40);
        const second = await storage.pullChanges(PROVIDER_A, first.lastSeq, 4);
        expect(second.records.map((r) => r.changeSeq)).toEqual([50, 60]);
        expect(second.records[0]).toEqual(record('contact', 5, 50));
        const empty = await storage.pullChanges(PROVIDER_A, second.lastSeq, 4);
        expect(empty).toEqual({ records: [], lastSeq: 60 });

        const b = await storage.pullChanges(PROVIDER_B, 0, 100);
        expect(b.records).toEqual([record('contact', 2, 20)]);
        expect(await storage.pullChanges(id('a', 99), 0, 100)).toEqual({ records: [], lastSeq: 0 });

        // A changed record moves to the end of the change order.
        await storage.putRecords([record('contact', 1, 70)]);
        const after = await storage.pullChanges(PROVIDER_A, 60, 10);
        expect(after.records.map((r) => r.state.id)).toEqual([id('d', 1)]);
        expect(after.lastSeq).toBe(70);
        expect((await storage.pullChanges(PROVIDER_A, 0, 100)).records).toHaveLength(6);
      });

      it('lists the records of one type in any of several scopes, each once, by id, page by page', async () => {
        const rows = [3, 1, 4, 2, 5].map((n) => record('contact', n, n * 10));
        await storage.putRecords([...rows, record('assessment', 6, 60)]);
        await storage.addScopes([
          ...rows.map((r) => ({ type: r.state.type, id: r.state.id, providerId: PROVIDER_A })),
          // d1 and d2 are in both scopes; d5 only in B; the assessment is another type.
          { type: 'contact', id: id('d', 1), providerId: PROVIDER_B },
          { type: 'contact', id: id('d', 2), providerId: PROVIDER_B },
          { type: 'assessment', id: id('d', 6), providerId: PROVIDER_A },
        ]);
        await storage.addScopes([{ type: 'contact', id: id('d', 5), providerId: id('a', 98) }]);

        const both = [PROVIDER_A, PROVIDER_B];
        const first = await storage.listScopedRecords(both, 'contact', null, 3);
        expect(first.map((r) => r.state.id)).toEqual([id('d', 1), id('d', 2), id('d', 3)]);
        const second = await storage.listScopedRecords(both, 'contact', id('d', 3), 3);
        expect(second.map((r) => r.state.id)).toEqual([id('d', 4), id('d', 5)]);
        expect(second[0]).toEqual(record('contact', 4, 40));
        expect(await storage.listScopedRecords(both, 'contact', id('d', 5), 3)).toEqual([]);
        const onlyB = await storage.listScopedRecords([PROVIDER_B], 'contact', null, 10);
        expect(onlyB.map((r) => r.state.id)).toEqual([id('d', 1), id('d', 2)]);
        expect(await storage.listScopedRecords([], 'contact', null, 10)).toEqual([]);
        const assessments = await storage.listScopedRecords(both, 'assessment', null, 10);
        expect(assessments.map((r) => r.state.id)).toEqual([id('d', 6)]);
      });

      it('pulls large scopes completely, with many scopes per record', async () => {
        const rows = Array.from({ length: 3000 }, (_, i) => record('contact', i + 1, i + 1));
        await storage.putRecords(rows);
        const scopes = rows.flatMap((r) => [
          { type: r.state.type, id: r.state.id, providerId: PROVIDER_A },
          { type: r.state.type, id: r.state.id, providerId: PROVIDER_B },
        ]);
        expect(await storage.addScopes(scopes)).toHaveLength(6000);
        const scopeMap = await storage.getScopes(rows.map(keyOf));
        expect(scopeMap.size).toBe(3000);
        let cursor = 0;
        const seen: number[] = [];
        for (;;) {
          const page = await storage.pullChanges(PROVIDER_B, cursor, 1000);
          if (page.records.length === 0) break;
          seen.push(...page.records.map((r) => r.changeSeq));
          cursor = page.lastSeq;
        }
        expect(seen).toEqual(rows.map((r) => r.changeSeq));
      });

      it('keeps pull order and content as records are re-put and scopes added later', async () => {
        const contact = (n: number, seq: number, note = `synthetic ${n}`): StoredRecord => {
          const r = record('contact', n, seq);
          return { ...r, state: { ...r.state, fields: { ...r.state.fields, note } } };
        };
        const scope = (n: number, providerId: string) => ({
          type: 'contact' as const,
          id: id('d', n),
          providerId,
        });
        const keys = [1, 2, 3, 4, 5].map((n) => ({ type: 'contact' as const, id: id('d', n) }));
        /** Every page of a provider's pull, two records at a time. */
        const pullAll = async (providerId: string, after = 0) => {
          const out: StoredRecord[] = [];
          for (let cursor = after; ;) {
            const page = await storage.pullChanges(providerId, cursor, 2);
            if (page.records.length === 0) return out;
            out.push(...page.records);
            cursor = page.lastSeq;
          }
        };
        /** What a pull must return, from the records and scopes as stored. */
        const inScope = async (providerId: string) => {
          const records = await storage.getRecords(keys);
          const scopes = await storage.getScopes(keys);
          return [...records.values()]
            .filter((r) => scopes.get(recordKey(r.state.type, r.state.id))?.includes(providerId))
            .sort((a, b) => a.changeSeq - b.changeSeq);
        };
        const check = async (providerId: string, expected: [n: number, seq: number][]) => {
          const pulled = await pullAll(providerId);
          expect(pulled.map((r) => [r.state.id, r.changeSeq])).toEqual(
            expected.map(([n, seq]) => [id('d', n), seq]),
          );
          expect(pulled).toEqual(await inScope(providerId));
        };

        await storage.putRecords([contact(1, 1), contact(2, 2), contact(3, 3), contact(4, 4)]);
        await storage.addScopes([scope(1, PROVIDER_A), scope(2, PROVIDER_A), scope(3, PROVIDER_A)]);
        await storage.addScopes([scope(2, PROVIDER_B), scope(3, PROVIDER_B)]);
        await check(PROVIDER_A, [
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        await check(PROVIDER_B, [
          [2, 2],
          [3, 3],
        ]);

        // A scope added before its record exists: pulled once the record is put.
        await storage.addScopes([scope(5, PROVIDER_A)]);
        await check(PROVIDER_A, [
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        await storage.putRecords([contact(5, 5)]);
        await check(PROVIDER_A, [
          [1, 1],
          [2, 2],
          [3, 3],
          [5, 5],
        ]);

        // A re-put record moves to the end of every scope it is in, with its new content.
        await storage.putRecords([contact(2, 6, 'changed')]);
        await check(PROVIDER_A, [
          [1, 1],
          [3, 3],
          [5, 5],
          [2, 6],
        ]);
        await check(PROVIDER_B, [
          [3, 3],
          [2, 6],
        ]);
        expect(await pullAll(PROVIDER_B, 3)).toEqual([contact(2, 6, 'changed')]);

        // A scope added without a re-put: the record at its current change number.
        await storage.addScopes([scope(4, PROVIDER_B)]);
        await check(PROVIDER_B, [
          [3, 3],
          [4, 4],
          [2, 6],
        ]);

        // Records entering a scope as push does (re-put, then scope), and the other way round.
        await storage.transaction(async (tx) => {
          await tx.putRecords([contact(4, 7, 'entered a')]);
          await tx.addScopes([scope(4, PROVIDER_A)]);
          await tx.addScopes([scope(1, PROVIDER_B)]);
          await tx.putRecords([contact(1, 8, 'entered b')]);
        });
        await check(PROVIDER_A, [
          [3, 3],
          [5, 5],
          [2, 6],
          [4, 7],
          [1, 8],
        ]);
        await check(PROVIDER_B, [
          [3, 3],
          [2, 6],
          [4, 7],
          [1, 8],
        ]);
        expect((await pullAll(PROVIDER_A, 5)).map((r) => r.state.id)).toEqual(
          [2, 4, 1].map((n) => id('d', n)),
        );
        expect(await pullAll(PROVIDER_A, 8)).toEqual([]);

        // A transaction that fails leaves the pull as it was.
        await expect(
          storage.transaction(async (tx) => {
            await tx.putRecords([contact(3, 9)]);
            await tx.addScopes([scope(5, PROVIDER_B)]);
            throw new Error('abandoned');
          }),
        ).rejects.toThrow('abandoned');
        await check(PROVIDER_A, [
          [3, 3],
          [5, 5],
          [2, 6],
          [4, 7],
          [1, 8],
        ]);
        await check(PROVIDER_B, [
          [3, 3],
          [2, 6],
          [4, 7],
          [1, 8],
        ]);
      });

      it('pulls records and scopes written before scope rows had change numbers', async () => {
        const other = createTestDatabase(kind, { sqlite: 'file' });
        try {
          const rows = [record('contact', 1, 30), record('contact', 2, 10), client(3, ROBIN, 20)];
          await other.withRaw(async (db, migrator) => {
            const { error } = await migrator.migrateTo('003_partial_client_indexes');
            expect(error).toBeUndefined();
            await (db as Kysely<Database>)
              .insertInto('records')
              .values(rows.map(recordRowBefore005))
              .execute();
            // record_scopes as it was before 004_scope_change_seq.
            await sql`insert into record_scopes (type, id, provider_id) values
              ('contact', ${id('d', 1)}, ${PROVIDER_A}), ('contact', ${id('d', 2)}, ${PROVIDER_A}),
              ('client', ${id('c', 3)}, ${PROVIDER_A}), ('client', ${id('c', 3)}, ${PROVIDER_B}),
              ('contact', ${id('d', 9)}, ${PROVIDER_A})`.execute(db);
          });
          const migrated = other.open();
          await migrated.migrate();
          expect((await migrated.pullChanges(PROVIDER_A, 0, 10)).records).toEqual([
            rows[1],
            rows[2],
            rows[0],
          ]);
          expect((await migrated.pullChanges(PROVIDER_A, 20, 10)).records).toEqual([rows[0]]);
          expect((await migrated.pullChanges(PROVIDER_B, 0, 10)).records).toEqual([rows[2]]);
          // The scope row whose record did not exist yet takes its change number when it is put.
          await migrated.putRecords([record('contact', 9, 40)]);
          expect((await migrated.pullChanges(PROVIDER_A, 30, 10)).records).toEqual([
            record('contact', 9, 40),
          ]);
          expect(await migrated.findClients({ nameDobKeys: [], ssns: [ROBIN.ssn!] })).toEqual([
            rows[2],
          ]);
          expect(await migrated.searchClients({ lastName: 'test', limit: 10 })).toEqual([rows[2]]);
        } finally {
          await other.cleanup();
        }
      });
    });

    describe("a client's enrollments", () => {
      it('finds the enrollments of clients at every provider, deleted and exited ones too, by id', async () => {
        const rows = [
          enrollment(5, 1, PROVIDER_B),
          enrollment(2, 1, PROVIDER_A),
          enrollment(3, 1, PROVIDER_A, { fields: { exitDate: '2026-04-01' } }),
          enrollment(4, 1, PROVIDER_B, { deleted: true }),
          enrollment(6, 2, PROVIDER_A),
          enrollment(7, 3, PROVIDER_A),
          // Other records of the client, and a client whose id is the client id: not enrollments.
          record('contact', 1),
          record('assessment', 1),
          client(1, ROBIN),
        ];
        await storage.putRecords(rows);
        const ids = async (clientIds: string[]) =>
          (await storage.listClientEnrollments(clientIds)).map((r) => r.state.id);
        expect(await ids([id('c', 1)])).toEqual([2, 3, 4, 5].map((n) => id('d', n)));
        expect(await storage.listClientEnrollments([id('c', 2)])).toEqual([rows[4]]);
        expect(await ids([id('c', 3), id('c', 2), id('c', 3)])).toEqual([id('d', 6), id('d', 7)]);
        expect(await ids([id('c', 9)])).toEqual([]);
        expect(await ids([])).toEqual([]);
        const inTx = await storage.transaction((tx) => tx.listClientEnrollments([id('c', 2)]));
        expect(inTx).toEqual([rows[4]]);
      });

      it('follows an enrollment put again (exited, deleted) and finds among many client ids', async () => {
        await storage.putRecords([enrollment(1, 1, PROVIDER_A)]);
        const exited = enrollment(1, 1, PROVIDER_A, {
          fields: { exitDate: '2026-05-01' },
          deleted: true,
          changeSeq: 9,
        });
        await storage.putRecords([exited]);
        const clientIds = Array.from({ length: 3000 }, (_, i) => id('c', i + 100));
        clientIds.push(id('c', 1));
        expect(await storage.listClientEnrollments(clientIds)).toEqual([exited]);
      });

      it('reads the fields of records written before the fields column existed (013)', async () => {
        const other = createTestDatabase(kind, { sqlite: 'file' });
        try {
          const rows = [enrollment(1, 1, PROVIDER_A), record('assessment', 2, 5)];
          await other.withRaw(async (db, migrator) => {
            const { error } = await migrator.migrateTo('012_user_devices');
            expect(error).toBeUndefined();
            await (db as Kysely<Database>)
              .insertInto('records')
              .values(rows.map(recordRowBefore013))
              .execute();
          });
          const migrated = other.open();
          await migrated.migrate();
          const found = await migrated.getRecordFields('assessment', [id('d', 2)]);
          expect(found.get(id('d', 2))?.fields).toEqual(rows[1]!.state.fields);
          // Everything else about the rows survives the rebuild (SQLite) or the new column.
          expect(await migrated.getRecords(rows.map(keyOf))).toEqual(
            new Map(rows.map((r) => [recordKey(r.state.type, r.state.id), r])),
          );
          expect(await migrated.listClientEnrollments([id('c', 1)])).toEqual([rows[0]]);
        } finally {
          await other.cleanup();
        }
      });

      it('finds enrollments written before the client id column existed', async () => {
        const other = createTestDatabase(kind, { sqlite: 'file' });
        try {
          const rows = [
            enrollment(1, 1, PROVIDER_A),
            enrollment(2, 1, PROVIDER_B, { fields: { exitDate: '2026-04-01' } }),
            enrollment(3, 2, PROVIDER_A),
            // Not an enrollment, or an enrollment without a usable client id: no client id copied.
            record('contact', 4),
            enrollment(5, 1, PROVIDER_A, { fields: { clientId: 17 } }),
          ];
          await other.withRaw(async (db, migrator) => {
            const { error } = await migrator.migrateTo('004_scope_change_seq');
            expect(error).toBeUndefined();
            await (db as Kysely<Database>)
              .insertInto('records')
              .values(rows.map(recordRowBefore005))
              .execute();
          });
          const migrated = other.open();
          await migrated.migrate();
          expect(await migrated.listClientEnrollments([id('c', 1)])).toEqual([rows[0], rows[1]]);
          expect(await migrated.listClientEnrollments([id('c', 2)])).toEqual([rows[2]]);
          expect(await migrated.listClientEnrollments([id('c', 4)])).toEqual([]);
          expect(await migrated.getRecords(rows.map(keyOf))).toHaveProperty('size', 5);
        } finally {
          await other.cleanup();
        }
      });
    });

    describe("a household's enrollments (M11)", () => {
      it('lists the enrollments of households, deleted ones included, by id', async () => {
        const household = (n: number) => ({ householdId: id('f', n) });
        const rows = [
          enrollment(3, 1, PROVIDER_A, { fields: household(1) }),
          enrollment(1, 2, PROVIDER_A, { fields: household(1) }),
          enrollment(2, 3, PROVIDER_B, { fields: household(2), deleted: true }),
          enrollment(4, 4, PROVIDER_A, { fields: household(3) }),
          record('contact', 5),
        ];
        await storage.putRecords(rows);
        const ids = async (householdIds: string[]) =>
          (await storage.listHouseholdEnrollments(householdIds)).map((r) => r.state.id);
        expect(await ids([id('f', 1)])).toEqual([id('d', 1), id('d', 3)]);
        expect(await ids([id('f', 2), id('f', 1), id('f', 2)])).toEqual(
          [1, 2, 3].map((n) => id('d', n)),
        );
        expect(await storage.listHouseholdEnrollments([id('f', 2)])).toEqual([rows[2]]);
        expect(await ids([id('f', 9)])).toEqual([]);
        expect(await ids([])).toEqual([]);
        // A member moved to another household is found there only.
        await storage.putRecords([
          enrollment(1, 2, PROVIDER_A, { fields: household(3), changeSeq: 9 }),
        ]);
        expect(await ids([id('f', 1)])).toEqual([id('d', 3)]);
        expect(await ids([id('f', 3)])).toEqual([id('d', 1), id('d', 4)]);
      });

      it('finds enrollments written before the household id column existed', async () => {
        const other = createTestDatabase(kind, { sqlite: 'file' });
        try {
          const rows = [
            enrollment(1, 1, PROVIDER_A, { fields: { householdId: id('f', 1) } }),
            enrollment(2, 2, PROVIDER_A, { fields: { householdId: id('f', 1) } }),
            enrollment(3, 3, PROVIDER_A, { fields: { householdId: 5 } }),
          ];
          await other.withRaw(async (db, migrator) => {
            const { error } = await migrator.migrateTo('009_record_metadata');
            expect(error).toBeUndefined();
            await (db as Kysely<Database>)
              .insertInto('records')
              .values(
                rows.map((r) => {
                  const { household_id: _h, fields: _f, ...row } = recordToRow(r);
                  return row;
                }),
              )
              .execute();
          });
          const migrated = other.open();
          await migrated.migrate();
          expect(await migrated.listHouseholdEnrollments([id('f', 1)])).toEqual([rows[0], rows[1]]);
        } finally {
          await other.cleanup();
        }
      });
    });

    describe('client lookup', () => {
      beforeEach(async () => {
        await storage.putRecords([
          client(1, ROBIN),
          client(2, ROBYN),
          client(3, RIVER),
          client(4, SAM),
          record('enrollment', 5),
        ]);
      });

      it('finds clients by name+DOB key or SSN', async () => {
        const byName = await storage.findClients({
          nameDobKeys: [clientKeysOf(RIVER).nameDob!],
          ssns: [],
        });
        expect(byName).toEqual([client(3, RIVER)]);
        const bySsn = await storage.findClients({ nameDobKeys: [], ssns: [SAM.ssn!, '000000000'] });
        expect(bySsn).toEqual([client(4, SAM)]);
        const both = await storage.findClients({
          nameDobKeys: [clientKeysOf(ROBIN).nameDob!, 'nobody|none|2000-01-01'],
          ssns: [ROBIN.ssn!, SAM.ssn!],
        });
        expect(both.map((r) => r.state.id)).toEqual([id('c', 1), id('c', 4)]);
        expect(await storage.findClients({ nameDobKeys: [], ssns: [] })).toEqual([]);
      });

      it('finds among many keys at once', async () => {
        const keys = Array.from({ length: 3000 }, (_, i) => `first${i}|last|2000-01-01`);
        keys.push(clientKeysOf(ROBYN).nameDob!);
        expect(await storage.findClients({ nameDobKeys: keys, ssns: [] })).toEqual([
          client(2, ROBYN),
        ]);
      });

      it('keeps client keys for clients only', async () => {
        const contact = { ...record('contact', 9), clientKeys: clientKeysOf(ROBIN) };
        await storage.putRecords([contact]);
        const stored = await storage.getRecords([keyOf(contact)]);
        expect(stored.get(recordKey('contact', id('d', 9)))?.clientKeys).toBeNull();
        const found = await storage.findClients({ nameDobKeys: [], ssns: [ROBIN.ssn!] });
        expect(found.map((r) => r.state.id)).toEqual([id('c', 1)]);
        const search = await storage.searchClients({ firstName: 'robin', limit: 10 });
        expect(search.map((r) => r.state.id)).toEqual([id('c', 1)]);
      });

      it('searches by name prefixes, DOB and SSN last 4, all given criteria together', async () => {
        const ids = async (q: Parameters<Storage['searchClients']>[0]) =>
          (await storage.searchClients(q)).map((r) => r.state.id);
        expect(await ids({ firstName: 'rob', limit: 10 })).toEqual([id('c', 1), id('c', 2)]);
        expect(await ids({ firstName: 'ROB', limit: 10 })).toEqual([id('c', 1), id('c', 2)]);
        expect(await ids({ firstName: 'robin', limit: 10 })).toEqual([id('c', 1)]);
        expect(await ids({ lastName: 'test', limit: 10 })).toEqual([
          id('c', 4),
          id('c', 1),
          id('c', 2),
        ]);
        expect(await ids({ firstName: 'r', lastName: 'testp', limit: 10 })).toEqual([
          id('c', 1),
          id('c', 2),
        ]);
        expect(await ids({ dob: '1990-05-17', limit: 10 })).toEqual([id('c', 3), id('c', 1)]);
        expect(await ids({ ssnLast4: '1234', limit: 10 })).toEqual([id('c', 4), id('c', 1)]);
        expect(await ids({ ssnLast4: '1234', firstName: 'sam', limit: 10 })).toEqual([id('c', 4)]);
        expect(await ids({ lastName: 'test', dob: '1991-01-02', limit: 10 })).toEqual([id('c', 2)]);
        expect(await ids({ lastName: 'test', limit: 2 })).toEqual([id('c', 4), id('c', 1)]);
        expect(await ids({ firstName: 'xyz', limit: 10 })).toEqual([]);
        expect(await ids({ firstName: '%', limit: 10 })).toEqual([]);
        expect(await ids({ limit: 10 })).toEqual([]);
        const [robin] = await storage.searchClients({ firstName: 'robin', limit: 1 });
        expect(robin).toEqual(client(1, ROBIN));
      });
    });

    describe('conflicts, history, audit and client links', () => {
      it('stores conflicts and lists them by provider and status', async () => {
        const c1 = conflictRow(1, [PROVIDER_A, PROVIDER_B]);
        const c2 = conflictRow(2, [PROVIDER_A]);
        const c3 = conflictRow(3, [PROVIDER_B], { createdAt: iso(-1000) });
        await storage.putConflicts([c2, c1, c3]);
        expect(await storage.getConflict(c1.conflict.id)).toEqual(c1);
        expect(await storage.getConflict(id('f', 99))).toBeNull();

        const ofA = (await storage.listConflicts(PROVIDER_A, 'open', 10)).conflicts;
        expect(ofA).toEqual([c1, c2]);
        expect((await storage.listConflicts(PROVIDER_B, 'open', 10)).conflicts).toEqual([c3, c1]);
        expect((await storage.listConflicts(PROVIDER_B, 'open', 1)).conflicts).toEqual([c3]);
        expect((await storage.listConflicts(PROVIDER_A, 'resolved', 10)).conflicts).toEqual([]);

        const resolved = {
          ...c1,
          status: 'resolved' as const,
          resolvedAt: iso(60_000),
          resolvedBy: USER_2,
          resolution: 'kept_current',
        };
        await storage.putConflicts([resolved]);
        expect(await storage.getConflict(c1.conflict.id)).toEqual(resolved);
        expect((await storage.listConflicts(PROVIDER_A, 'open', 10)).conflicts).toEqual([c2]);
        expect((await storage.listConflicts(PROVIDER_B, 'resolved', 10)).conflicts).toEqual([
          resolved,
        ]);
      });

      it('a conflict put again takes the providers given', async () => {
        await storage.putConflicts([conflictRow(1, [PROVIDER_A])]);
        await storage.putConflicts([conflictRow(1, [PROVIDER_B, PROVIDER_B])]);
        expect((await storage.getConflict(id('f', 1)))?.providerIds).toEqual([PROVIDER_B]);
        expect((await storage.listConflicts(PROVIDER_A, 'open', 10)).conflicts).toEqual([]);
      });

      it('keeps replaced values in the history', async () => {
        const entry = (n: number, recordId = id('c', 1)) => ({
          recordType: 'client' as const,
          recordId,
          group: 'name',
          replaced: { values: { firstName: `Old${n}` }, version: version(n) },
          by: version(n + 1, { kind: 1 }),
          at: iso(n),
        });
        await storage.putHistory([entry(1), entry(2, id('c', 2)), entry(3)]);
        expect(storage).toBeInstanceOf(KyselyStorage);
        const history = await (storage as KyselyStorage).listHistory('client', id('c', 1));
        expect(history).toEqual([entry(1), entry(3)]);
        await storage.putHistory([]);
      });

      it('appends to the audit log and filters it, newest first', async () => {
        await storage.appendAudit([
          audit({ action: 'sign_in', userId: USER_1, recordType: null, recordId: null }),
          audit({ action: 'view_client', userId: USER_1, recordId: id('c', 1), at: iso(1) }),
          audit({ action: 'change', userId: USER_2, recordId: id('c', 1), at: iso(2) }),
        ]);
        await storage.appendAudit([
          audit({ action: 'search', userId: USER_2, recordType: null, recordId: null, at: iso(3) }),
        ]);
        const actions = async (f: Parameters<Storage['listAudit']>[0]) =>
          (await storage.listAudit(f)).map((a) => a.action);
        expect(await actions({ limit: 10 })).toEqual([
          'search',
          'change',
          'view_client',
          'sign_in',
        ]);
        expect(await actions({ limit: 2 })).toEqual(['search', 'change']);
        expect(await actions({ recordId: id('c', 1), limit: 10 })).toEqual([
          'change',
          'view_client',
        ]);
        expect(await actions({ userId: USER_1, limit: 10 })).toEqual(['view_client', 'sign_in']);
        expect(await actions({ userId: USER_2, recordId: id('c', 1), limit: 10 })).toEqual([
          'change',
        ]);
        const [last] = await storage.listAudit({ userId: USER_2, limit: 1 });
        expect(last).toEqual(
          audit({ action: 'search', userId: USER_2, recordType: null, recordId: null, at: iso(3) }),
        );
      });

      it('appends large audit batches', async () => {
        const entries = Array.from({ length: 6000 }, (_, i) =>
          audit({ action: 'view_client', at: iso(i) }),
        );
        await storage.appendAudit(entries);
        expect(await storage.listAudit({ limit: 10_000 })).toHaveLength(6000);
      });

      it('links clients both ways, once', async () => {
        const [a, b, c] = [id('c', 1), id('c', 2), id('c', 3)];
        await storage.linkClients(b, a, USER_1, iso());
        await storage.linkClients(a, b, USER_2, iso(1));
        await storage.linkClients(a, c, USER_1, iso(2));
        await storage.linkClients(a, a, USER_1, iso(3));
        expect(await storage.listClientLinks(a)).toEqual([b, c]);
        expect(await storage.listClientLinks(b)).toEqual([a]);
        expect(await storage.listClientLinks(c)).toEqual([a]);
        expect(await storage.listClientLinks(id('c', 4))).toEqual([]);
      });
    });

    describe('HMIS external ids', () => {
      it('putExternalIds keeps the first row per source, file and HMIS id; getExternalIds finds them', async () => {
        const row = (hmisId: string, n: number, sourceKey = 'impl|src') => ({
          sourceKey,
          hmisFile: 'Client.csv',
          hmisId,
          recordType: 'client' as const,
          recordId: id('c', n),
          importedAt: iso(n),
        });
        await storage.putExternalIds([row('H-2', 2), row('H-1', 1)]);
        // Again, with another record id: the stored mapping stands (ids are derived, so it is the same).
        await storage.putExternalIds([row('H-1', 9), row('H-1', 3, 'other|src')]);
        expect(
          await storage.getExternalIds('impl|src', 'Client.csv', ['H-1', 'H-2', 'H-3']),
        ).toEqual([row('H-1', 1), row('H-2', 2)]);
        expect(await storage.getExternalIds('impl|src', 'Enrollment.csv', ['H-1'])).toEqual([]);
        expect(await storage.getExternalIds('other|src', 'Client.csv', ['H-1'])).toEqual([
          row('H-1', 3, 'other|src'),
        ]);
        // Many at once (batched under the dialect's parameter limit).
        const many = Array.from({ length: 3000 }, (_, i) => row(`M-${i}`, i));
        await storage.putExternalIds(many);
        const found = await storage.getExternalIds(
          'impl|src',
          'Client.csv',
          many.map((m) => m.hmisId),
        );
        expect(found).toHaveLength(3000);
      });
    });

    describe('transactions', () => {
      it('commits everything done in the callback and returns its value', async () => {
        const result = await storage.transaction(async (tx) => {
          const seq = await tx.reserveChangeSeqs(2);
          await tx.putRecords([client(1, ROBIN, seq), record('enrollment', 2, seq + 1)]);
          await tx.addScopes([{ type: 'client', id: id('c', 1), providerId: PROVIDER_A }]);
          // Reads inside the transaction see its own writes.
          expect((await tx.getRecords([{ type: 'client', id: id('c', 1) }])).size).toBe(1);
          return seq;
        });
        expect(result).toBe(1);
        expect((await storage.pullChanges(PROVIDER_A, 0, 10)).records).toEqual([
          client(1, ROBIN, 1),
        ]);
      });

      it('rolls everything back when the callback throws', async () => {
        await storage.putRecords([client(1, ROBIN, 1)]);
        await expect(
          storage.transaction(async (tx) => {
            await tx.reserveChangeSeqs(5);
            await tx.putRecords([client(1, RIVER, 2), client(2, ROBYN, 3)]);
            await tx.addScopes([{ type: 'client', id: id('c', 1), providerId: PROVIDER_A }]);
            await tx.putMutations([mutationRow(1)]);
            await tx.setDeviceNextSeq('dev-1', 2, USER_1);
            await tx.appendAudit([audit({})]);
            throw new Error('merge failed');
          }),
        ).rejects.toThrow('merge failed');
        const found = await storage.getRecords([
          { type: 'client', id: id('c', 1) },
          { type: 'client', id: id('c', 2) },
        ]);
        expect([...found.values()]).toEqual([client(1, ROBIN, 1)]);
        expect(await storage.getScopes([{ type: 'client', id: id('c', 1) }])).toEqual(new Map());
        expect(await storage.getMutations([id('e', 1)])).toEqual(new Map());
        expect(await storage.getDevices(['dev-1'])).toEqual(new Map());
        expect(await storage.listAudit({ limit: 10 })).toEqual([]);
        expect(await storage.reserveChangeSeqs(1)).toBe(1);
      });

      it('a failing write outside a transaction leaves nothing behind, however many statements', async () => {
        const rows = Array.from({ length: 2500 }, (_, i) => record('contact', i + 1));
        // NOT NULL violation in the last chunk.
        (rows[2400]!.state as { type: unknown }).type = null;
        await expect(storage.putRecords(rows)).rejects.toThrow();
        expect((await storage.getRecords(rows.slice(0, 10).map(keyOf))).size).toBe(0);
      });

      it('refuses to use the Storage itself inside a transaction', async () => {
        await expect(
          storage.transaction(async () => {
            await storage.getProvider(PROVIDER_A);
          }),
        ).rejects.toThrow(/use the tx/);
        await expect(storage.transaction(() => storage.transaction(async () => 1))).rejects.toThrow(
          /use the tx/,
        );
        // Still usable afterwards.
        expect(await storage.getProvider(PROVIDER_A)).toBeNull();
      });

      it('concurrent transactions both commit, with disjoint change numbers', async () => {
        const work = (n: number) =>
          storage.transaction(async (tx) => {
            const seq = await tx.reserveChangeSeqs(10);
            await tx.putRecords(
              Array.from({ length: 10 }, (_, i) => record('contact', n * 100 + i, seq + i)),
            );
            return seq;
          });
        const firsts = await Promise.all([work(1), work(2), work(3), work(4)]);
        expect([...firsts].sort((a, b) => a - b)).toEqual([1, 11, 21, 31]);
        const all = await storage.getRecords(
          [1, 2, 3, 4].flatMap((n) =>
            Array.from({ length: 10 }, (_, i) => ({
              type: 'contact' as const,
              id: id('d', n * 100 + i),
            })),
          ),
        );
        expect(new Set([...all.values()].map((r) => r.changeSeq)).size).toBe(40);
      });
    });
  });
}

/** A records row as written before 005_enrollment_client added client_id. */
/** A records row with the columns it had before 005 (no client id, no metadata of 009). */
function recordRowBefore013(r: StoredRecord) {
  const { fields: _fields, ...row } = recordToRow(r);
  return row;
}

function recordRowBefore005(r: StoredRecord) {
  const {
    client_id: _clientId,
    household_id: _householdId,
    date_created: _created,
    date_updated: _updated,
    user_id: _user,
    date_deleted: _deleted,
    fields: _fields,
    ...row
  } = recordToRow(r);
  return row;
}

function audit(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    at: iso(),
    userId: USER_1,
    providerId: PROVIDER_A,
    action: 'create',
    recordType: 'client',
    recordId: id('c', 1),
    details: { mutationId: id('e', 1), fields: ['firstName'], nested: { ok: true, n: 1.5 } },
    ...overrides,
  };
}
