import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  isRecoveryCodeFormat,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
} from './recovery-codes.js';

const FORMAT = /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/;

describe('generateRecoveryCodes', () => {
  test('gives ten different codes like k7qp-3vxm-9t2d by default', () => {
    const codes = generateRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, FORMAT);
  });

  test('gives as many as asked for, and refuses silly counts', () => {
    assert.equal(generateRecoveryCodes(1).length, 1);
    assert.equal(generateRecoveryCodes(16).length, 16);
    for (const count of [0, -1, 1.5, 101, Number.NaN]) assert.throws(() => generateRecoveryCodes(count), RangeError);
  });

  test('each code carries at least 60 random bits', () => {
    assert.equal(RECOVERY_CODE_ALPHABET.length, 32);
    assert.equal(new Set(RECOVERY_CODE_ALPHABET).size, 32);
    assert.ok(RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length) >= 60);
  });

  test('the alphabet has no look-alikes: no i, l, o or u, and no capitals', () => {
    assert.doesNotMatch(RECOVERY_CODE_ALPHABET, /[ilouA-Z]/);
  });

  test('uses the whole alphabet, roughly evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const code of generateRecoveryCodes(100)) {
      for (const character of code.replace(/-/g, '')) counts.set(character, (counts.get(character) ?? 0) + 1);
    }
    // 1,200 characters over 32 symbols: 37.5 each on average. A symbol never drawn, or drawn
    // three times as often as average, would mean a broken generator (chance far below 1 in 10^9).
    assert.equal(counts.size, 32);
    for (const [character, count] of counts) assert.ok(count < 113, `${character} drawn ${count} times`);
  });
});

describe('normaliseRecoveryCode', () => {
  test('lower case, no spaces or hyphens', () => {
    assert.equal(normaliseRecoveryCode('K7QP-3VXM-9T2D'), 'k7qp3vxm9t2d');
    assert.equal(normaliseRecoveryCode(' k7qp 3vxm\t9t2d \n'), 'k7qp3vxm9t2d');
    assert.equal(normaliseRecoveryCode('k7qp\u20133vxm\u20149t2d'), 'k7qp3vxm9t2d');
  });

  test('reads the look-alikes o, i and l as 0, 1 and 1', () => {
    assert.equal(normaliseRecoveryCode('OIL0-1abc-defg'), '0110' + '1abcdefg');
  });
});

describe('isRecoveryCodeFormat', () => {
  test('accepts codes however they are typed', () => {
    const [code] = generateRecoveryCodes(1);
    assert.ok(code);
    assert.equal(isRecoveryCodeFormat(code), true);
    assert.equal(isRecoveryCodeFormat(code.toUpperCase().replace(/-/g, ' ')), true);
  });

  test('refuses other lengths and characters', () => {
    for (const bad of ['', 'k7qp-3vxm-9t2', 'k7qp-3vxm-9t2dd', 'k7qp-3vxm-9t2u', '123456', 'k7qp_3vxm_9t2d']) {
      assert.equal(isRecoveryCodeFormat(bad), false, bad);
    }
  });
});

describe('hashRecoveryCode', () => {
  test('is the SHA-256 hex of the normalised code', () => {
    assert.equal(hashRecoveryCode('k7qp-3vxm-9t2d'), createHash('sha256').update('k7qp3vxm9t2d').digest('hex'));
    assert.match(hashRecoveryCode('k7qp-3vxm-9t2d'), /^[0-9a-f]{64}$/);
  });

  test('the same code typed differently hashes the same', () => {
    const stored = hashRecoveryCode('k7q0-3vxm-9t1d');
    for (const typed of ['K7Q0-3VXM-9T1D', 'k7q0 3vxm 9t1d', 'k7q03vxm9t1d', 'k7qO-3vxm-9tld', 'k7qo-3vxm-9tId']) {
      assert.equal(hashRecoveryCode(typed), stored, typed);
    }
  });

  test('different codes hash differently', () => {
    assert.notEqual(hashRecoveryCode('k7qp-3vxm-9t2d'), hashRecoveryCode('k7qp-3vxm-9t2e'));
  });
});
