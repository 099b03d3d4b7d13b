/**
 * Sign-in throttling against a database, on a clock the test drives: no test here sleeps. The
 * delays Kith asks for are recorded and move the clock on, as real waiting would.
 * (Kith issue 29: finding 3, security codes guessed without limit; finding 8, one address
 * locking a whole council out.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import { createTestAccount, TEST_PASSWORD } from '../../../test/helpers/accounts.js';
import { searchAuditLog } from '../audit/audit-log.js';
import { MAX_DELAY_MS } from '../auth/sign-in-throttle.js';
import { totpCode } from '../auth/totp.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenancy.js';
import { lookUpSession, SECOND_FACTOR_TIME_LIMIT_MS } from './session-store.js';
import { CODES_PER_HALF_SIGNED_IN_SESSION, completeSecondFactor, signInWithPassword } from './sign-in.js';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MINUTE = 60_000;
const policy = { idleMinutes: 30, absoluteHours: 12 };
/** Each test its own address, so tests running side by side do not add up. */
const sourceFrom = (ip: string) => ({ ip, userAgent: 'test', requestId: 'r' });

/** A clock that waiting moves on: `waits` lists every delay Kith asked for. */
function testClock() {
  let nowMs = Date.now();
  const waits: number[] = [];
  return {
    now: () => new Date(nowMs),
    sleep: async (ms: number) => {
      waits.push(ms);
      nowMs += ms;
    },
    advance: (ms: number) => {
      nowMs += ms;
    },
    waits,
  };
}
type TestClock = ReturnType<typeof testClock>;

/** A code the authenticator shows now, and one that is certainly wrong. */
const rightCode = (clock: TestClock) => totpCode(SECRET, clock.now().getTime());
const wrongCode = (clock: TestClock) => (rightCode(clock) === '000000' ? '111111' : '000000');

/** The password step: the half-signed-in session's actor, as the identity layer would find it. */
async function halfSignIn(email: string, source: ReturnType<typeof sourceFrom>, clock: TestClock) {
  const result = await signInWithPassword(database, { email, password: TEST_PASSWORD }, source, policy, clock);
  assert.equal(result.outcome, 'signed_in', 'the password is accepted');
  if (result.outcome !== 'signed_in') throw new Error('unreachable');
  assert.equal(result.secondFactor, 'required');
  const lookup = await lookUpSession(
    database.orm,
    { tenantId: result.tenantId, token: result.token },
    policy,
    clock.now(),
  );
  assert.equal(lookup.state, 'awaiting_second_factor');
  if (lookup.state !== 'awaiting_second_factor') throw new Error('unreachable');
  return lookup.actor;
}

const auditEntries = (councilId: string, action: string) =>
  withTenant(database.orm, councilId, async (tx) => (await searchAuditLog(tx, councilId, { action })).entries);

