import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  csrfTokenFor,
  generatePersonalAccessToken,
  generateSessionToken,
  hashToken,
  parsePersonalAccessToken,
  PERSONAL_ACCESS_TOKEN_PREFIX,
  tokenMatchesHash,
  verifyCsrfToken,
} from './tokens.js';

const secret = 's'.repeat(64);

describe('session tokens', () => {
  test('are 32 random bytes in base64url', () => {
    const token = generateSessionToken();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
  });

  test('are different every time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
    assert.equal(tokens.size, 1000);
  });

  test('are stored as the SHA-256 hex of the token', () => {
    const token = generateSessionToken();
    assert.equal(hashToken(token), createHash('sha256').update(token).digest('hex'));
    assert.match(hashToken(token), /^[0-9a-f]{64}$/);
    assert.notEqual(hashToken(token), hashToken(generateSessionToken()));
    // The FIPS 180-2 test value for "abc", so the hash is the standard one.
    assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('tokenMatchesHash compares a token with its stored hash', () => {
    const token = generateSessionToken();
    assert.equal(tokenMatchesHash(token, hashToken(token)), true);
    assert.equal(tokenMatchesHash(`${token}x`, hashToken(token)), false);
    assert.equal(tokenMatchesHash(token, hashToken(token).toUpperCase()), false);
    assert.equal(tokenMatchesHash(token, ''), false);
    assert.equal(tokenMatchesHash(undefined as unknown as string, hashToken(token)), false);
  });
});

describe('CSRF tokens', () => {
  const session = hashToken('session one');

  test('are an HMAC-SHA256 of the session token hash, in base64url', () => {
    const token = csrfTokenFor(session, secret);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(token, createHmac('sha256', secret).update(`kith-csrf-v1:${session}`).digest('base64url'));
    assert.equal(csrfTokenFor(session, secret), token, 'the same for the life of the session');
  });

  test('verify for the session they were made for', () => {
    assert.equal(verifyCsrfToken(session, secret, csrfTokenFor(session, secret)), true);
  });

  test('do not verify for another session or under another secret', () => {
    const token = csrfTokenFor(session, secret);
    assert.equal(verifyCsrfToken(hashToken('session two'), secret, token), false);
    assert.equal(verifyCsrfToken(session, 't'.repeat(64), token), false);
  });

  test('missing, altered or garbage values are false, never an error', () => {
    const token = csrfTokenFor(session, secret);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const candidates: unknown[] = [
      undefined,
      null,
      '',
      'garbage',
      flipped,
      `${token}x`,
      token.slice(1),
      ` ${token}`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      [token],
      { token },
      42,
      `${token.slice(0, 42)}é`,
    ];
    for (const candidate of candidates) {
      assert.equal(verifyCsrfToken(session, secret, candidate), false, JSON.stringify(candidate));
    }
    assert.equal(verifyCsrfToken('', secret, token), false);
  });

  test('refuse to work with a short secret', () => {
    assert.throws(() => csrfTokenFor(session, 'short'), /32 characters/);
    assert.throws(() => csrfTokenFor(session, ''), /32 characters/);
    assert.throws(() => verifyCsrfToken(session, 'short', 'anything'), /32 characters/);
    assert.throws(() => csrfTokenFor('', secret), /needs a session/);
  });
});

describe('personal access tokens', () => {
  test('look like kith_pat_<12-character id>_<43-character secret>', () => {
    const { token, id } = generatePersonalAccessToken();
    assert.ok(token.startsWith(PERSONAL_ACCESS_TOKEN_PREFIX));
    assert.match(token, /^kith_pat_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    assert.match(id, /^[a-z2-7]{12}$/);
    assert.equal(token.slice(9, 21), id);
  });

  test('parse back into the id and a secret whose hash is the one to store', () => {
    const { token, id, secretHash } = generatePersonalAccessToken();
    const parsed = parsePersonalAccessToken(token);
    assert.ok(parsed);
    assert.equal(parsed.id, id);
    assert.equal(Buffer.from(parsed.secret, 'base64url').length, 32);
    assert.equal(hashToken(parsed.secret), secretHash);
    assert.equal(tokenMatchesHash(parsed.secret, secretHash), true);
    assert.notEqual(secretHash, hashToken(token), 'the secret is hashed, not the whole token');
  });

  test('are different every time', () => {
    const made = Array.from({ length: 200 }, generatePersonalAccessToken);
    assert.equal(new Set(made.map((pat) => pat.id)).size, 200);
    assert.equal(new Set(made.map((pat) => pat.token)).size, 200);
  });

  test('parse a secret that contains underscores and hyphens', () => {
    const secretWithUnderscores = `${'_-'.repeat(21)}A`;
    assert.deepEqual(parsePersonalAccessToken(`kith_pat_abcdefgh2345_${secretWithUnderscores}`), {
      id: 'abcdefgh2345',
      secret: secretWithUnderscores,
    });
  });

  test('parsing is strict', () => {
    const { token, id } = generatePersonalAccessToken();
    const secretPart = token.slice(22);
    const bad: unknown[] = [
      '',
      `${token}!`,
      `${token}A`,
      token.slice(0, -1),
      ` ${token}`,
      `${token}\n`,
      token.replace('kith_pat_', 'KITH_PAT_'),
      token.replace('kith_pat_', 'kith_pak_'),
      token.replace(id, id.toUpperCase()),
      token.replace(id, `${id.slice(0, 11)}1`), // 1 is not base32
      token.replace(id, id.slice(0, 11)),
      `kith_pat_${id}-${secretPart}`,
      `kith_pat_${id}_${secretPart.slice(0, 42)}=`,
      `kith_pat_${id}_${secretPart.slice(0, 42)}B`, // unused bits set: not a real 32-byte value
      'kith_pat_short_secret',
      undefined,
      null,
      42,
      'x'.repeat(10_000),
    ];
    for (const candidate of bad) assert.equal(parsePersonalAccessToken(candidate), null, JSON.stringify(candidate));
  });
});
