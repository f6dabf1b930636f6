import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../sync-server/src/app';
import { tempDir, testConfig } from './helpers';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('GET /health', () => {
  it('reports ok and the package version', async () => {
    const data = tempDir('data');
    const dist = tempDir('dist');
    cleanups.push(data.cleanup, dist.cleanup);
    const app = buildApp(testConfig({ dataDir: data.dir, staticDir: dist.dir }));
    try {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json()).toEqual({ status: 'ok', version: pkg.version });
    } finally {
      await app.close();
    }
  });

  it('creates DATA_DIR when it is missing', async () => {
    const root = tempDir('data-root');
    cleanups.push(root.cleanup);
    const dataDir = path.join(root.dir, 'nested', 'data');
    expect(existsSync(dataDir)).toBe(false);
    const app = buildApp(testConfig({ dataDir, staticDir: root.dir }));
    try {
      await app.ready();
      expect(existsSync(dataDir)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
