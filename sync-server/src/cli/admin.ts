// The admin CLI: `npm run admin -- <command> [options]`. It uses the server's configuration
// (DATA_DIR, or DATABASE_URL for PostgreSQL), so run it with the same environment as the server.
// Exit codes: 0 done, 1 the command failed (message on stderr), 2 bad usage.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getList, labelOf, type HudList } from '../../../src/domain/codes';
import { ROLES, type Role } from '../../../src/domain/records';
import {
  AdminError,
  addMembership,
  createProvider,
  createUser,
  findProvider,
  requireUserRow,
  resetPassword,
  setUserActive,
  unlockUser,
} from '../auth/accounts';
import { listDevices, revokeDevice } from '../auth/devices';
import { generatePassword } from '../auth/password';
import { lockedUntil } from '../auth/throttle';
import { ConfigError, loadConfig } from '../config';
import { createStorage } from '../storage/index';
import type { Storage } from '../storage/types';
import { isEntryPoint } from './entry-point';
import {
  HMIS_EXPORT_COMMANDS,
  HMIS_EXPORT_OPTIONS,
  HMIS_EXPORT_USAGE,
  runHmisExportCommand,
} from './hmis-export';
import { IMPORT_USAGE, runHmisImport } from './hmis-import';
import {
  PROJECT_COMMANDS,
  PROJECT_OPTIONS,
  PROJECT_USAGE,
  runProjectCommand,
} from './project-descriptors';

export const USAGE = `Fieldnote admin

Usage: npm run admin -- <command> [options]

Commands:
  create-provider --name <name> --project-type <code> [--funder <kind>]... [--organization <name>] [--coc <MN-500>]
      Creates a provider (an HMIS project users enter data as). --project-type is a HUD 2.02.6
      code (e.g. 6 Services Only, 4 Street Outreach, 1 Emergency Shelter NbN); --funder is a
      funder kind by name or code (Case Management, ESG, PATH, YHDP, CES), repeatable.
  create-user --username <name> --name "<display name>" --role <case_manager|supervisor|admin>
              [--email <address>] [--password <password>] [--provider <id or name>]...
      Creates a user. Without --password a random one is generated and printed once.
  add-membership --username <name> --provider <id or name>
  remove-membership --username <name> --provider <id or name>
  reset-password --username <name> [--password <password>]
      Sets a new password (generated and printed when not given), clears a lockout and signs the
      user out on every device.
  deactivate-user --username <name>     Refuses sign-in and refresh; signs out every device.
  activate-user --username <name>
  unlock-user --username <name>         Clears a lockout after too many failed sign-ins.
  list-users
  list-providers
  list-devices [--user <username>]
      Lists users' devices (browser profiles): id, label, shared, first and last seen, status.
  revoke-device --user <username> --device <id>
      Ends that user's sessions on the device at once; at its next contact the device is told to
      wipe the user's data. The user may sign in on it again later (a fresh sign-in).
      deactivate-user and reset-password revoke all of a user's devices.
  help

${PROJECT_USAGE}

${HMIS_EXPORT_USAGE}

${IMPORT_USAGE}

Passwords have at least 12 characters. Prefer generated passwords: a --password value stays in
your shell history.
Environment: DATA_DIR (SQLite, default ./data) or DATABASE_URL (PostgreSQL), as for the server.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Use this storage instead of opening one from the environment (tests); it is not closed. */
  storage?: Storage;
  now?: () => number;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

class UsageError extends Error {
  override name = 'UsageError';
}

type Values = Record<string, string | string[] | boolean | undefined>;

const OPTIONS = {
  name: { type: 'string' },
  'project-type': { type: 'string' },
  funder: { type: 'string', multiple: true },
  organization: { type: 'string' },
  coc: { type: 'string' },
  username: { type: 'string' },
  role: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  provider: { type: 'string', multiple: true },
  user: { type: 'string' },
  device: { type: 'string' },
  ...PROJECT_OPTIONS,
  ...HMIS_EXPORT_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command takes, and which it requires. */
const COMMANDS: Record<string, { required: string[]; optional: string[] }> = {
  'create-provider': {
    required: ['name', 'project-type'],
    optional: ['funder', 'organization', 'coc'],
  },
  'create-user': {
    required: ['username', 'name', 'role'],
    optional: ['email', 'password', 'provider'],
  },
  'add-membership': { required: ['username', 'provider'], optional: [] },
  'remove-membership': { required: ['username', 'provider'], optional: [] },
  'reset-password': { required: ['username'], optional: ['password'] },
  'deactivate-user': { required: ['username'], optional: [] },
  'activate-user': { required: ['username'], optional: [] },
  'unlock-user': { required: ['username'], optional: [] },
  'list-users': { required: [], optional: [] },
  'list-providers': { required: [], optional: [] },
  'list-devices': { required: [], optional: ['user'] },
  'revoke-device': { required: ['user', 'device'], optional: [] },
  ...PROJECT_COMMANDS,
  ...HMIS_EXPORT_COMMANDS,
};

function str(values: Values, key: string): string {
  const value = values[key];
  if (Array.isArray(value)) return value[value.length - 1] ?? '';
  return typeof value === 'string' ? value : '';
}

function list(values: Values, key: string): string[] {
  const value = values[key];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return items
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function codeFrom(list: HudList, raw: string, option: string): number {
  const text = raw.trim();
  const byCode = /^\d+$/.test(text) ? list.codes.find((c) => c.code === Number(text)) : undefined;
  const byLabel = list.codes.find((c) => c.label.toLowerCase() === text.toLowerCase());
  const found = byCode ?? byLabel;
  if (!found || found.retired) {
    const choices = list.codes
      .filter((c) => !c.retired)
      .map((c) => `${c.code} ${c.label}`)
      .join('; ');
    throw new UsageError(`--${option} "${raw}" is not one of: ${choices}.`);
  }
  return found.code;
}

function parseRole(raw: string): Role {
  const role = raw.trim().toLowerCase().replace('-', '_');
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role "${raw}" is not one of: ${ROLES.join(', ')}.`);
  }
  return role as Role;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

