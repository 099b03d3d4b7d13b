import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ACCOUNT_LOCK_AFTER,
  ADDRESS_FAILURES_PER_DOUBLING,
  ADDRESS_FREE_FAILURES,
  addressDelayForFailures,
  assessSignInThrottle,
  delayForFailures,
  FREE_FAILURES,
  LOCK_DURATION_MS,
  MAX_DELAY_MS,
  THROTTLE_LOOKBACK_MS,
  THROTTLE_WINDOW_MS,
  throttleChangeAfterFailure,
} from './sign-in-throttle.js';

const now = new Date('2026-11-22T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const ago = (ms: number) => new Date(now.getTime() - ms);
/** `count` failures, one a second, the latest `latestAgo` before now. */
const failures = (count: number, latestAgo = MINUTE) =>
  Array.from({ length: count }, (_, index) => ago(latestAgo + index * SECOND));
const assess = (accountFailures: Date[], addressFailures: Date[] = [], at = now) =>
  assessSignInThrottle({ accountFailures, addressFailures, now: at });
const NONE = { delayMs: 0, lockedUntil: null, reason: 'none' };

describe('the policy’s numbers', () => {
  test('are the ones agreed', () => {
    assert.equal(THROTTLE_WINDOW_MS, 15 * MINUTE);
    assert.equal(FREE_FAILURES, 3);
    assert.equal(MAX_DELAY_MS, 10 * SECOND);
    assert.equal(ACCOUNT_LOCK_AFTER, 10);
    assert.equal(ADDRESS_FREE_FAILURES, 20);
    assert.equal(ADDRESS_FAILURES_PER_DOUBLING, 10);
    assert.equal(LOCK_DURATION_MS, 15 * MINUTE);
    assert.equal(THROTTLE_LOOKBACK_MS, 30 * MINUTE);
  });
});

describe('delayForFailures', () => {
  test('none for the first 3, then 1s, 2s, 4s, 8s, then 10s at most', () => {
    const expected = [0, 0, 0, 0, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000];
    for (const [count, delay] of expected.entries()) assert.equal(delayForFailures(count), delay, `${count} failures`);
    assert.equal(delayForFailures(1000), MAX_DELAY_MS);
  });
});

describe('assessSignInThrottle: delays', () => {
  test('no failures, no delay', () => {
    assert.deepEqual(assess([]), NONE);
  });

  test('3 failures: still no delay', () => {
    assert.deepEqual(assess(failures(3)), NONE);
  });

  test('4 to 9 failures: a growing delay, blamed on the account', () => {
    assert.deepEqual(assess(failures(4)), { delayMs: 1000, lockedUntil: null, reason: 'account' });
    assert.equal(assess(failures(5)).delayMs, 2000);
    assert.equal(assess(failures(6)).delayMs, 4000);
    assert.equal(assess(failures(7)).delayMs, 8000);
    assert.equal(assess(failures(8)).delayMs, 10_000);
    assert.deepEqual(assess(failures(9)), { delayMs: 10_000, lockedUntil: null, reason: 'account' });
  });

  test('a failure exactly one window ago no longer counts; a millisecond later it does', () => {
    const recent = failures(3);
    assert.deepEqual(assess([...recent, ago(THROTTLE_WINDOW_MS)]), NONE);
    assert.equal(assess([...recent, ago(THROTTLE_WINDOW_MS - 1)]).delayMs, 1000);
  });

  test('failures older than the window are forgotten', () => {
    assert.deepEqual(assess(failures(9, THROTTLE_WINDOW_MS + MINUTE)), NONE);
  });

  test('a few failures from the address cause no delay (a shared office is not slowed down for typos)', () => {
    assert.deepEqual(assess([], failures(ADDRESS_FREE_FAILURES - 1)), NONE);
  });

  test('order of the failures does not matter, and the input is left alone', () => {
    const list = failures(5).reverse();
    const copy = [...list];
    assert.equal(assess(list).delayMs, 2000);
    assert.deepEqual(list, copy);
  });

  test('a failure stamped slightly after now (clocks disagree) still counts', () => {
    assert.equal(assess([...failures(3), new Date(now.getTime() + SECOND)]).delayMs, 1000);
  });

  test('invalid dates among the failures are ignored; an invalid now is an error', () => {
    assert.deepEqual(assess([...failures(3), new Date(Number.NaN)]), NONE);
    assert.throws(() => assess([], [], new Date(Number.NaN)), RangeError);
  });
});

describe('assessSignInThrottle: account lock', () => {
  test('10 failures within the window lock the account for 15 minutes from the 10th', () => {
    const list = failures(ACCOUNT_LOCK_AFTER); // latest a minute ago
    assert.deepEqual(assess(list), {
      delayMs: 0,
      lockedUntil: new Date(now.getTime() - MINUTE + LOCK_DURATION_MS),
      reason: 'account',
    });
  });

  test('the lock lasts its full 15 minutes, even once the early failures leave the window', () => {
    const start = now.getTime();
    const list = Array.from({ length: 10 }, (_, index) => new Date(start + index * MINUTE)); // the 10th at +9 minutes
    const lockedUntil = new Date(start + 9 * MINUTE + LOCK_DURATION_MS);
    assert.deepEqual(assess(list, [], new Date(start + 20 * MINUTE)), { delayMs: 0, lockedUntil, reason: 'account' });
    assert.deepEqual(assess(list, [], new Date(lockedUntil.getTime() - 1)), {
      delayMs: 0,
      lockedUntil,
      reason: 'account',
    });
  });

  test('when the lock ends, the slate is clean', () => {
    const list = failures(ACCOUNT_LOCK_AFTER);
    const lockedUntil = assess(list).lockedUntil;
    assert.ok(lockedUntil);
    assert.deepEqual(assess(list, [], lockedUntil), NONE);
  });

  test('10 failures spread over more than the window do not lock', () => {
    // One every 2 minutes: no 15-minute window holds more than 8.
    const list = Array.from({ length: 10 }, (_, index) => ago(index * 2 * MINUTE + SECOND));
    const decision = assess(list);
    assert.equal(decision.lockedUntil, null);
    assert.equal(decision.delayMs, delayForFailures(8));
  });

  test('9 failures do not lock; the 10th does', () => {
    assert.equal(assess(failures(ACCOUNT_LOCK_AFTER - 1)).lockedUntil, null);
    assert.notEqual(assess(failures(ACCOUNT_LOCK_AFTER)).lockedUntil, null);
  });
});

describe('addressDelayForFailures', () => {
  test('none for the first 19, then 1s, doubling every 10 more, 10s at most', () => {
    const expected: [number, number][] = [
      [0, 0],
      [19, 0],
      [20, 1000],
      [29, 1000],
      [30, 2000],
      [40, 4000],
      [50, 8000],
      [59, 8000],
      [60, 10_000],
      [5000, 10_000],
    ];
    for (const [count, delay] of expected) assert.equal(addressDelayForFailures(count), delay, `${count} failures`);
  });
});

describe('assessSignInThrottle: many accounts from one address (Kith issue 29, finding 8)', () => {
  test('50 failures from one address slow it down but lock nobody', () => {
    assert.deepEqual(assess([], failures(50)), { delayMs: 8000, lockedUntil: null, reason: 'address' });
  });

  test('however many failures come from an address, an innocent account waits at most 10 seconds', () => {
    for (const count of [60, 100, 1000]) {
      const decision = assess([], failures(count));
      assert.equal(decision.lockedUntil, null, `${count} failures`);
      assert.equal(decision.delayMs, MAX_DELAY_MS, `${count} failures`);
    }
  });

  test('the account under attack is still locked, whatever the address did', () => {
    const decision = assess(failures(ACCOUNT_LOCK_AFTER), failures(50));
    assert.equal(decision.reason, 'account');
    assert.deepEqual(decision.lockedUntil, new Date(now.getTime() - MINUTE + LOCK_DURATION_MS));
  });

  test('the longer of the account’s and the address’s delays applies, and says which', () => {
    assert.deepEqual(assess(failures(5), failures(25)), { delayMs: 2000, lockedUntil: null, reason: 'account' });
    assert.deepEqual(assess(failures(4), failures(35)), { delayMs: 2000, lockedUntil: null, reason: 'address' });
  });

  test('failures from the address spread over more than the window do not add up', () => {
    const list = Array.from({ length: 50 }, (_, index) => ago(index * 20 * SECOND)); // 16m20s in all
    assert.equal(assess([], list).delayMs, addressDelayForFailures(45));
  });
});

describe('throttleChangeAfterFailure: what administrators are told', () => {
  const change = (account: Date[], address: Date[]) =>
    throttleChangeAfterFailure({ accountFailures: account, addressFailures: address, failedAt: now });

  test('the failure that locks an account says until when; the ones before and after do not', () => {
    assert.equal(change(failures(ACCOUNT_LOCK_AFTER - 2), []).accountLockedUntil, null);
    assert.deepEqual(change(failures(ACCOUNT_LOCK_AFTER - 1), []), {
      accountLockedUntil: new Date(now.getTime() + LOCK_DURATION_MS),
      addressDelayMs: null,
      accountFailures: ACCOUNT_LOCK_AFTER,
      addressFailures: 1,
    });
    assert.equal(change(failures(ACCOUNT_LOCK_AFTER), []).accountLockedUntil, null, 'locked already');
  });

  test('an address is reported each time its delay grows, not at every failure', () => {
    const reported = Array.from({ length: 70 }, (_, before) => change([], failures(before)).addressDelayMs);
    const steps = reported.flatMap((delay, before) => (delay === null ? [] : [[before + 1, delay]]));
    assert.deepEqual(steps, [
      [20, 1000],
      [30, 2000],
      [40, 4000],
      [50, 8000],
      [60, 10_000],
    ]);
  });
});
