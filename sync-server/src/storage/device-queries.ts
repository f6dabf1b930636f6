// The device queries (issue 11): each user's devices, refresh-token families and the server's
// sealing keys, as Kysely queries for both dialects. KyselyDeviceTx is the KyselyTx that
// kysely-storage.ts hands out, with these methods added (DeviceTx in types.ts), so that they live
// in a file of their own rather than in the large queries.ts.
//
// Races these queries settle in the database, not in the caller:
//  - two sign-ins of one device at once: registerUserDevice is one upsert;
//  - two refreshes of one token at once: rotateRefreshToken is a conditional update, so exactly
//    one of them rotates (PostgreSQL: the second update waits for the first to commit, then finds
//    the token revoked and changes nothing);
//  - two instances making the first server key at once: insertServerKey inserts a fixed id with
//    ON CONFLICT DO NOTHING, so both read back the one that won.
import { sql, type Kysely, type Selectable } from 'kysely';
import { p256PublicJwkSchema } from '../../../src/domain/protocol/devices';
import type { DialectSpec } from './batch';
import { KyselyTx } from './queries';
import { refreshTokenFromRow } from './rows';
import type { Database, RefreshTokensTable, UserDevicesTable } from './schema';
import type { AccessState, DeviceTx, ServerKeyRow, SessionTokenRow, UserDeviceRow } from './types';

function deviceFromRow(r: Selectable<UserDevicesTable>): UserDeviceRow {
  return {
    userId: r.user_id,
    deviceId: r.device_id,
    label: r.label,
    shared: Number(r.shared) === 1,
    signingKey: p256PublicJwkSchema.parse(JSON.parse(r.signing_key)),
    pushSecret: r.push_secret,
    generation: Number(r.generation),
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
    wipeSentAt: r.wipe_sent_at,
  };
}

function sessionTokenFromRow(r: Selectable<RefreshTokensTable>): SessionTokenRow {
  return {
    ...refreshTokenFromRow(r),
    // Rows from before migration 012 were given their own id as family; keep that meaning.
    familyId: r.family_id ?? r.id,
    installationId: r.installation_id,
    replacedBy: r.replaced_by,
    revokedReason: r.revoked_reason === 'reused' ? 'reused' : null,
  };
}

export class KyselyDeviceTx extends KyselyTx implements DeviceTx {
  constructor(
    private readonly deviceDb: Kysely<Database>,
    spec: DialectSpec,
  ) {
    super(deviceDb, spec);
  }

  // --- devices ---------------------------------------------------------------------------------

