import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes.js';
import { assessSignInThrottle, LOCK_DURATION_MS } from './sign-in-throttle.js';
import {
  csrfTokenFor,
  generatePersonalAccessToken,
  generateSessionToken,
  hashToken,
  parsePersonalAccessToken,
  verifyCsrfToken,
} from './tokens.js';

test('session tokens are 256-bit, distinct, and stored only as a hash', () => {
  const token = generateSessionToken();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(token, generateSessionToken());
  assert.match(hashToken(token), /^[0-9a-f]{64}$/);
});

test('CSRF tokens are bound to the session and the secret', () => {
  const secret = 'x'.repeat(64);
  const session = hashToken('one');
  const token = csrfTokenFor(session, secret);
  assert.equal(verifyCsrfToken(session, secret, token), true);
  assert.equal(verifyCsrfToken(hashToken('two'), secret, token), false);
  assert.equal(verifyCsrfToken(session, 'y'.repeat(64), token), false);
  assert.equal(verifyCsrfToken(session, secret, ''), false);
  assert.equal(verifyCsrfToken(session, secret, undefined), false);
  assert.equal(verifyCsrfToken(session, secret, `${token}x`), false);
});

test('personal access tokens parse strictly', () => {
  const { token, id, secretHash } = generatePersonalAccessToken();
  const parsed = parsePersonalAccessToken(token);
  assert.ok(parsed);
  assert.equal(parsed.id, id);
  assert.equal(hashToken(parsed.secret), secretHash);
  assert.equal(parsePersonalAccessToken(`${token}!`), null);
  assert.equal(parsePersonalAccessToken('kith_pat_short_secret'), null);
});

test('recovery codes: ten distinct codes, hashed after normalising', () => {
  const codes = generateRecoveryCodes();
  assert.equal(new Set(codes).size, 10);
  for (const code of codes) assert.match(code, /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  assert.equal(hashRecoveryCode(codes[0]!), hashRecoveryCode(normaliseRecoveryCode(codes[0]!.toUpperCase())));
});

test('sign-in throttle: free tries, then growing delays, then a lock', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const failures = (count: number, minutesAgo = 1) =>
    Array.from({ length: count }, (_, index) => new Date(now.getTime() - minutesAgo * 60_000 - index * 1000));
  const assess = (account: number, address = 0) =>
    assessSignInThrottle({ accountFailures: failures(account), addressFailures: failures(address), now });
  assert.deepEqual(assess(3), { delayMs: 0, lockedUntil: null, reason: 'none' });
  assert.equal(assess(4).delayMs, 1000);
  assert.equal(assess(5).delayMs, 2000);
  assert.equal(assess(9).delayMs, 10_000);
  const locked = assess(10);
  assert.equal(locked.reason, 'account');
  assert.ok(locked.lockedUntil && locked.lockedUntil.getTime() <= now.getTime() + LOCK_DURATION_MS);
  assert.equal(assess(0, 50).reason, 'address');
  // Failures older than the window no longer count.
  assert.deepEqual(assessSignInThrottle({ accountFailures: failures(12, 20), addressFailures: [], now }), {
    delayMs: 0,
    lockedUntil: null,
    reason: 'none',
  });
});
