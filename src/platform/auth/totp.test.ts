import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  TOTP_STEP_SECONDS,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from './totp.js';

// The secret both RFCs use for their test values: the ASCII bytes of "12345678901234567890".
const rfcSecret = Buffer.from('12345678901234567890', 'ascii');
const rfcSecretBase32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('base32 (RFC 4648)', () => {
  // RFC 4648 section 10, without the padding.
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];

  test('encodes the RFC 4648 test vectors, without padding', () => {
    for (const [plain, encoded] of vectors) assert.equal(base32Encode(Buffer.from(plain)), encoded, plain);
    assert.equal(base32Encode(rfcSecret), rfcSecretBase32);
  });

  test('decodes them, with or without padding', () => {
    for (const [plain, encoded] of vectors) {
      assert.equal(base32Decode(encoded).toString(), plain, encoded);
      const padded = encoded + '='.repeat((8 - (encoded.length % 8)) % 8);
      assert.equal(base32Decode(padded).toString(), plain, padded);
    }
  });

  test('tolerates lower case and spaces, as people copy secrets', () => {
    assert.deepEqual(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq'), rfcSecret);
    assert.deepEqual(base32Decode(' GEZDGNBVGY3TQOJQ\tgezdgnbvgy3tqojq\n'), rfcSecret);
  });

  test('round-trips every length of random bytes', () => {
    for (let length = 0; length <= 41; length += 1) {
      const bytes = Buffer.from(Array.from({ length }, (_, index) => (index * 97 + length * 31) % 256));
      assert.deepEqual(base32Decode(base32Encode(bytes)), bytes, `length ${length}`);
    }
    const all = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    assert.deepEqual(base32Decode(base32Encode(all)), all);
  });

  test('refuses characters and lengths base32 cannot have', () => {
    for (const bad of ['M', 'MZX', 'MZXW6Y', 'MZXW1', 'MZ!Q', 'MZ0Q', 'MY==MY', 'not base32!']) {
      assert.throws(() => base32Decode(bad), /Not valid base32/, bad);
    }
  });
});

describe('HOTP (RFC 4226)', () => {
  // RFC 4226 appendix D: the truncated 31-bit values and the 6-digit codes for counters 0 to 9.
  const appendixD: [number, string][] = [
    [1284755224, '755224'],
    [1094287082, '287082'],
    [137359152, '359152'],
    [1726969429, '969429'],
    [1640338314, '338314'],
    [868254676, '254676'],
    [1918287922, '287922'],
    [82162583, '162583'],
    [673399871, '399871'],
    [645520489, '520489'],
  ];

  test('gives the appendix D codes for counters 0 to 9', () => {
    for (const [counter, [, code]] of appendixD.entries())
      assert.equal(hotp(rfcSecret, counter), code, `counter ${counter}`);
  });

  test('gives the appendix D truncated values with 10 digits', () => {
    for (const [counter, [truncated]] of appendixD.entries()) {
      assert.equal(hotp(rfcSecret, counter, 10), String(truncated).padStart(10, '0'), `counter ${counter}`);
    }
  });

  test('refuses counters and digit counts outside the standard', () => {
    assert.throws(() => hotp(rfcSecret, -1), RangeError);
    assert.throws(() => hotp(rfcSecret, 1.5), RangeError);
    assert.throws(() => hotp(rfcSecret, Number.MAX_SAFE_INTEGER + 1), RangeError);
    assert.throws(() => hotp(rfcSecret, 0, 5), RangeError);
    assert.throws(() => hotp(rfcSecret, 0, 11), RangeError);
  });
});

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, the SHA-1 rows: Unix time in seconds, the step T in hex, the 8-digit code.
  const appendixB: [number, number, string][] = [
    [59, 0x1, '94287082'],
    [1111111109, 0x23523ec, '07081804'],
    [1111111111, 0x23523ed, '14050471'],
    [1234567890, 0x273ef07, '89005924'],
    [2000000000, 0x3f940aa, '69279037'],
    [20000000000, 0x27bc86aa, '65353130'],
  ];

  test('time steps match appendix B', () => {
    for (const [seconds, step] of appendixB) assert.equal(totpStep(seconds * 1000), step, `${seconds}s`);
  });

  test('gives the appendix B SHA-1 codes with 8 digits', () => {
    for (const [seconds, , code] of appendixB) {
      assert.equal(hotp(rfcSecret, totpStep(seconds * 1000), 8), code, `${seconds}s`);
    }
  });

  test('totpCode gives the last 6 digits of those codes from the base32 secret', () => {
    for (const [seconds, , code] of appendixB) assert.equal(totpCode(rfcSecretBase32, seconds * 1000), code.slice(2));
  });

  test('a step runs from the start of one 30-second period to just before the next', () => {
    assert.equal(TOTP_STEP_SECONDS, 30);
    assert.equal(totpStep(29_999), 0);
    assert.equal(totpStep(30_000), 1);
    assert.equal(totpCode(rfcSecretBase32, 30_000), totpCode(rfcSecretBase32, 59_999));
    assert.notEqual(totpCode(rfcSecretBase32, 59_999), totpCode(rfcSecretBase32, 60_000));
  });

  test('refuses a secret shorter than 128 bits', () => {
    assert.throws(() => totpCode(base32Encode(Buffer.alloc(15, 1)), 0), /128 bits/);
    assert.doesNotThrow(() => totpCode(base32Encode(Buffer.alloc(16, 1)), 0));
  });
});