async function run(command: string, values: Values, storage: Storage, io: CliIo, now: number) {
  if (await runProjectCommand(command, values, storage, io.out, now)) return;
  const hmisIo = { out: io.out, env: io.env ?? process.env, cwd: io.cwd ?? process.cwd() };
  if (await runHmisExportCommand(command, values, storage, hmisIo, now)) return;
  switch (command) {
    case 'create-provider': {
      const provider = await createProvider(
        storage,
        {
          name: str(values, 'name'),
          projectType: codeFrom(getList('2.02.6'), str(values, 'project-type'), 'project-type'),
          funders: list(values, 'funder').map((f) =>
            codeFrom(getList('local:funder'), f, 'funder'),
          ),
          organizationName: str(values, 'organization') || null,
          cocCode: str(values, 'coc') || null,
        },
        now,
      );
      io.out(`Created provider "${provider.name}" with id ${provider.id}.`);
      return;
    }
    case 'create-user': {
      const given = str(values, 'password');
      const password = given || generatePassword();
      const providerIds: string[] = [];
      for (const p of list(values, 'provider'))
        providerIds.push((await findProvider(storage, p)).id);
      const user = await createUser(
        storage,
        {
          username: str(values, 'username'),
          displayName: str(values, 'name'),
          role: parseRole(str(values, 'role')),
          email: str(values, 'email') || null,
          password,
          providerIds,
        },
        now,
      );
      io.out(`Created ${user.role} "${user.username}" (${user.displayName}) with id ${user.id}.`);
      if (providerIds.length === 0) {
        io.out(
          `Add a provider with: npm run admin -- add-membership --username ${user.username} --provider <id or name>`,
        );
      }
      if (!given) io.out(`Password (shown once; give it to the user privately): ${password}`);
      return;
    }
    case 'add-membership': {
      const { user, provider } = await addMembership(
        storage,
        str(values, 'username'),
        str(values, 'provider'),
        now,
      );
      io.out(
        `"${user.username}" is now a member of "${provider.name}" (${provider.id}). It applies from their next sign-in or token refresh.`,
      );
      return;
    }
    case 'remove-membership': {
      const { user, provider } = await storage.transaction(async (tx) => {
        const user = await requireUserRow(tx, str(values, 'username'));
        const provider = await findProvider(tx, str(values, 'provider'));
        await tx.removeMembership(user.id, provider.id);
        await tx.appendAudit([
          {
            at: new Date(now).toISOString(),
            userId: user.id,
            providerId: provider.id,
            action: 'remove_membership',
            recordType: null,
            recordId: null,
            details: { username: user.username },
          },
        ]);
        return { user, provider };
      });
      io.out(
        `"${user.username}" is no longer a member of "${provider.name}". It applies within the access-token lifetime (15 minutes by default).`,
      );
      return;
    }
    case 'reset-password': {
      const given = str(values, 'password');
      const password = given || generatePassword();
      const user = await resetPassword(storage, str(values, 'username'), password, now);
      io.out(`Password reset for "${user.username}"; they are signed out on every device.`);
      if (!given) io.out(`New password (shown once; give it to the user privately): ${password}`);
      return;
    }
    case 'deactivate-user': {
      const user = await setUserActive(storage, str(values, 'username'), false, now);
      io.out(`Deactivated "${user.username}": sign-in and refresh are refused from now on.`);
      return;
    }
    case 'activate-user': {
      const user = await setUserActive(storage, str(values, 'username'), true, now);
      io.out(`Activated "${user.username}".`);
      return;
    }
    case 'unlock-user': {
      const user = await unlockUser(storage, str(values, 'username'), now);
      io.out(`Unlocked "${user.username}".`);
      return;
    }
    case 'list-users': {
      const users = await storage.listUsers();
      if (users.length === 0) {
        io.out('No users yet. Create one with create-user.');
        return;
      }
      const providers = new Map((await storage.listProviders()).map((p) => [p.id, p.name]));
      const rows = [['USERNAME', 'NAME', 'ROLE', 'STATUS', 'PROVIDERS']];
      for (const u of [...users].sort((a, b) => a.username.localeCompare(b.username))) {
        const memberships = await storage.listMemberships(u.id);
        const locked = lockedUntil(u, now);
        const status = !u.active
          ? 'inactive'
          : locked
            ? `locked until ${locked.toISOString()}`
            : 'active';
        rows.push([
          u.username,
          u.displayName,
          u.role,
          status,
          memberships.map((id) => providers.get(id) ?? id).join(', ') || '-',
        ]);
      }
      for (const line of table(rows)) io.out(line);
      return;
    }
    case 'list-devices': {
      const username = str(values, 'user').trim();
      const devices = await listDevices(storage, username ? { username } : {});
      if (devices.length === 0) {
        io.out(username ? `"${username}" has no devices yet.` : 'No devices yet.');
        return;
      }
      const rows = [['USER', 'DEVICE', 'LABEL', 'SHARED', 'FIRST SEEN', 'LAST SEEN', 'STATUS']];
      for (const d of devices) {
        const status =
          d.revokedAt === null
            ? 'active'
            : `revoked ${d.revokedAt} (${d.revokedReason ?? 'admin'})${d.wipeSentAt ? ', wipe sent' : ''}`;
        rows.push([
          d.username,
          d.deviceId,
          d.label ?? '-',
          d.shared ? 'yes' : 'no',
          d.firstSeenAt,
          d.lastSeenAt,
          status,
        ]);
      }
      for (const line of table(rows)) io.out(line);
      return;
    }
    case 'revoke-device': {
      const { device, alreadyRevoked } = await revokeDevice(
        storage,
        { username: str(values, 'user'), deviceId: str(values, 'device').trim(), by: 'cli' },
        now,
      );
      io.out(
        alreadyRevoked
          ? `Device ${device.deviceId} of "${device.username}" was already revoked (${device.revokedAt}).`
          : `Revoked device ${device.deviceId} of "${device.username}": its sessions have ended, and it will be told to wipe their data at its next contact.`,
      );
      return;
    }
    case 'list-providers': {
      const providers = await storage.listProviders();
      if (providers.length === 0) {
        io.out('No providers yet. Create one with create-provider.');
        return;
      }
      const rows = [['ID', 'NAME', 'PROJECT TYPE', 'FUNDERS', 'MEMBERS', 'STATUS']];
      for (const p of [...providers].sort((a, b) => a.name.localeCompare(b.name))) {
        const members = await storage.listProviderMembers(p.id);
        rows.push([
          p.id,
          p.name,
          `${p.projectType} ${labelOf(getList('2.02.6'), p.projectType) ?? ''}`.trim(),
          p.funders.map((f) => labelOf(getList('local:funder'), f) ?? String(f)).join(', ') || '-',
          String(members.length),
          p.active ? 'active' : 'inactive',
        ]);
      }
      for (const line of table(rows)) io.out(line);
      return;
    }
  }
}

