import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serializeError } from './logger.js';

/** Drizzle's wrapper, as it is built: the statement and its parameters in the message. */
function failedQuery(cause: unknown): Error {
  const error = new Error(
    'Failed query: select … from sessions where tenant_id = $1 and token_hash = $2\nparams: 6f1c0d4e-council,hash-of-token',
  );
  return Object.assign(error, {
    query: 'select … from sessions where tenant_id = $1 and token_hash = $2',
    params: ['6f1c0d4e-council', 'hash-of-token'],
    cause,
  });
}

const logged = (error: Error) => JSON.stringify(serializeError(error));

test('a query that failed because the connection was lost is logged without its statement or parameters', () => {
  for (const cause of [
    new Error('Connection terminated unexpectedly'),
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
  ]) {
    const line = logged(failedQuery(cause));
    assert.ok(!line.includes('6f1c0d4e-council') && !line.includes('hash-of-token'), line);
    assert.ok(!line.includes('Failed query'), line);
  }
  assert.deepEqual(serializeError(failedQuery(new Error('Connection terminated unexpectedly'))), {
    type: 'DatabaseUnavailable',
    message: 'database unavailable',
    code: undefined,
    reason: 'Connection terminated unexpectedly',
    stack: '',
  });
});

test('a query that failed for a reason with no SQLSTATE and no lost connection is still logged without them', () => {
  const line = logged(failedQuery(new Error('Client was not ready')));
  assert.ok(!line.includes('hash-of-token'), line);
  assert.match(line, /"message":"database error"/);
});

test('another error that quotes a failed query in its own message loses the quote, in the stack too', () => {
  const inner = failedQuery(new Error('whatever'));
  const outer = new Error(`Could not save: ${inner.message}`);
  const serialized = serializeError(outer);
  assert.equal(serialized.message, 'Could not save: [a database statement, not logged]');
  assert.ok(!serialized.stack.includes('hash-of-token'));
  assert.match(serialized.stack, /^Error: Could not save: \[a database statement, not logged\]\n\s+at /);
});

test('an ordinary error keeps its message, code and stack', () => {
  const error = Object.assign(new Error('Cannot read properties of undefined'), { code: 'E_BUG', statusCode: 500 });
  const serialized = serializeError(error);
  assert.equal(serialized.message, 'Cannot read properties of undefined');
  assert.equal(serialized.code, 'E_BUG');
  assert.equal(serialized.statusCode, 500);
  assert.match(serialized.stack, /^Error: Cannot read properties of undefined\n\s+at /);
});
