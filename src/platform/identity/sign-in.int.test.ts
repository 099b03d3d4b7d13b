/** Sign-in rules that need a database: unknown addresses are slowed like real ones; old hashes are upgraded. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import { createTestAccount, TEST_PASSWORD } from '../../../test/helpers/accounts.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenancy.js';
import { signInWithPassword } from './sign-in.js';
import { users } from './schema.js';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const source = { ip: '192.0.2.10', userAgent: 'test', requestId: 'r' };
const policy = { idleMinutes: 30, absoluteHours: 12 };

test('repeated failures for an address with no account are slowed down too, so timing reveals nothing', async () => {
  const email = `nobody.${Date.now()}@nowhere.example`;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    assert.deepEqual(await signInWithPassword(database, { email, password: 'wrong-wrong-wrong' }, source, policy), {
      outcome: 'rejected',
    });
  }
  const started = performance.now();
  await signInWithPassword(database, { email, password: 'wrong-wrong-wrong' }, source, policy);
  // The fifth failure in the window waits for the progressive delay, as a real account would.
  assert.ok(performance.now() - started >= 900, 'the delay applied to an unknown address');
});

test('a password stored with weaker settings is re-hashed at sign-in', async () => {
  const council = await createTestCouncil(database);
  const { userId, email } = await createTestAccount(database, council.id, { roles: ['practitioner'] });
  const { hash } = await import('@node-rs/argon2');
  const weak = await hash(TEST_PASSWORD, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
  const where = and(eq(users.tenantId, council.id), eq(users.id, userId));
  await withTenant(database.orm, council.id, (tx) => tx.update(users).set({ passwordHash: weak }).where(where));
  const result = await signInWithPassword(database, { email, password: TEST_PASSWORD }, source, policy);
  assert.equal(result.outcome, 'signed_in');
  const [stored] = await withTenant(database.orm, council.id, (tx) =>
    tx.select({ passwordHash: users.passwordHash }).from(users).where(where),
  );
  assert.notEqual(stored?.passwordHash, weak);
  assert.match(stored?.passwordHash ?? '', /m=19456,t=2,p=1/);
});
