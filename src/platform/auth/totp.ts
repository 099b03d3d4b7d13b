/**
 * Time-based one-time passwords for two-factor sign-in, as authenticator apps make them:
 * HOTP (RFC 4226, https://www.rfc-editor.org/rfc/rfc4226) over 30-second time steps
 * (TOTP, RFC 6238, https://www.rfc-editor.org/rfc/rfc6238), with HMAC-SHA1 and 6 digits,
 * the one combination every app supports. SHA-1's collision weakness does not affect HMAC.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** RFC 4226 section 4, R6: the shared secret must be at least 128 bits; it recommends 160. */
export const TOTP_SECRET_BYTES = 20;
const MIN_SECRET_BYTES = 16;
/** Steps either side of now that verifyTotp may accept; more would only help a guesser. */
export const MAX_TOTP_WINDOW = 10;

// Base32 (RFC 4648 section 6, https://www.rfc-editor.org/rfc/rfc4648#section-6), the encoding
// authenticator apps expect for the secret.
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without "=" padding, which the otpauth URI format asks to be left out. */
export function base32Encode(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31]!;
  return output;
}

/**
 * Reads base32 as people copy it: any case, with spaces (apps show the secret in groups) and
 * with or without "=" padding. Throws on anything else, including lengths base32 cannot have.
 */
export function base32Decode(text: string): Buffer {
  const cleaned = text.replace(/\s+/g, '').toUpperCase().replace(/=+$/, '');
  // 1, 3 or 6 characters left over cannot come from whole bytes (RFC 4648 section 6).
  if (![0, 2, 4, 5, 7].includes(cleaned.length % 8)) throw new Error('Not valid base32: wrong length');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of cleaned) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value < 0) throw new Error('Not valid base32: unexpected character');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new secret for one person's authenticator: 160 random bits, as RFC 4226 recommends. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

/**
 * HOTP, RFC 4226 section 5.3: HMAC-SHA1 of the 8-byte big-endian counter, then "dynamic
 * truncation" to a 31-bit number and its last `digits` decimal digits. Exported for the RFC's
 * own test values; sign-in uses totpCode and verifyTotp.
 */
export function hotp(secret: Uint8Array, counter: number, digits: number = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(counter) || counter < 0)
    throw new RangeError('HOTP counter must be a whole number, 0 or more');
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) throw new RangeError('HOTP codes have 6 to 10 digits');
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', secret).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time step (T) for a moment: whole 30-second periods since the Unix epoch (T0 = 0). */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);
}

function secretBytes(secretBase32: string): Buffer {
  const bytes = base32Decode(secretBase32);
  if (bytes.length < MIN_SECRET_BYTES) throw new Error('TOTP secret is shorter than 128 bits');
  return bytes;
}

/** The 6-digit code an authenticator app shows at the given moment. */
export function totpCode(secretBase32: string, atMs: number): string {
  return hotp(secretBytes(secretBase32), totpStep(atMs));
}

export type TotpVerification = { ok: true; step: number } | { ok: false };

/**
 * Checks a code someone typed. Accepts the current step and `window` steps either side, for
 * clocks that drift and codes typed as they change (RFC 6238 section 5.2 recommends at most
 * one step back). Refuses a step at or before `lastUsedStep`, so a code seen over someone's
 * shoulder cannot be used again (RFC 6238 section 5.2: "MUST NOT accept the second attempt").
 * On success, store the returned `step` as the new lastUsedStep.
 *
 * Every step in the window is compared in constant time and none is skipped early, so the
 * time taken does not say how close a guess was. Throws only for a malformed secret (stored
 * data, not user input) or nonsense options.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  options: { nowMs: number; window?: number; lastUsedStep?: number | null },
): TotpVerification {
  const window = options.window ?? 1;
  if (!Number.isInteger(window) || window < 0 || window > MAX_TOTP_WINDOW) {
    throw new RangeError(`TOTP window must be a whole number from 0 to ${MAX_TOTP_WINDOW}`);
  }
  if (!Number.isFinite(options.nowMs)) throw new RangeError('nowMs must be a finite number');
  const secret = secretBytes(secretBase32);
  const candidate = typeof code === 'string' ? code.replace(/\s+/g, '') : '';
  if (!/^[0-9]{6}$/.test(candidate)) return { ok: false };
  const given = Buffer.from(candidate);
  const lastUsedStep = options.lastUsedStep ?? -1;
  const current = totpStep(options.nowMs);
  let matched: number | null = null;
  for (let step = current - window; step <= current + window; step += 1) {
    if (step < 0) continue;
    const equal = timingSafeEqual(Buffer.from(hotp(secret, step)), given);
    // The earliest match wins, so a later step is not used up by accident.
    if (equal && step > lastUsedStep && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}

/**
 * The otpauth URI to show as a QR code, in the Key URI Format authenticator apps read
 * (https://github.com/google/google-authenticator/wiki/Key-Uri-Format). The label is
 * "issuer:account", each part percent-encoded (RFC 3986), and the issuer is repeated as a
 * parameter. Spaces are %20, not "+", which some apps show literally.
 */
export function totpUri(options: { issuer: string; accountName: string; secret: string }): string {
  const secret = base32Encode(secretBytes(options.secret)); // canonical: upper case, no spaces or padding
  const label = `${encodeURIComponent(options.issuer)}:${encodeURIComponent(options.accountName)}`;
  const parameters = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(options.issuer)}`,
    'algorithm=SHA1',
    `digits=${TOTP_DIGITS}`,
    `period=${TOTP_STEP_SECONDS}`,
  ];
  return `otpauth://totp/${label}?${parameters.join('&')}`;
}
