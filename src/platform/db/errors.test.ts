import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  driverErrorOf,
  hasSqlState,
  isDatabaseUnavailable,
  loggableDatabaseError,
  loggableUnavailability,
  wrapsAQuery,
} from './errors.js';

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

test('an error that says the database is away, however it is wrapped, is told apart from any other', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
  const away = [
    new Error('Connection terminated unexpectedly'),
    new Error('Connection terminated due to connection timeout'),
    new Error('timeout exceeded when trying to connect'),
    new Error('Client has encountered a connection error and is not queryable'),
    withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    withCode('read ECONNRESET', 'ECONNRESET'),
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('the database system is starting up', '57P03'),
    withCode('the database system is shutting down', '57P03'),
    withCode('connection failure', '08006'),
    withCode('sorry, too many clients already', '53300'),
    Object.assign(new Error('Cannot connect'), { name: 'DatabaseUnavailableError' }),
  ];
  for (const error of away) {
    assert.equal(isDatabaseUnavailable(error), true, error.message);
    assert.equal(isDatabaseUnavailable(wrapped(error)), true, `wrapped: ${error.message}`);
    assert.equal(isDatabaseUnavailable(wrapped(wrapped(error))), true, `wrapped twice: ${error.message}`);
  }
  const notAway = [
    withCode('duplicate key value violates unique constraint "people_pkey"', '23505'),
    withCode('new row violates row-level security policy', '42501'),
    new Error('Cannot read properties of undefined'),
    // A plain error that only mentions a connection is not the driver's.
    Object.assign(new Error('Connection terminated unexpectedly'), { code: 'SOMETHING_ELSE' }),
  ];
  for (const error of notAway) assert.equal(isDatabaseUnavailable(wrapped(error)), false, error.message);
  assert.equal(isDatabaseUnavailable(undefined), false);
});

test('a lost connection is logged in the driver’s words, which quote no statement', () => {
  assert.deepEqual(loggableUnavailability(wrapped(new Error('Connection terminated unexpectedly'))), {
    code: undefined,
    reason: 'Connection terminated unexpectedly',
  });
  assert.equal(wrapsAQuery(wrapped(new Error('x'))), true);
  assert.equal(wrapsAQuery(new Error('x', { cause: wrapped(new Error('y')) })), true);
  assert.equal(wrapsAQuery(new Error('x')), false);
});
