import assert from 'node:assert/strict';
import { test } from 'node:test';
import { together } from './tenancy.js';

const after = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) =>
    setTimeout(() => {
      resolve(value);
    }, ms),
  );

test('reads sent together give their answers in order, as Promise.all does', async () => {
  assert.deepEqual(await together([after(20, 'first'), 'second', after(5, 3)]), ['first', 'second', 3]);
});

test('when one read fails, the failure waits until every other read has finished', async () => {
  let slowReadFinished = false;
  const slowRead = after(40, null).then(() => {
    slowReadFinished = true;
  });
  await assert.rejects(together([Promise.reject(new Error('the read failed')), slowRead]), (error: unknown) => {
    // With Promise.all this would reject at once, while the slow read could still reach the
    // connection after the transaction had ended.
    assert.equal(slowReadFinished, true);
    assert.match((error as Error).message, /the read failed/);
    return true;
  });
});