describe('generateTotpSecret', () => {
  test('is 160 random bits in base32', () => {
    const secret = generateTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(secret).length, 20);
    assert.notEqual(secret, generateTotpSecret());
  });
});

describe('verifyTotp', () => {
  const secret = rfcSecretBase32;
  const nowMs = 1_700_000_012_345;
  const nowStep = totpStep(nowMs);
  const codeAt = (stepOffset: number) => totpCode(secret, nowMs + stepOffset * TOTP_STEP_SECONDS * 1000);

  test('the five codes around now are all different (so the tests below mean something)', () => {
    assert.equal(new Set([-2, -1, 0, 1, 2].map(codeAt)).size, 5);
  });

  test('accepts the current code and says which step it was', () => {
    assert.deepEqual(verifyTotp(secret, codeAt(0), { nowMs }), { ok: true, step: nowStep });
  });

  test('accepts one step either side by default, and no further', () => {
    assert.deepEqual(verifyTotp(secret, codeAt(-1), { nowMs }), { ok: true, step: nowStep - 1 });
    assert.deepEqual(verifyTotp(secret, codeAt(1), { nowMs }), { ok: true, step: nowStep + 1 });
    assert.deepEqual(verifyTotp(secret, codeAt(-2), { nowMs }), { ok: false });
    assert.deepEqual(verifyTotp(secret, codeAt(2), { nowMs }), { ok: false });
  });

  test('the window can be narrowed or widened', () => {
    assert.deepEqual(verifyTotp(secret, codeAt(-1), { nowMs, window: 0 }), { ok: false });
    assert.deepEqual(verifyTotp(secret, codeAt(0), { nowMs, window: 0 }), { ok: true, step: nowStep });
    assert.deepEqual(verifyTotp(secret, codeAt(-2), { nowMs, window: 2 }), { ok: true, step: nowStep - 2 });
    assert.throws(() => verifyTotp(secret, codeAt(0), { nowMs, window: -1 }), RangeError);
    assert.throws(() => verifyTotp(secret, codeAt(0), { nowMs, window: 1.5 }), RangeError);
    assert.throws(() => verifyTotp(secret, codeAt(0), { nowMs, window: 11 }), RangeError);
  });

  test('refuses a code from a step already used, or from before it (replay)', () => {
    const first = verifyTotp(secret, codeAt(0), { nowMs });
    assert.ok(first.ok);
    assert.deepEqual(verifyTotp(secret, codeAt(0), { nowMs, lastUsedStep: first.step }), { ok: false });
    assert.deepEqual(verifyTotp(secret, codeAt(-1), { nowMs, lastUsedStep: first.step }), { ok: false });
    assert.deepEqual(verifyTotp(secret, codeAt(1), { nowMs, lastUsedStep: first.step }), {
      ok: true,
      step: nowStep + 1,
    });
    assert.deepEqual(verifyTotp(secret, codeAt(0), { nowMs, lastUsedStep: nowStep - 1 }), { ok: true, step: nowStep });
    assert.deepEqual(verifyTotp(secret, codeAt(0), { nowMs, lastUsedStep: null }), { ok: true, step: nowStep });
  });

  test('ignores spaces people type or paste', () => {
    const code = codeAt(0);
    assert.equal(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { nowMs }).ok, true);
    assert.equal(verifyTotp(secret, ` ${code}\n`, { nowMs }).ok, true);
  });

  test('refuses anything that is not 6 digits', () => {
    const code = codeAt(0);
    const fullWidth = code
      .split('')
      .map((digit) => String.fromCodePoint(0xff10 + Number(digit)))
      .join('');
    for (const bad of [
      '',
      code.slice(0, 5),
      `${code}0`,
      `0${code}`,
      'abcdef',
      `${code.slice(0, 3)}-${code.slice(3)}`,
      fullWidth,
    ]) {
      assert.deepEqual(verifyTotp(secret, bad, { nowMs }), { ok: false }, JSON.stringify(bad));
    }
    assert.deepEqual(verifyTotp(secret, undefined as unknown as string, { nowMs }), { ok: false });
  });

  test('does not accept the same code under a different secret', () => {
    const other = base32Encode(Buffer.from('09876543210987654321'));
    assert.deepEqual(verifyTotp(other, codeAt(0), { nowMs }), { ok: false });
  });

  test('throws for a malformed stored secret rather than quietly failing', () => {
    assert.throws(() => verifyTotp('not base32!', '123456', { nowMs }), /Not valid base32/);
    assert.throws(() => verifyTotp('', '123456', { nowMs }), /128 bits/);
  });
});

