import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, describeDatabase, loadConfig } from './config.js';

const freshDataDir = () => mkdtempSync(path.join(tmpdir(), 'kith-config-'));

test('defaults: port 3000, embedded database, demo seeded', () => {
  const config = loadConfig({ KITH_DATA_DIR: freshDataDir() });
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.seedDemo, true);
  assert.match(describeDatabase(config), /embedded PostgreSQL \(PGlite\)/);
});

test('each bad value is named with what is wrong, all at once', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/kith', KITH_DATA_DIR: freshDataDir() }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 2);
      assert.match(error.problems[0]!, /^PORT must be a whole number/);
      assert.match(error.problems[1]!, /^DATABASE_URL must be a PostgreSQL connection string/);
      return true;
    },
  );
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT must be between 1 and 65535/);
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET must be at least 32 characters/);
});

test('a session secret is generated once, kept in the data folder, readable by the owner only', () => {
  const dataDir = freshDataDir();
  const first = loadConfig({ KITH_DATA_DIR: dataDir }).sessionSecret;
  const second = loadConfig({ KITH_DATA_DIR: dataDir }).sessionSecret;
  assert.equal(first, second);
  assert.equal(first.length, 64);
  const file = path.join(dataDir, 'session-secret');
  assert.equal(readFileSync(file, 'utf8').trim(), first);
  assert.equal(statSync(file).mode & 0o777, 0o600);
});

test('a real database is described without its password', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://kith:hunter2@db.example:5432/kith',
    KITH_DATA_DIR: freshDataDir(),
  });
  assert.equal(describeDatabase(config), 'PostgreSQL at db.example:5432/kith');
});

test('more than one worker process needs a PostgreSQL server: PGlite belongs to one process', () => {
  assert.equal(loadConfig({ KITH_DATA_DIR: freshDataDir() }).workers, 1);
  assert.equal(
    loadConfig({ KITH_WORKERS: '2', DATABASE_URL: 'postgres://kith@db:5432/kith', KITH_DATA_DIR: freshDataDir() })
      .workers,
    2,
  );
  assert.throws(
    () => loadConfig({ KITH_WORKERS: '2', KITH_DATA_DIR: freshDataDir() }),
    /KITH_WORKERS must be 1 with the embedded database/,
  );
  assert.throws(
    () => loadConfig({ KITH_WORKERS: '0', DATABASE_URL: 'postgres://kith@db/kith', KITH_DATA_DIR: freshDataDir() }),
    /KITH_WORKERS must be between 1 and 64/,
  );
});
