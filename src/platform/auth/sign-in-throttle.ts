/**
 * How hard to make the next sign-in attempt, from recent failures. Pure: the caller fetches
 * the failures and passes the time in. It is asked before both steps of signing in, the
 * password and the security code (a code's failures count like a password's).
 *
 * A growing delay slows guessing without punishing the first few typos; a temporary lock stops
 * a determined attempt on one account. Locks end by themselves, so an attacker cannot keep
 * someone out for good, as the OWASP Authentication Cheat Sheet advises
 * (https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#account-lockout),
 * and the NCSC's guidance suggests allowing around 10 attempts before locking
 * (https://www.ncsc.gov.uk/collection/passwords/updating-your-approach).
 *
 * Many accounts tried from one network address ("password spraying") slow that address down,
 * more and more, but never lock it: a council's staff often share one address (an office
 * network, a proxy), and a lock there would keep every one of them out because of one person.
 * Each account tried is still locked after its own 10 failures.
 *
 * Whatever this decides, what the person is told must be the same for an address with an account
 * as for one without.
 */

/** Failures count towards delays and locks for this long. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures within the window before any delay. */
export const FREE_FAILURES = 3;
/** The first delay; each further failure doubles it, up to MAX_DELAY_MS. */
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 10_000;
/** Failures on one account within the window that lock it. */
export const ACCOUNT_LOCK_AFTER = 10;
/** Failures from one network address within the window, whichever accounts they were for, before its delay. */
export const ADDRESS_FREE_FAILURES = 20;
/** Each further this many failures from one address doubles its delay (1s from 20, 2s from 30, …, 10s from 60). */
export const ADDRESS_FAILURES_PER_DOUBLING = 10;
/** How long a lock lasts, from the failure that caused it. */
export const LOCK_DURATION_MS = 15 * 60_000;
/**
 * How far back the caller must fetch failures for a lock to last its full duration: a lock
 * that began up to LOCK_DURATION_MS ago was caused by failures up to a window before that.
 */
export const THROTTLE_LOOKBACK_MS = THROTTLE_WINDOW_MS + LOCK_DURATION_MS;

export type ThrottleReason = 'none' | 'account' | 'address';

export interface ThrottleDecision {
  /** Wait this long before checking the password (0 when locked: the attempt is refused instead). */
  delayMs: number;
  /** When set, refuse the attempt without checking the password, until this time. */
  lockedUntil: Date | null;
  /** What caused the delay or lock. */
  reason: ThrottleReason;
}

/** The delay after `failures` recent failures of one account: none for the first 3, then 1s, 2s, 4s, 8s, then 10s. */
export function delayForFailures(failures: number): number {
  const over = failures - FREE_FAILURES;
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (over - 1));
}

/**
 * The delay after `failures` recent failures from one address, whichever accounts they were
 * for: none for the first 19, then 1s, doubling every 10 more, 10s at most. Never a lock.
 */
export function addressDelayForFailures(failures: number): number {
  const over = failures - ADDRESS_FREE_FAILURES;
  if (over < 0) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.floor(over / ADDRESS_FAILURES_PER_DOUBLING));
}

function sortedTimes(failures: Date[]): number[] {
  return failures
    .map((failure) => failure.getTime())
    .filter((time) => Number.isFinite(time))
    .sort((a, b) => a - b);
}

/** Failures in the window ending now: later than now − window (clock skew can put some just after now). */
function countInWindow(times: number[], now: number): number {
  return times.filter((time) => time > now - THROTTLE_WINDOW_MS).length;
}

/**
 * The end of the latest lock: a lock starts at any failure that makes `threshold` failures
 * within the window ending at it, and lasts LOCK_DURATION_MS. Null when there has been none.
 */
function lockEnd(times: number[], threshold: number): number | null {
  let end: number | null = null;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[first]! <= times[last]! - THROTTLE_WINDOW_MS) first += 1;
    if (last - first + 1 >= threshold) end = times[last]! + LOCK_DURATION_MS;
  }
  return end;
}

/**
 * What to do with the next sign-in attempt for an account from an address. Pass the failures
 * of the last THROTTLE_LOOKBACK_MS (older ones are ignored; fewer only shortens locks).
 */
export function assessSignInThrottle(input: {
  accountFailures: Date[];
  addressFailures: Date[];
  now: Date;
}): ThrottleDecision {
  const now = input.now.getTime();
  if (!Number.isFinite(now)) throw new RangeError('now must be a valid date');
  const account = sortedTimes(input.accountFailures);
  const address = sortedTimes(input.addressFailures);

  // Only the account is ever locked: one address's failures slow it down, however many.
  const accountLockEnd = lockEnd(account, ACCOUNT_LOCK_AFTER);
  if (accountLockEnd !== null && accountLockEnd > now) {
    return { delayMs: 0, lockedUntil: new Date(accountLockEnd), reason: 'account' };
  }

  // An account's own failures slow it from the 4th; a shared office's typos slow nobody until
  // there are many of them, from one address, across accounts.
  const accountDelay = delayForFailures(countInWindow(account, now));
  const addressDelay = addressDelayForFailures(countInWindow(address, now));
  if (accountDelay === 0 && addressDelay === 0) return { delayMs: 0, lockedUntil: null, reason: 'none' };
  return accountDelay >= addressDelay
    ? { delayMs: accountDelay, lockedUntil: null, reason: 'account' }
    : { delayMs: addressDelay, lockedUntil: null, reason: 'address' };
}

/** What one more failure changed, for the administrators' security events. */
export interface ThrottleChange {
  /** Set when this failure locked the account: until when. */
  accountLockedUntil: Date | null;
  /** Set when this failure made the address's delay longer: the new delay. */
  addressDelayMs: number | null;
  /** Failures within the window, this one included. */
  accountFailures: number;
  addressFailures: number;
}

/**
 * What a failure at `failedAt` changed, given the failures before it (the failure itself not
 * among them): did it lock the account, did it slow the address down further.
 */
export function throttleChangeAfterFailure(input: {
  accountFailures: Date[];
  addressFailures: Date[];
  failedAt: Date;
}): ThrottleChange {
  const at = input.failedAt;
  const before = assessSignInThrottle({ ...input, now: at });
  const after = assessSignInThrottle({
    accountFailures: [...input.accountFailures, at],
    addressFailures: [...input.addressFailures, at],
    now: at,
  });
  const accountFailures = countInWindow(sortedTimes([...input.accountFailures, at]), at.getTime());
  const addressFailures = countInWindow(sortedTimes([...input.addressFailures, at]), at.getTime());
  const addressDelayBefore = addressDelayForFailures(addressFailures - 1);
  const addressDelayAfter = addressDelayForFailures(addressFailures);
  return {
    accountLockedUntil: after.lockedUntil && !before.lockedUntil ? after.lockedUntil : null,
    addressDelayMs: addressDelayAfter > addressDelayBefore ? addressDelayAfter : null,
    accountFailures,
    addressFailures,
  };
}