describe('totpUri', () => {
  test('builds the otpauth URI authenticator apps read', () => {
    assert.equal(
      totpUri({ issuer: 'Kith', accountName: 'alex.morgan@demo-borough.example', secret: rfcSecretBase32 }),
      `otpauth://totp/Kith:alex.morgan%40demo-borough.example?secret=${rfcSecretBase32}&issuer=Kith&algorithm=SHA1&digits=6&period=30`,
    );
  });

  test('percent-encodes awkward characters, spaces as %20, and keeps the label colon', () => {
    const uri = totpUri({
      issuer: 'Kith: Demo & Co',
      accountName: "o'neil+test@x.example?a=b#c",
      secret: rfcSecretBase32,
    });
    assert.ok(uri.startsWith("otpauth://totp/Kith%3A%20Demo%20%26%20Co:o'neil%2Btest%40x.example%3Fa%3Db%23c?"), uri);
    assert.ok(!uri.includes('+'));
    const parsed = new URL(uri);
    assert.equal(parsed.protocol, 'otpauth:');
    assert.equal(parsed.searchParams.get('issuer'), 'Kith: Demo & Co');
    assert.equal(parsed.searchParams.get('secret'), rfcSecretBase32);
    const [issuer, account] = parsed.pathname
      .replace(/^\/\/totp\/|^\//, '')
      .split(':')
      .map(decodeURIComponent);
    assert.equal(issuer, 'Kith: Demo & Co');
    assert.equal(account, "o'neil+test@x.example?a=b#c");
  });

  test('writes the secret in canonical form and refuses a short one', () => {
    const uri = totpUri({ issuer: 'Kith', accountName: 'a', secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq' });
    assert.match(uri, new RegExp(`secret=${rfcSecretBase32}&`));
    assert.throws(() => totpUri({ issuer: 'Kith', accountName: 'a', secret: 'ABC234' }));
  });
});