describe('the security code after the password (finding 3)', () => {
  test('wrong codes beyond the limit are refused even when the next code is right, and the account locks for a while', async () => {
    const council = await createTestCouncil(database);
    const { email, userId } = await createTestAccount(database, council.id, {
      roles: ['team_manager'],
      totpSecret: SECRET,
    });
    const source = sourceFrom('198.51.100.31');
    const clock = testClock();

    // One half-signed-in session: four wrong codes are refused, the fifth ends it.
    const first = await halfSignIn(email, source, clock);
    for (let attempt = 1; attempt < CODES_PER_HALF_SIGNED_IN_SESSION; attempt += 1) {
      assert.deepEqual(await completeSecondFactor(database, first, wrongCode(clock), source, policy, clock), {
        outcome: 'rejected',
      });
    }
    assert.deepEqual(await completeSecondFactor(database, first, wrongCode(clock), source, policy, clock), {
      outcome: 'start_again',
      reason: 'too_many_codes',
    });
    assert.deepEqual(clock.waits, [1000], 'after 4 failures, the 5th code waited');
    assert.deepEqual(
      await completeSecondFactor(database, first, rightCode(clock), source, policy, clock),
      { outcome: 'rejected' },
      'the right code no longer completes that session',
    );

    // The password again (slowed down now), and five more wrong codes, each waiting longer: locked.
    const second = await halfSignIn(email, source, clock);
    let last;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      last = await completeSecondFactor(database, second, wrongCode(clock), source, policy, clock);
    }
    assert.deepEqual(last, { outcome: 'start_again', reason: 'locked' });
    assert.deepEqual(clock.waits, [1000, 2000, 2000, 4000, 8000, 10_000, 10_000]);
    const locks = await auditEntries(council.id, 'sign_in.account_locked');
    assert.equal(locks.length, 1);
    assert.equal(locks[0]?.subjectId, userId);
    assert.equal(locks[0]?.details.step, 'second_factor');

    // Locked: neither the right password nor a right code gets anyone in.
    assert.deepEqual(await signInWithPassword(database, { email, password: TEST_PASSWORD }, source, policy, clock), {
      outcome: 'rejected',
    });
    assert.deepEqual(await completeSecondFactor(database, second, rightCode(clock), source, policy, clock), {
      outcome: 'rejected',
    });
    assert.ok(clock.waits.every((wait) => wait <= MAX_DELAY_MS));

    // Fifteen minutes on, the person signs in.
    clock.advance(15 * MINUTE);
    const third = await halfSignIn(email, source, clock);
    const done = await completeSecondFactor(database, third, rightCode(clock), source, policy, clock);
    assert.equal(done.outcome, 'signed_in');
  });

  test('a code tried while the account is locked is refused unchecked, and ends the half-signed-in session', async () => {
    const council = await createTestCouncil(database);
    const { email } = await createTestAccount(database, council.id, { roles: ['team_manager'], totpSecret: SECRET });
    const source = sourceFrom('198.51.100.32');
    const clock = testClock();
    const pending = await halfSignIn(email, source, clock);
    // Someone else locks the account by its password meanwhile.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await signInWithPassword(database, { email, password: 'not-it' }, sourceFrom('198.51.100.99'), policy, clock);
    }
    assert.deepEqual(await completeSecondFactor(database, pending, rightCode(clock), source, policy, clock), {
      outcome: 'start_again',
      reason: 'locked',
    });
    const refused = await auditEntries(council.id, 'sign_in.refused_while_locked');
    assert.equal(refused[0]?.details.step, 'second_factor');
  });

  test('a half-signed-in session older than 5 minutes cannot complete; one a moment younger can', async () => {
    const council = await createTestCouncil(database);
    const { email } = await createTestAccount(database, council.id, { roles: ['team_manager'], totpSecret: SECRET });
    const source = sourceFrom('198.51.100.33');
    const clock = testClock();

    const slow = await halfSignIn(email, source, clock);
    clock.advance(SECOND_FACTOR_TIME_LIMIT_MS);
    assert.deepEqual(await completeSecondFactor(database, slow, rightCode(clock), source, policy, clock), {
      outcome: 'start_again',
      reason: 'timed_out',
    });
    assert.equal((await auditEntries(council.id, 'sign_in.second_factor_timed_out')).length, 1);
    assert.deepEqual(await completeSecondFactor(database, slow, rightCode(clock), source, policy, clock), {
      outcome: 'rejected',
    });

    clock.advance(MINUTE); // a new time step, so the code is not one already used
    const quick = await halfSignIn(email, source, clock);
    clock.advance(SECOND_FACTOR_TIME_LIMIT_MS - 1000);
    const done = await completeSecondFactor(database, quick, rightCode(clock), source, policy, clock);
    assert.equal(done.outcome, 'signed_in');
  });

  test('the session itself expires 5 minutes after the password, and lasts its full time once the code is in', async () => {
    const council = await createTestCouncil(database);
    const { email } = await createTestAccount(database, council.id, { roles: ['team_manager'], totpSecret: SECRET });
    const source = sourceFrom('198.51.100.34');
    const clock = testClock();
    const result = await signInWithPassword(database, { email, password: TEST_PASSWORD }, source, policy, clock);
    if (result.outcome !== 'signed_in') throw new Error('the password is accepted');
    const cookie = { tenantId: result.tenantId, token: result.token };
    const later = new Date(clock.now().getTime() + SECOND_FACTOR_TIME_LIMIT_MS);
    assert.deepEqual(await lookUpSession(database.orm, cookie, policy, later), { state: 'ended', reason: 'expired' });

    const pending = await halfSignIn(email, source, clock);
    const done = await completeSecondFactor(database, pending, rightCode(clock), source, policy, clock);
    if (done.outcome !== 'signed_in') throw new Error('the code is accepted');
    const hourLater = new Date(clock.now().getTime() + 60 * MINUTE);
    const lookup = await lookUpSession(database.orm, { tenantId: council.id, token: done.token }, policy, hourLater);
    assert.equal(lookup.state, 'ended', 'idle after an hour (30 minutes allowed), not expired');
    assert.deepEqual(lookup, { state: 'ended', reason: 'idle' });
  });
});

