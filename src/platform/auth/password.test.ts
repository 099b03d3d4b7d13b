import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hash, parseOptions } from '@node-rs/argon2';
import { passwordMessages } from './messages.js';
import {
  ARGON2_PARAMETERS,
  checkPasswordPolicy,
  dummyPasswordHash,
  hashPassword,
  isCommonPassword,
  isMostlyPersonal,
  isSimplePassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordNeedsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from './password.js';
import type { PasswordContext } from './password.js';

// Hashes with other settings, as older versions of Kith might have stored. `algorithm` is
// 0 for argon2d, 1 for argon2i and 2 for argon2id (a const enum the tests cannot import).
const weak = (options: Record<string, number>) => {
  const settings: Record<string, number> = {
    algorithm: 2,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
    ...options,
  };
  return hash('river-candle-orbit', settings);
};

describe('hashPassword and verifyPassword', () => {
  test('makes an argon2id hash with OWASP’s parameters', async () => {
    const stored = await hashPassword('river-candle-orbit');
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const used = parseOptions(stored);
    assert.equal(used.memoryCost, ARGON2_PARAMETERS.memoryCost);
    assert.equal(used.saltLen, 16);
    assert.equal(used.outputLen, 32);
  });

  test('salts every hash, so the same password never gives the same hash', async () => {
    const [first, second] = await Promise.all([hashPassword('river-candle-orbit'), hashPassword('river-candle-orbit')]);
    assert.notEqual(first, second);
  });

  test('verifies the right password and only the right password', async () => {
    const stored = await hashPassword('river-candle-orbit');
    assert.equal(await verifyPassword(stored, 'river-candle-orbit'), true);
    assert.equal(await verifyPassword(stored, 'river-candle-orbiT'), false);
    assert.equal(await verifyPassword(stored, 'river-candle-orbit '), false);
    assert.equal(await verifyPassword(stored, ''), false);
  });

  test('treats the same characters typed as different Unicode as the same password', async () => {
    const composed = 'caf\u00e9-candle-orbit';
    const decomposed = 'cafe\u0301-candle-orbit';
    assert.notEqual(composed, decomposed);
    assert.equal(await verifyPassword(await hashPassword(composed), decomposed), true);
    assert.equal(await verifyPassword(await hashPassword(decomposed), composed), true);
  });

  test('a malformed or foreign stored hash is a failed check, never an error', async () => {
    const malformed = [
      '',
      'not a hash',
      '$argon2id$',
      '$argon2id$v=19$m=19456,t=2,p=1$bm90IGEgc2FsdA$',
      '$2b$12$abcdefghijklmnopqrstuuvwxyzabcdefghijklmnopqrstuvwxyzab',
      'river-candle-orbit',
    ];
    for (const stored of malformed) assert.equal(await verifyPassword(stored, 'river-candle-orbit'), false, stored);
    assert.equal(await verifyPassword(undefined as unknown as string, 'river-candle-orbit'), false);
    assert.equal(await verifyPassword(await hashPassword('x'.repeat(12)), null as unknown as string), false);
  });
});

describe('passwordNeedsRehash', () => {
  test('not for a hash made today', async () => {
    assert.equal(passwordNeedsRehash(await hashPassword('river-candle-orbit')), false);
  });

  test('yes when memory, iterations, output or salt are below today’s settings', async () => {
    assert.equal(passwordNeedsRehash(await weak({ memoryCost: 19_455 })), true);
    assert.equal(passwordNeedsRehash(await weak({ memoryCost: 4096 })), true);
    assert.equal(passwordNeedsRehash(await weak({ timeCost: 1 })), true);
    assert.equal(passwordNeedsRehash(await weak({ outputLen: 16 })), true);
  });

  test('yes for argon2i and argon2d, and for a hash it cannot read', async () => {
    assert.equal(passwordNeedsRehash(await weak({ algorithm: 1 })), true);
    assert.equal(passwordNeedsRehash(await weak({ algorithm: 0 })), true);
    assert.equal(passwordNeedsRehash('not a hash'), true);
    assert.equal(passwordNeedsRehash(''), true);
  });

  test('not for stronger settings, nor for a different parallelism alone', async () => {
    assert.equal(passwordNeedsRehash(await weak({ memoryCost: 32_768, timeCost: 3 })), false);
    assert.equal(passwordNeedsRehash(await weak({ parallelism: 2 })), false);
  });
});

describe('dummyPasswordHash and verifyAgainstDummy', () => {
  test('the dummy is a real argon2id hash with today’s settings, made once', async () => {
    const first = await dummyPasswordHash();
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(passwordNeedsRehash(first), false);
    assert.equal(await dummyPasswordHash(), first);
  });

  test('checking against the dummy always fails, whatever is typed', async () => {
    for (const password of ['', 'river-candle-orbit', 'password', 'x'.repeat(1000)]) {
      assert.equal(await verifyAgainstDummy(password), false);
    }
  });
});

describe('checkPasswordPolicy', () => {
  const codes = (password: string, context: PasswordContext = {}) =>
    checkPasswordPolicy(password, context).map((problem) => problem.code);

  test('three random words pass', () => {
    assert.deepEqual(codes('river-candle-orbit'), []);
    assert.deepEqual(codes('correct horse battery staple'), []);
  });

  test('an empty password is missing', () => {
    assert.deepEqual(codes(''), ['missing']);
  });

  test('length: 12 characters or more and 256 or fewer', () => {
    assert.equal(MIN_PASSWORD_LENGTH, 12);
    assert.equal(MAX_PASSWORD_LENGTH, 256);
    assert.deepEqual(codes('kw7-ypr-93d'), ['too_short']); // 11
    assert.deepEqual(codes('kw7-ypr-93dm'), []); // 12
    const ofLength = (length: number) => 'river-candle-orbit-'.repeat(20).slice(0, length);
    assert.deepEqual(codes(ofLength(256)), []);
    assert.deepEqual(codes(ofLength(257)), ['too_long']);
  });

  test('length counts characters, not bytes or UTF-16 units', () => {
    const emoji = ['🦊', '🌳', '🐝', '🚲', '🎻', '🍐', '🧭', '🪁', '🐢', '🌊', '🫖', '🎈'];
    assert.equal(emoji.join('').length, 24); // UTF-16 units
    assert.deepEqual(codes(emoji.slice(0, 11).join('')), ['too_short']);
    assert.deepEqual(codes(emoji.join('')), []);
  });

  test('common passwords are refused whatever their case', () => {
    assert.deepEqual(codes('password1234'), ['too_common']);
    assert.deepEqual(codes('QWERTY123456'), ['too_common', 'too_simple']);
    assert.deepEqual(codes('1qaz2wsx3edc'), ['too_common']);
    assert.deepEqual(codes('UnBeLiEvAbLe'), ['too_common']);
  });

  test('a common word with digits or symbols added, or letters swapped, is still common', () => {
    for (const password of [
      'Password2024!',
      'P@ssw0rd2024',
      'letmein!!!!!',
      'Monkey123456',
      '2024!sunshine',
      'P455w0rd2024!',
      '$unshine2024',
      'l0ve12345678',
    ]) {
      assert.deepEqual(codes(password), ['too_common'], password);
    }
    assert.equal(isCommonPassword('river-candle-orbit'), false);
    // A core of fewer than 4 letters is not treated as a word.
    assert.equal(isCommonPassword('a84736251937'), false);
  });

  test('one character repeated, a piece repeated, or a simple sequence is refused', () => {
    const simple = [
      'aaaaaaaaaaaa',
      '!!!!!!!!!!!!',
      '123456789012',
      'abcdefghijkl',
      'ZYXWVUTSRQPO',
      '098765432109',
      'qwertyuiopas',
      'abababababab',
      'kw7kw7kw7kw7',
      'aaaaaabbbbbb',
      'abcdef654321',
    ];
    for (const password of simple) assert.equal(isSimplePassword(password), true, password);
    assert.deepEqual(codes('abcdefghijkl'), ['too_simple']);
    assert.deepEqual(codes('kw7kw7kw7kw7'), ['too_simple']);
  });

  test('ordinary passwords are not called simple', () => {
    for (const password of [
      'river-candle-orbit',
      'abcdef-river-4321',
      'kw7-ypr-93dm',
      'abcdefghijkl-river',
      'river-candle-river-candle',
    ]) {
      assert.equal(isSimplePassword(password), false, password);
    }
  });

  test('mostly the person’s own name or email address is refused', () => {
    const alex = { fullName: 'Alex Morgan', email: 'alex.morgan@demo-borough.gov.uk' };
    for (const password of ['AlexMorgan2026', 'alex.morgan!!', 'morgan-alex-77', 'Demo-Borough-1', 'ALEX alex alex']) {
      assert.deepEqual(codes(password, alex), ['too_personal'], password);
    }
    assert.deepEqual(codes('AlexMorgan2026', { fullName: 'Alex Morgan' }), ['too_personal']);
    assert.deepEqual(codes('alex.morgan!!', { email: 'alex.morgan@demo.example' }), ['too_personal']);
  });

  test('“mostly” means more than half of the letters and digits', () => {
    const alex = { fullName: 'Alex Morgan' };
    assert.equal(isMostlyPersonal('alexmorgan-kw7y9p2qzt', alex), false); // 10 of 20
    assert.equal(isMostlyPersonal('alexmorgan-kw7y9p2qz', alex), true); // 10 of 19
    assert.equal(isMostlyPersonal('!!!!!!!!!!!!', alex), false);
  });

  test('a name inside a longer password is fine, and nobody’s name counts without context', () => {
    const alex = { fullName: 'Alex Morgan', email: 'alex.morgan@demo-borough.gov.uk' };
    assert.deepEqual(codes('alex-likes-blue-kites', alex), []);
    assert.deepEqual(codes('AlexMorgan2026'), []);
    // Pieces under 3 letters (initials) are ignored.
    assert.equal(isMostlyPersonal('al-li-river-kite', { fullName: 'Al Li' }), false);
  });

  test('accents do not hide a name', () => {
    assert.deepEqual(codes('JoseNunez1234', { fullName: 'José Núñez' }), ['too_personal']);
    assert.deepEqual(codes('JoséNúñez1234', { fullName: 'Jose Nunez' }), ['too_personal']);
  });

  test('problems carry plain-English messages that say nothing about accounts', () => {
    assert.deepEqual(checkPasswordPolicy('short'), [
      { code: 'too_short', message: 'Password must be 12 characters or more' },
    ]);
    assert.equal(
      checkPasswordPolicy('password1234')[0]?.message,
      'Password is too common. Try three random words, like ‘river-candle-orbit’',
    );
    for (const message of Object.values(passwordMessages)) {
      assert.doesNotMatch(message, /account|exist|registered|user/i);
      assert.doesNotMatch(message, /\.$/, 'GOV.UK error messages have no full stop');
    }
  });
});