  async registerUserDevice(
    input: Parameters<DeviceTx['registerUserDevice']>[0],
  ): Promise<UserDeviceRow> {
    const row = await this.deviceDb
      .insertInto('user_devices')
      .values({
        user_id: input.userId,
        device_id: input.deviceId,
        label: input.label,
        shared: input.shared ? 1 : 0,
        signing_key: JSON.stringify(input.signingKey),
        push_secret: input.pushSecret,
        generation: 1,
        first_seen_at: input.at,
        last_seen_at: input.at,
        revoked_at: null,
        revoked_reason: null,
        wipe_sent_at: null,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'device_id']).doUpdateSet({
          label: sql`excluded.label`,
          shared: sql`excluded.shared`,
          signing_key: sql`excluded.signing_key`,
          push_secret: sql`excluded.push_secret`,
          last_seen_at: sql`excluded.last_seen_at`,
          // A revoked device signing in again is a new registration: tokens of before stay dead.
          generation: sql`case when user_devices.revoked_at is null
            then user_devices.generation else user_devices.generation + 1 end`,
          revoked_at: null,
          revoked_reason: null,
          wipe_sent_at: null,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return deviceFromRow(row);
  }

  async getUserDevice(userId: string, deviceId: string): Promise<UserDeviceRow | null> {
    const row = await this.deviceDb
      .selectFrom('user_devices')
      .selectAll()
      .where('user_id', '=', userId)
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return row ? deviceFromRow(row) : null;
  }

  async listUserDevices(userId?: string): Promise<UserDeviceRow[]> {
    let query = this.deviceDb.selectFrom('user_devices').selectAll();
    if (userId !== undefined) query = query.where('user_id', '=', userId);
    const rows = await query
      .orderBy('user_id')
      .orderBy('last_seen_at', 'desc')
      .orderBy('device_id')
      .execute();
    return rows.map(deviceFromRow);
  }

  async revokeUserDevices(
    userId: string,
    deviceId: string | null,
    at: string,
    reason: string,
  ): Promise<UserDeviceRow[]> {
    let query = this.deviceDb
      .updateTable('user_devices')
      .set({ revoked_at: at, revoked_reason: reason, wipe_sent_at: null })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (deviceId !== null) query = query.where('device_id', '=', deviceId);
    const rows = await query.returningAll().execute();
    return rows.map(deviceFromRow);
  }

  async touchUserDevice(userId: string, deviceId: string, at: string): Promise<void> {
    await this.deviceDb
      .updateTable('user_devices')
      .set({ last_seen_at: at })
      .where('user_id', '=', userId)
      .where('device_id', '=', deviceId)
      .where('last_seen_at', '<', at)
      .execute();
  }

  async markWipeSent(userId: string, deviceId: string, at: string): Promise<void> {
    await this.deviceDb
      .updateTable('user_devices')
      .set({ wipe_sent_at: at, last_seen_at: at })
      .where('user_id', '=', userId)
      .where('device_id', '=', deviceId)
      .where('revoked_at', 'is not', null)
      .execute();
  }

  async getAccessState(
    userId: string,
    deviceId: string | null,
    familyId: string | null = null,
  ): Promise<AccessState | null> {
    // One read, since this runs on every authenticated request: the user row and the device row by
    // primary key, and whether the family (by its index) has a token revoked for reuse.
    const row = await this.deviceDb
      .selectFrom('users as u')
      .leftJoin('user_devices as d', (join) =>
        join
          .onRef('d.user_id', '=', 'u.id')
          .on(deviceId === null ? sql<boolean>`1 = 0` : sql<boolean>`d.device_id = ${deviceId}`),
      )
      .select([
        'u.active',
        'd.generation',
        'd.revoked_at',
        'd.revoked_reason',
        'd.last_seen_at',
        'd.wipe_sent_at',
      ])
      .$if(familyId !== null, (qb) =>
        qb.select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('refresh_tokens as r')
                .select('r.id')
                .where('r.family_id', '=', familyId!)
                .where('r.revoked_reason', '=', 'reused'),
            )
            .as('family_revoked'),
        ),
      )
      .where('u.id', '=', userId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      active: Number(row.active) === 1,
      device:
        row.generation === null || row.last_seen_at === null
          ? null
          : {
              generation: Number(row.generation),
              revokedAt: row.revoked_at,
              revokedReason: row.revoked_reason,
              lastSeenAt: row.last_seen_at,
              wipeSentAt: row.wipe_sent_at,
            },
      // PostgreSQL answers a boolean, SQLite 0 or 1.
      familyRevoked: Number(row.family_revoked ?? 0) === 1,
    };
  }

  // --- session tokens --------------------------------------------------------------------------

  async putSessionToken(t: SessionTokenRow): Promise<void> {
    await this.deviceDb
      .insertInto('refresh_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        token_hash: t.tokenHash,
        device_id: t.deviceId,
        expires_at: t.expiresAt,
        revoked_at: t.revokedAt,
        created_at: t.createdAt,
        family_id: t.familyId,
        installation_id: t.installationId,
        replaced_by: t.replacedBy,
        revoked_reason: t.revokedReason,
      })
      .execute();
  }

  async getSessionTokenByHash(tokenHash: string): Promise<SessionTokenRow | null> {
    const row = await this.deviceDb
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? sessionTokenFromRow(row) : null;
  }

  async rotateRefreshToken(id: string, successorId: string, at: string): Promise<boolean> {
    const result = await this.deviceDb
      .updateTable('refresh_tokens')
      .set({ revoked_at: at, replaced_by: successorId })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeTokenFamily(familyId: string, at: string): Promise<boolean> {
    // Every token of the family, rotated ones too (they keep their revoked_at): any of them
    // presented later is answered token_reused. A second revocation of the family, even a
    // concurrent one (PostgreSQL: it waits for the first, then finds every row marked), changes
    // nothing and answers false.
    const result = await this.deviceDb
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql`coalesce(revoked_at, ${at})`, revoked_reason: 'reused' })
      .where('family_id', '=', familyId)
      .where('revoked_reason', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async revokeDeviceRefreshTokens(
    userId: string,
    installationId: string,
    at: string,
  ): Promise<void> {
    await this.deviceDb
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('installation_id', '=', installationId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  // --- server keys -----------------------------------------------------------------------------

  async getServerKey(): Promise<ServerKeyRow | null> {
    const row = await this.deviceDb
      .selectFrom('server_keys')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          publicJwk: row.public_jwk,
          privateJwk: row.private_jwk,
          createdAt: row.created_at,
        }
      : null;
  }

  async insertServerKey(key: ServerKeyRow): Promise<void> {
    await this.deviceDb
      .insertInto('server_keys')
      .values({
        id: key.id,
        public_jwk: key.publicJwk,
        private_jwk: key.privateJwk,
        created_at: key.createdAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
