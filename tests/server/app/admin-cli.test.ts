// The admin CLI, called in-process: against a temp SQLite DATA_DIR as `npm run admin` would use it,
// and on every storage through an injected one. Synthetic people only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, USAGE, type CliIo } from '../../../sync-server/src/cli/admin';
import { createStorage } from '../../../sync-server/src/storage';
import type { Storage } from '../../../sync-server/src/storage/types';
import { openTestApp, tempDir, TEST_NOW, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';

interface Run {
  code: number;
  out: string;
  err: string;
}

function runner(base: Omit<CliIo, 'out' | 'err'>) {
  return async (...args: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, {
      ...base,
      out: (l) => void out.push(l),
      err: (l) => void err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

describe('the admin CLI against DATA_DIR (SQLite)', () => {
  let data: ReturnType<typeof tempDir>;
  let admin: ReturnType<typeof runner>;
  beforeEach(() => {
    data = tempDir('admin');
    admin = runner({ env: { DATA_DIR: data.dir }, cwd: data.dir, now: () => TEST_NOW });
  });
  afterEach(() => data.cleanup());

  it('creates a provider and a user, then lists them, from a fresh directory', async () => {
    const provider = await admin(
      'create-provider',
      '--name',
      'Northside Family Services',
      '--project-type',
      '6',
      '--funder',
      'Case Management',
      '--funder',
      'ESG',
    );
    expect(provider).toMatchObject({ code: 0, err: '' });
    const providerId = /id ([0-9a-f]{32})/.exec(provider.out)?.[1];
    expect(providerId).toBeDefined();

    const user = await admin(
      'create-user',
      '--username',
      'pat.example',
      '--name',
      'Pat Example',
      '--role',
      'supervisor',
      '--email',
      'pat@example.org',
      '--provider',
      'northside',
    );
    expect(user.code).toBe(0);
    expect(user.out).toContain('Created supervisor "pat.example" (Pat Example)');
    const password = /shown once; give it to the user privately\): (\S+)/.exec(user.out)?.[1];
    expect(password).toMatch(/^\S{20}$/);

    const users = await admin('list-users');
    expect(users.code).toBe(0);
    expect(users.out.split('\n')[0]).toMatch(/^USERNAME\s+NAME\s+ROLE\s+STATUS\s+PROVIDERS$/);
    expect(users.out).toMatch(
      /pat\.example\s+Pat Example\s+supervisor\s+active\s+Northside Family Services/,
    );

    const providers = await admin('list-providers');
    expect(providers.out).toMatch(
      new RegExp(
        `${providerId}\\s+Northside Family Services\\s+6 Services Only\\s+Case Management, ESG\\s+1\\s+active`,
      ),
    );

    // The storage is really the server's: the file is in DATA_DIR and the password works.
    const storage = createStorage({ dataDir: data.dir });
    try {
      await storage.migrate();
      expect((await storage.getUserByUsername('pat.example'))?.email).toBe('pat@example.org');
    } finally {
      await storage.close();
    }
  });

  it('prints usage with no command (exit 2) and with help (exit 0)', async () => {
    expect(await admin()).toMatchObject({ code: 2, out: USAGE });
    expect(await admin('help')).toMatchObject({ code: 0, out: USAGE });
    expect(await admin('--help')).toMatchObject({ code: 0, out: USAGE });
    for (const command of [
      'create-provider',
      'create-user',
      'add-membership',
      'reset-password',
      'deactivate-user',
      'list-users',
      'list-providers',
    ]) {
      expect(USAGE).toContain(command);
    }
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['create-user', '--username', 'x.y'], /create-user needs --name, --role/],
    [['list-users', '--username', 'x'], /list-users does not take --username/],
    [['create-user', '--nope'], /Unknown option '--nope'/],
    [
      ['create-provider', '--name', 'X', '--project-type', '5'],
      /--project-type "5" is not one of: 0 /,
    ],
    [
      ['create-provider', '--name', 'X', '--project-type', '6', '--funder', 'Lottery'],
      /--funder "Lottery"/,
    ],
    [
      ['create-user', '--username', 'a.b', '--name', 'A B', '--role', 'boss'],
      /--role "boss" is not one of/,
    ],
    [['create-user', 'extra words'], /Unexpected argument|needs/],
  ])('refuses bad usage %j with exit code 2', async (args, message) => {
    const res = await admin(...args);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(message);
  });

  it('reports a bad environment variable by name with exit code 1', async () => {
    const bad = runner({
      env: { DATA_DIR: data.dir, DATABASE_URL: 'mysql://nope' },
      cwd: data.dir,
    });
    const res = await bad('list-users');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/Invalid DATABASE_URL/);
  });
});

describe.each(STORAGE_KINDS)('admin commands on %s', (kind) => {
  let t: TestApp;
  let storage: Storage;
  let admin: ReturnType<typeof runner>;
  beforeEach(async () => {
    t = await openTestApp(kind);
    storage = t.storage;
    admin = runner({ storage, now: () => t.clock.now });
    expect(
      (await admin('create-provider', '--name', 'Northside Family Services', '--project-type', '6'))
        .code,
    ).toBe(0);
    expect(
      (
        await admin(
          'create-provider',
          '--name',
          'Northside Outreach',
          '--project-type',
          'Street Outreach',
        )
      ).code,
    ).toBe(0);
  });
  afterEach(async () => {
    await t.close();
  });

  const signIn = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });

  it('create-user with a password, add-membership by name or id, remove-membership', async () => {
    const created = await admin(
      'create-user',
      '--username',
      'Lee.Example',
      '--name',
      'Lee Example',
      '--role',
      'case_manager',
      '--password',
      'a long enough password',
    );
    expect(created.code).toBe(0);
    expect(created.out).not.toContain('a long enough password');
    expect(created.out).toContain('add-membership');
    expect((await signIn('lee.example', 'a long enough password')).json().user.providers).toEqual(
      [],
    );

    expect(
      (await admin('add-membership', '--username', 'lee.example', '--provider', 'Northside')).err,
    ).toMatch(/matches several providers/);
    const byName = await admin(
      'add-membership',
      '--username',
      'lee.example',
      '--provider',
      'northside family services',
    );
    expect(byName.code).toBe(0);
    const outreach = (await storage.listProviders()).find((p) => p.name === 'Northside Outreach')!;
    expect(
      (await admin('add-membership', '--username', 'lee.example', '--provider', outreach.id)).code,
    ).toBe(0);
    const session = (await signIn('lee.example', 'a long enough password')).json();
    expect(session.user.providers.map((p: { name: string }) => p.name)).toEqual([
      'Northside Family Services',
      'Northside Outreach',
    ]);

    expect(
      (await admin('remove-membership', '--username', 'lee.example', '--provider', outreach.id))
        .code,
    ).toBe(0);
    const user = await storage.getUserByUsername('lee.example');
    expect(await storage.listMemberships(user!.id)).toHaveLength(1);
  });

  it('refuses a short password, a taken username and unknown users or providers (exit 1)', async () => {
    const short = await admin(
      'create-user',
      '--username',
      'a.b',
      '--name',
      'A',
      '--role',
      'admin',
      '--password',
      'short',
    );
    expect(short).toMatchObject({ code: 1, err: expect.stringMatching(/at least 12 characters/) });
    await admin('create-user', '--username', 'a.b', '--name', 'A', '--role', 'admin');
    const taken = await admin('create-user', '--username', 'A.B', '--name', 'A', '--role', 'admin');
    expect(taken).toMatchObject({ code: 1, err: 'Error: The username "a.b" is taken.' });
    const badName = await admin(
      'create-user',
      '--username',
      'has space',
      '--name',
      'A',
      '--role',
      'admin',
    );
    expect(badName.code).toBe(1);
    expect(badName.err).toMatch(/username: /);
    expect((await admin('reset-password', '--username', 'ghost')).err).toBe(
      'Error: No user named "ghost".',
    );
    expect(
      (await admin('add-membership', '--username', 'a.b', '--provider', 'Elsewhere')).err,
    ).toMatch(/No provider with id or name "Elsewhere"/);
    const dup = await admin(
      'create-provider',
      '--name',
      'northside outreach',
      '--project-type',
      '4',
    );
    expect(dup).toMatchObject({ code: 1, err: expect.stringMatching(/already exists/) });
  });

  it('reset-password sets a new password (generated when not given), unlocks and signs out', async () => {
    await admin(
      'create-user',
      '--username',
      'kim.example',
      '--name',
      'Kim',
      '--role',
      'case_manager',
      '--password',
      'the first password',
    );
    const before = (await signIn('kim.example', 'the first password')).json();
    for (let i = 0; i < 5; i++) await signIn('kim.example', 'wrong guess');
    expect((await signIn('kim.example', 'the first password')).statusCode).toBe(423);

    const reset = await admin('reset-password', '--username', 'kim.example');
    expect(reset.code).toBe(0);
    const generated = /New password \(shown once; give it to the user privately\): (\S+)/.exec(
      reset.out,
    )?.[1];
    expect(generated).toBeDefined();
    expect((await signIn('kim.example', 'the first password')).statusCode).toBe(401);
    expect((await signIn('kim.example', generated!)).statusCode).toBe(200);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: before.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);

    expect(
      (
        await admin(
          'reset-password',
          '--username',
          'kim.example',
          '--password',
          'chosen by the admin',
        )
      ).code,
    ).toBe(0);
    expect((await signIn('kim.example', 'chosen by the admin')).statusCode).toBe(200);
  });

  it('deactivate-user refuses sign-in and list-users shows it; activate-user and unlock-user undo', async () => {
    await admin(
      'create-user',
      '--username',
      'jo.example',
      '--name',
      'Jo',
      '--role',
      'case_manager',
      '--password',
      'jo password 123',
    );
    expect((await admin('deactivate-user', '--username', 'jo.example')).code).toBe(0);
    expect((await signIn('jo.example', 'jo password 123')).statusCode).toBe(403);
    expect((await admin('list-users')).out).toMatch(/jo\.example\s+Jo\s+case_manager\s+inactive/);
    expect((await admin('activate-user', '--username', 'jo.example')).code).toBe(0);
    expect((await signIn('jo.example', 'jo password 123')).statusCode).toBe(200);

    for (let i = 0; i < 5; i++) await signIn('jo.example', 'wrong guess');
    expect((await admin('list-users')).out).toMatch(
      /jo\.example\s+Jo\s+case_manager\s+locked until /,
    );
    expect((await admin('unlock-user', '--username', 'jo.example')).code).toBe(0);
    expect((await signIn('jo.example', 'jo password 123')).statusCode).toBe(200);

    const actions = (await storage.listAudit({ limit: 100 })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'create_provider',
        'create_user',
        'deactivate_user',
        'activate_user',
        'unlock_user',
      ]),
    );
  });

  it('lists nothing helpfully on an empty database', async () => {
    expect((await admin('list-users')).out).toBe('No users yet. Create one with create-user.');
  });
});