/** Runs one admin command; returns the process exit code. */
export async function main(args: string[], io: CliIo = defaultIo): Promise<number> {
  // import-hmis takes the zip as a positional argument and opens its own storage.
  if (args[0] === 'import-hmis') return runHmisImport(args.slice(1), io);
  let command: string;
  let values: Values;
  try {
    const parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    values = parsed.values as Values;
    if (parsed.positionals.length === 0 || parsed.positionals[0] === 'help' || values.help) {
      io.out(USAGE);
      return parsed.positionals.length === 0 && !values.help ? 2 : 0;
    }
    if (parsed.positionals.length > 1) {
      throw new UsageError(
        `Unexpected argument "${parsed.positionals[1]}" (quote values with spaces).`,
      );
    }
    command = parsed.positionals[0]!;
    const spec = COMMANDS[command];
    if (!spec) throw new UsageError(`Unknown command "${command}".`);
    for (const key of Object.keys(values)) {
      if (key !== 'help' && !spec.required.includes(key) && !spec.optional.includes(key)) {
        throw new UsageError(`${command} does not take --${key}.`);
      }
    }
    const missing = spec.required.filter(
      (key) => list(values, key).length === 0 && str(values, key).trim() === '',
    );
    if (missing.length > 0) {
      throw new UsageError(`${command} needs ${missing.map((m) => `--${m}`).join(', ')}.`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`Error: ${message}`);
    io.err('Run `npm run admin -- help` for the commands and their options.');
    return 2;
  }

  let storage = io.storage;
  const ownStorage = storage === undefined;
  try {
    if (!storage) {
      const config = loadConfig(io.env ?? process.env, io.cwd ?? process.cwd());
      if (config.databaseUrl === null) mkdirSync(config.dataDir, { recursive: true });
      storage = createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await storage.migrate();
    }
    await run(command, values, storage, io, (io.now ?? Date.now)());
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`Error: ${error.message}`);
      return 2;
    }
    if (error instanceof AdminError || error instanceof ConfigError) {
      io.err(`Error: ${error.message}`);
      return 1;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (ownStorage && storage) await storage.close().catch(() => undefined);
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
