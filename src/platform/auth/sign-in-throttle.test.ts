import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ACCOUNT_LOCK_AFTER,
  ADDRESS_LOCK_AFTER,
  assessSignInThrottle,
  delayForFailures,
  FREE_FAILURES,
  LOCK_DURATION_MS,
  MAX_DELAY_MS,
  THROTTLE_LOOKBACK_MS,
  THROTTLE_WINDOW_MS,
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
    assert.equal(ADDRESS_LOCK_AFTER, 50);
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

  test('failures from the address alone cause no delay (a shared office is not slowed down)', () => {
    assert.deepEqual(assess([], failures(ADDRESS_LOCK_AFTER - 1)), NONE);
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

describe('assessSignInThrottle: address lock', () => {
  test('49 failures from one address do not lock it; 50 do, for 15 minutes from the 50th', () => {
    assert.deepEqual(assess([], failures(ADDRESS_LOCK_AFTER - 1)), NONE);
    assert.deepEqual(assess([], failures(ADDRESS_LOCK_AFTER)), {
      delayMs: 0,
      lockedUntil: new Date(now.getTime() - MINUTE + LOCK_DURATION_MS),
      reason: 'address',
    });
  });

  test('an address lock applies even to an account with no failures of its own', () => {
    assert.equal(assess([], failures(ADDRESS_LOCK_AFTER)).reason, 'address');
    assert.equal(assess(failures(2), failures(ADDRESS_LOCK_AFTER)).reason, 'address');
  });

  test('50 failures spread over more than the window do not lock the address', () => {
    const list = Array.from({ length: 50 }, (_, index) => ago(index * 20 * SECOND)); // 16m20s in all
    assert.equal(assess([], list).lockedUntil, null);
  });

  test('when both are locked, the later end applies, and the account on a tie', () => {
    const accountLocked = failures(ACCOUNT_LOCK_AFTER, 2 * MINUTE);
    const addressLocked = failures(ADDRESS_LOCK_AFTER, MINUTE);
    assert.deepEqual(assess(accountLocked, addressLocked), {
      delayMs: 0,
      lockedUntil: new Date(now.getTime() - MINUTE + LOCK_DURATION_MS),
      reason: 'address',
    });
    assert.equal(assess(failures(ACCOUNT_LOCK_AFTER, MINUTE), addressLocked).reason, 'account');
    assert.equal(assess(failures(ACCOUNT_LOCK_AFTER, 30 * SECOND), addressLocked).reason, 'account');
  });
});
