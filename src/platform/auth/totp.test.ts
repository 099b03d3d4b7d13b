import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base32Decode, base32Encode, hotp, totpCode, totpUri, verifyTotp } from './totp.js';

const rfcSecret = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP and TOTP', () => {
  test('RFC 4226 appendix D values', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expected.forEach((code, counter) => {
      assert.equal(hotp(rfcSecret, counter), code);
    });
  });

  test('RFC 6238 appendix B SHA-1 values (8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ];
    for (const [seconds, code] of vectors) assert.equal(hotp(rfcSecret, Math.floor(seconds / 30), 8), code);
  });

  test('base32 round-trips and tolerates spaces and lower case', () => {
    const encoded = base32Encode(rfcSecret);
    assert.equal(encoded, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.deepEqual(base32Decode(encoded.toLowerCase().replace(/(.{4})/g, '$1 ')), rfcSecret);
    assert.throws(() => base32Decode('not base32!'));
  });

  test('accepts the current code and one step either side, and refuses replays', () => {
    const secret = base32Encode(rfcSecret);
    const now = 1_700_000_000_000;
    const code = totpCode(secret, now);
    const accepted = verifyTotp(secret, code, { nowMs: now });
    assert.ok(accepted.ok);
    assert.ok(verifyTotp(secret, totpCode(secret, now - 30_000), { nowMs: now }).ok);
    assert.ok(verifyTotp(secret, totpCode(secret, now + 30_000), { nowMs: now }).ok);
    assert.equal(verifyTotp(secret, totpCode(secret, now - 90_000), { nowMs: now }).ok, false);
    assert.equal(verifyTotp(secret, code, { nowMs: now, lastUsedStep: accepted.ok ? accepted.step : null }).ok, false);
    assert.ok(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { nowMs: now }).ok);
    assert.equal(verifyTotp(secret, '12345', { nowMs: now }).ok, false);
    assert.equal(verifyTotp(secret, 'abcdef', { nowMs: now }).ok, false);
  });

  test('the otpauth URI is encoded for authenticator apps', () => {
    const uri = totpUri({ issuer: 'Kith', accountName: 'alex.morgan@demo-borough.example', secret: 'ABC234' });
    assert.equal(
      uri,
      'otpauth://totp/Kith:alex.morgan%40demo-borough.example?secret=ABC234&issuer=Kith&algorithm=SHA1&digits=6&period=30',
    );
  });
});
