// The storage contract on SQLite (better-sqlite3), plus what only SQLite has: the file and its
// settings.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createStorage } from '../../../sync-server/src/storage';
import { openSqliteDatabase } from '../../../sync-server/src/storage/sqlite';
import { tempDir } from '../helpers';
import { storageContract } from './contract';

storageContract('sqlite');

describe('SQLite storage file', () => {
  it('lives in the data directory, created if missing', async () => {
    const { dir, cleanup } = tempDir('sqlite');
    const dataDir = path.join(dir, 'nested', 'data');
    const storage = createStorage({ dataDir, databaseUrl: null });
    try {
      expect(storage.kind).toBe('sqlite');
      await storage.migrate();
      expect(existsSync(path.join(dataDir, 'fieldnote.db'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'fieldnote.db-wal'))).toBe(true);
    } finally {
      await storage.close();
      cleanup();
    }
  });

  it('opens with WAL, synchronous NORMAL, foreign keys and a busy timeout', () => {
    const { dir, cleanup } = tempDir('sqlite');
    const db = openSqliteDatabase(path.join(dir, 'x.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      db.close();
      cleanup();
    }
  });

  it('takes a custom file name or runs in memory', async () => {
    const { dir, cleanup } = tempDir('sqlite');
    try {
      const named = createStorage({ dataDir: dir, sqliteFile: 'other.db' });
      await named.migrate();
      await named.close();
      expect(existsSync(path.join(dir, 'other.db'))).toBe(true);
      const memory = createStorage({ dataDir: dir, sqliteFile: ':memory:' });
      await memory.migrate();
      expect(await memory.isReady()).toBe(true);
      await memory.close();
    } finally {
      cleanup();
    }
  });
});