describe('many accounts tried from one address (finding 8)', () => {
  test('50 wrong passwords for ten accounts from one address do not stop an innocent colleague there', async () => {
    const council = await createTestCouncil(database);
    const source = sourceFrom('203.0.113.80');
    const clock = testClock();
    const tried: { userId: string; email: string }[] = [];
    for (let index = 0; index < 10; index += 1) {
      tried.push(await createTestAccount(database, council.id, { roles: ['practitioner'] }));
    }
    const innocent = await createTestAccount(database, council.id, { roles: ['practitioner'] });
    for (let round = 0; round < 5; round += 1) {
      for (const account of tried) {
        const wrong = { email: account.email, password: `guess-${round}` };
        assert.deepEqual(await signInWithPassword(database, wrong, source, policy, clock), { outcome: 'rejected' });
      }
    }
    clock.waits.length = 0;
    const result = await signInWithPassword(
      database,
      { email: innocent.email, password: TEST_PASSWORD },
      source,
      policy,
      clock,
    );
    assert.equal(result.outcome, 'signed_in');
    assert.deepEqual(clock.waits, [8000], 'slowed down, as the address has 50 failures, but let in');

    // The administrators are told, each time the address is slowed down further.
    const slowed = await auditEntries(council.id, 'sign_in.address_slowed');
    assert.deepEqual(
      slowed.map((entry) => [entry.details.failures, entry.details.delaySeconds]),
      [
        [50, 8],
        [40, 4],
        [30, 2],
        [20, 1],
      ],
    );
    assert.equal(slowed[0]?.details.address, '203.0.113.80');
    assert.equal((await auditEntries(council.id, 'sign_in.account_locked')).length, 0, 'no account had 10 failures');
  });

  test('the account under attack is locked, even for its right password; a colleague at the same address is not', async () => {
    const council = await createTestCouncil(database);
    const source = sourceFrom('203.0.113.81');
    const clock = testClock();
    const attacked = await createTestAccount(database, council.id, { roles: ['practitioner'] });
    const colleague = await createTestAccount(database, council.id, { roles: ['practitioner'] });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await signInWithPassword(
        database,
        { email: attacked.email, password: `guess-${attempt}` },
        source,
        policy,
        clock,
      );
    }
    assert.deepEqual(
      await signInWithPassword(database, { email: attacked.email, password: TEST_PASSWORD }, source, policy, clock),
      { outcome: 'rejected' },
    );
    const colleagueResult = await signInWithPassword(
      database,
      { email: colleague.email, password: TEST_PASSWORD },
      source,
      policy,
      clock,
    );
    assert.equal(colleagueResult.outcome, 'signed_in');

    const locks = await auditEntries(council.id, 'sign_in.account_locked');
    assert.equal(locks.length, 1, 'one security event, for the failure that locked it');
    assert.equal(locks[0]?.subjectId, attacked.userId);
    assert.equal(locks[0]?.details.failures, 10);
    assert.equal(locks[0]?.details.step, 'password');
    assert.equal(locks[0]?.sourceIp, '203.0.113.81');
    assert.ok(typeof locks[0]?.details.lockedUntil === 'string');
  });
});
