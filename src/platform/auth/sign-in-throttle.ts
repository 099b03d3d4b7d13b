/**
 * How hard to make the next sign-in attempt, from recent failures. Pure: time is passed in.
 * Progressive delay makes guessing slow without locking people out at the first typo; a
 * temporary lock stops a determined attempt on one account, or from one address.
 */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const FREE_FAILURES = 3;
export const MAX_DELAY_MS = 10_000;
export const ACCOUNT_LOCK_AFTER = 10;
export const ADDRESS_LOCK_AFTER = 50;
export const LOCK_DURATION_MS = 15 * 60_000;

export interface ThrottleDecision {
  delayMs: number;
  lockedUntil: Date | null;
  reason: 'none' | 'account' | 'address';
}

export function assessSignInThrottle(input: {
  accountFailures: Date[];
  addressFailures: Date[];
  now: Date;
}): ThrottleDecision {
  const since = input.now.getTime() - THROTTLE_WINDOW_MS;
  const recent = (failures: Date[]) =>
    failures.filter((failure) => failure.getTime() > since).sort((a, b) => a.getTime() - b.getTime());
  const account = recent(input.accountFailures);
  const address = recent(input.addressFailures);
  const lockFrom = (failures: Date[], threshold: number) => {
    const tripping = failures[failures.length - threshold];
    return tripping ? new Date(failures[failures.length - 1]!.getTime() + LOCK_DURATION_MS) : null;
  };
  if (account.length >= ACCOUNT_LOCK_AFTER) {
    const lockedUntil = lockFrom(account, ACCOUNT_LOCK_AFTER);
    if (lockedUntil && lockedUntil > input.now) return { delayMs: 0, lockedUntil, reason: 'account' };
  }
  if (address.length >= ADDRESS_LOCK_AFTER) {
    const lockedUntil = lockFrom(address, ADDRESS_LOCK_AFTER);
    if (lockedUntil && lockedUntil > input.now) return { delayMs: 0, lockedUntil, reason: 'address' };
  }
  const overFree = Math.max(account.length, Math.floor(address.length / 5)) - FREE_FAILURES;
  const delayMs = overFree <= 0 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (overFree - 1));
  return { delayMs, lockedUntil: null, reason: 'none' };
}
