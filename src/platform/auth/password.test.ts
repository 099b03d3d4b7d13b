import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkPasswordPolicy,
  hashPassword,
  passwordNeedsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from './password.js';

describe('password hashing', () => {
  test('argon2id hashes verify for the right password only', async () => {
    const stored = await hashPassword('river-candle-orbit');
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(stored, 'river-candle-orbit'), true);
    assert.equal(await verifyPassword(stored, 'river-candle-orbiT'), false);
    assert.equal(passwordNeedsRehash(stored), false);
    assert.equal(passwordNeedsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA'), true);
  });

  test('a malformed stored hash is a failed check, not a crash', async () => {
    assert.equal(await verifyPassword('not a hash', 'anything'), false);
    assert.equal(await verifyAgainstDummy('anything at all'), false);
  });
});

describe('password policy', () => {
  const codes = (password: string, context = {}) =>
    checkPasswordPolicy(password, context).map((problem) => problem.code);

  test('three random words pass', () => {
    assert.deepEqual(codes('river-candle-orbit'), []);
  });
  test('too short', () => {
    assert.deepEqual(codes('short-pass'), ['too_short']);
  });
  test('too long', () => {
    assert.deepEqual(codes('a'.repeat(257)), ['too_long']);
  });
  test('common passwords are refused whatever their case', () => {
    assert.deepEqual(codes('password1234'), ['too_common']);
    assert.deepEqual(codes('QWERTY123456'), ['too_common']);
    assert.deepEqual(codes('1qaz2wsx3edc'), ['too_common']);
  });
  test('repeats and simple sequences are refused', () => {
    assert.deepEqual(codes('aaaaaaaaaaaa'), ['too_simple']);
    assert.deepEqual(codes('abababababab'), ['too_simple']);
    assert.deepEqual(codes('lmnopqrstuvw'), ['too_simple']);
  });
  test('mostly the person’s own name or email is refused', () => {
    assert.deepEqual(codes('AlexMorgan2026', { fullName: 'Alex Morgan' }), ['too_personal']);
    assert.deepEqual(codes('alex.morgan!!', { email: 'alex.morgan@demo.example' }), ['too_personal']);
    assert.deepEqual(codes('alex-likes-blue-kites', { fullName: 'Alex Morgan' }), []);
  });
  test('messages are plain English', () => {
    assert.equal(checkPasswordPolicy('short')[0]?.message, 'Password must be 12 characters or more');
  });
});
