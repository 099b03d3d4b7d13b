import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headSigner, signingAtMostEvery, type SignedHead, type SignedHeadStore } from './signed-heads.js';

function memoryStore(): SignedHeadStore & { written: SignedHead[][] } {
  const written: SignedHead[][] = [];
  return {
    written,
    description: 'in memory',
    append(heads) {
      written.push([...heads]);
      return Promise.resolve();
    },
    read: (tenantId) => Promise.resolve(written.flat().filter((head) => head.tenantId === tenantId)),
  };
}

const councilA = '3f1c2b7e-0000-4000-8000-00000000000a';
const councilB = '3f1c2b7e-0000-4000-8000-00000000000b';
const head = (tenantId: string, position: number) => ({ tenantId, position, hash: String(position).repeat(64) });

test('one call signs every council it is given in one append', async () => {
  const store = memoryStore();
  await headSigner('k'.repeat(64), store).sign([head(councilA, 3), head(councilB, 9)]);
  assert.deepEqual(
    store.written.map((batch) => batch.map((signed) => [signed.tenantId, signed.position])),
    [
      [
        [councilA, 3],
        [councilB, 9],
      ],
    ],
  );
  await headSigner('k'.repeat(64), store).sign([]);
  assert.equal(store.written.length, 1, 'nothing to sign, nothing appended');
});

test('paced, a council’s head is signed at most once a gap; the newest head that waited is signed by the first call after it, or by flush', async () => {
  const store = memoryStore();
  let now = 0;
  const signer = signingAtMostEvery(headSigner('k'.repeat(64), store), 1_000, () => now);
  const signed = () => store.written.map((batch) => batch.map((one) => `${one.tenantId.slice(-1)}${one.position}`));

  await signer.sign([head(councilA, 1)]);
  now = 100;
  await signer.sign([head(councilA, 2), head(councilB, 1)]);
  now = 500;
  await signer.sign([head(councilA, 3)]);
  assert.deepEqual(signed(), [['a1'], ['b1']], 'council A waits; B had not been signed');
  now = 999;
  await signer.sign([]);
  assert.deepEqual(signed(), [['a1'], ['b1']]);
  now = 1_000;
  await signer.sign([]);
  assert.deepEqual(signed(), [['a1'], ['b1'], ['a3']], 'the newest waiting head, once the gap has passed');
  now = 1_200;
  await signer.sign([head(councilA, 4)]);
  await signer.flush();
  await signer.flush();
  assert.deepEqual(signed(), [['a1'], ['b1'], ['a3'], ['a4']], 'flush signs what waits, once');
});

test('paced, a head whose append failed waits and is signed by the next call', async () => {
  const store = memoryStore();
  let failNext = true;
  const failingOnce: SignedHeadStore = {
    ...store,
    append(heads) {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('disk full'));
      }
      return store.append(heads);
    },
  };
  const signer = signingAtMostEvery(headSigner('k'.repeat(64), failingOnce), 1_000, () => 0);
  await assert.rejects(signer.sign([head(councilA, 5)]), /disk full/);
  await signer.sign([]);
  assert.deepEqual(
    store.written.map((batch) => batch.map((one) => one.position)),
    [[5]],
  );
});
