/**
 * How hard to make the next sign-in attempt, from recent failures. Pure: the caller fetches
 * the failures and passes the time in.
 *
 * A growing delay slows guessing without punishing the first few typos; a temporary lock stops
 * a determined attempt on one account, or many accounts tried from one address ("password
 * spraying"). Locks end by themselves, so an attacker cannot keep someone out for good, as the
 * OWASP Authentication Cheat Sheet advises
 * (https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#account-lockout),
 * and the NCSC's guidance suggests allowing around 10 attempts before locking
 * (https://www.ncsc.gov.uk/collection/passwords/updating-your-approach).
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
/** Failures from one network address within the window that lock it, whichever accounts they were for. */
export const ADDRESS_LOCK_AFTER = 50;
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

/** The delay after `failures` recent failures: none for the first 3, then 1s, 2s, 4s, 8s, then 10s. */
export function delayForFailures(failures: number): number {
  const over = failures - FREE_FAILURES;
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (over - 1));
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

  const locks: { until: number; reason: 'account' | 'address' }[] = [];
  const accountLockEnd = lockEnd(account, ACCOUNT_LOCK_AFTER);
  if (accountLockEnd !== null && accountLockEnd > now) locks.push({ until: accountLockEnd, reason: 'account' });
  const addressLockEnd = lockEnd(address, ADDRESS_LOCK_AFTER);
  if (addressLockEnd !== null && addressLockEnd > now) locks.push({ until: addressLockEnd, reason: 'address' });
  // When both are locked, the later end applies (the account on a tie).
  const lock = locks.reduce<(typeof locks)[number] | undefined>(
    (latest, candidate) => (latest === undefined || candidate.until > latest.until ? candidate : latest),
    undefined,
  );
  if (lock) return { delayMs: 0, lockedUntil: new Date(lock.until), reason: lock.reason };

  // The delay follows the account's failures only: a shared office address should not slow
  // everyone down for one person's typos. The address lock deals with many accounts tried at once.
  const delayMs = delayForFailures(countInWindow(account, now));
  return { delayMs, lockedUntil: null, reason: delayMs > 0 ? 'account' : 'none' };
}
