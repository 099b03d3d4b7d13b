import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { headSignatureIsValid, headSigner } from './signed-heads.js';
import { FileSignedHeadStore } from './signed-heads-file.js';

const council = '3f1c2b7e-0000-4000-8000-000000000001';
const key = 'f'.repeat(64);

test('a signed head is written as one line that reads back and verifies, in a file only its owner can read', async () => {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'kith-heads-')), 'heads');
  const store = new FileSignedHeadStore(folder);
  await headSigner(key, store, () => new Date('2026-12-07T10:00:00.000Z')).sign([
    { tenantId: council, position: 7, hash: 'a'.repeat(64) },
  ]);
  const [head] = await store.read(council);
  assert.ok(head && 'position' in head);
  assert.deepEqual(
    { position: head.position, hash: head.hash, signedAt: head.signedAt },
    { position: 7, hash: 'a'.repeat(64), signedAt: '2026-12-07T10:00:00.000Z' },
  );
  assert.equal(headSignatureIsValid(key, head), true);
  assert.equal(headSignatureIsValid('another key'.padEnd(64, '!'), head), false);
  assert.equal(statSync(path.join(folder, `${council}.jsonl`)).mode & 0o777, 0o600);
  assert.equal(statSync(folder).mode & 0o777, 0o700);
  assert.deepEqual(await store.read('3f1c2b7e-0000-4000-8000-000000000002'), [], 'no file, no heads');
});

test('a line written before the sealer signed (named `sequence`) still verifies; a damaged line is kept as unreadable', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'kith-heads-'));
  const store = new FileSignedHeadStore(folder);
  await headSigner(key, store).sign([{ tenantId: council, position: 3, hash: 'b'.repeat(64) }]);
  const file = path.join(folder, `${council}.jsonl`);
  const written = readFileSync(file, 'utf8');
  appendFileSync(file, written.replace('"position"', '"sequence"'));
  appendFileSync(file, '{"tenantId":"half a li\n');
  const heads = await store.read(council);
  assert.equal(heads.length, 3);
  assert.ok(heads[1] && 'position' in heads[1] && headSignatureIsValid(key, heads[1]));
  assert.deepEqual(heads[2], { unreadable: '{"tenantId":"half a li' });
});

test('a council id that is not a UUID never becomes part of a path', async () => {
  const store = new FileSignedHeadStore(mkdtempSync(path.join(tmpdir(), 'kith-heads-')));
  await assert.rejects(store.read('../../etc/passwd'), /a council id is a UUID/);
});

test('two processes appending to one council’s file at once leave every line whole', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'kith-heads-'));
  const perProcess = 300;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const storeModule = pathToFileURL(path.join(here, 'signed-heads.ts')).href;
  const fileModule = pathToFileURL(path.join(here, 'signed-heads-file.ts')).href;
  const writer = (name: string) => `
    const { headSigner } = await import(${JSON.stringify(storeModule)});
    const { FileSignedHeadStore } = await import(${JSON.stringify(fileModule)});
    const signer = headSigner(${JSON.stringify(key)}, new FileSignedHeadStore(${JSON.stringify(folder)}));
    for (let position = 1; position <= ${perProcess}; position += 1) {
      await signer.sign([{ tenantId: ${JSON.stringify(council)}, position, hash: ${JSON.stringify(name)}.repeat(64) }]);
    }`;
  const run = (name: string) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer(name)], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`writer ${name} exited with ${String(code)}`));
      });
    });
  await Promise.all([run('a'), run('b')]);

  const heads = await new FileSignedHeadStore(folder).read(council);
  assert.equal(heads.length, 2 * perProcess);
  for (const name of ['a', 'b']) {
    const positions = heads.flatMap((head) =>
      'position' in head && head.hash === name.repeat(64) && headSignatureIsValid(key, head) ? [head.position] : [],
    );
    assert.deepEqual(
      positions,
      Array.from({ length: perProcess }, (_, index) => index + 1),
      `every head of writer ${name}, whole, in its order`,
    );
  }
});
