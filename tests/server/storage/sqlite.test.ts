// The storage contract on SQLite (better-sqlite3), plus what only SQLite has: the file and its
// settings.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createStorage } from '../../../sync-server/src/storage';
import { openSqliteDatabase, StatementCache } from '../../../sync-server/src/storage/sqlite';
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

describe('SQLite prepared statement cache', () => {
  it('reuses statements by SQL text, evicting the least recently used', () => {
    const cache = new StatementCache(openSqliteDatabase(':memory:'), 2);
    try {
      const one = cache.prepare('select 1 as n');
      expect(cache.prepare('select 1 as n')).toBe(one);
      const two = cache.prepare('select 2 as n');
      expect(cache.prepare('select 1 as n')).toBe(one); // now the most recently used
      cache.prepare('select 3 as n'); // evicts 'select 2'
      expect(cache.size).toBe(2);
      expect(cache.prepare('select 1 as n')).toBe(one);
      expect(cache.prepare('select 2 as n')).not.toBe(two);
      expect(one.all([])).toEqual([{ n: 1 }]);
      expect(one.all([])).toEqual([{ n: 1 }]);
    } finally {
      cache.close();
    }
  });

  it('keeps cached statements working across schema changes', () => {
    const cache = new StatementCache(openSqliteDatabase(':memory:'));
    try {
      cache.prepare('create table t (a integer)').run([]);
      cache.prepare('insert into t (a) values (?)').run([1]);
      const select = cache.prepare('select * from t');
      expect(select.all([])).toEqual([{ a: 1 }]);
      cache.prepare('alter table t add column b text').run([]);
      expect(cache.prepare('select * from t')).toBe(select);
      expect(select.all([])).toEqual([{ a: 1, b: null }]);
    } finally {
      cache.close();
    }
  });
});
