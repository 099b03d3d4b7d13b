import assert from 'node:assert/strict';
import { test } from 'node:test';
import { driverErrorOf, hasSqlState, loggableDatabaseError } from './errors.js';

const wrapped = (cause: unknown) =>
  Object.assign(new Error('Failed query: insert into people ... params: Mia Thompson'), { cause });

test('finds the driver error under a wrapper', () => {
  const driver = Object.assign(new Error('new row violates row-level security policy'), { code: '42501' });
  assert.equal(driverErrorOf(wrapped(driver)), driver);
  assert.equal(hasSqlState(wrapped(driver), '42501'), true);
  assert.equal(hasSqlState(wrapped(driver), '23505'), false);
  assert.equal(driverErrorOf(new Error('plain')), undefined);
});

test('what is logged never includes the wrapper message or a data exception message', () => {
  const rls = wrapped(
    Object.assign(new Error('new row violates row-level security policy'), { code: '42501', table: 'people' }),
  );
  assert.deepEqual(loggableDatabaseError(rls), {
    sqlState: '42501',
    constraint: undefined,
    table: 'people',
    message: 'new row violates row-level security policy',
  });
  const dataException = wrapped(
    Object.assign(new Error('invalid input syntax for type date: "Mia"'), { code: '22007' }),
  );
  assert.equal(loggableDatabaseError(dataException)?.message, undefined);
  assert.ok(!JSON.stringify(loggableDatabaseError(dataException)).includes('Mia'));
});
