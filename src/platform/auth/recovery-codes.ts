/**
 * One-time recovery codes, for signing in when the authenticator app is lost.
 *
 * Each code is 12 characters from Crockford's base32 alphabet
 * (https://www.crockford.com/base32.html): digits and lower-case letters without i, l, o and u,
 * so no two characters look alike, and 32 symbols give exactly 5 random bits each: 60 bits a
 * code, with no bias. On the way in, o is read as 0 and i or l as 1, as Crockford suggests, so
 * a misread code still works.
 *
 * 60 random bits cannot be found by guessing through a database copy's hashes the way a
 * password can, so a plain SHA-256 is enough to store them (OWASP Password Storage Cheat Sheet:
 * slow hashes are for low-entropy secrets). Online guessing is limited by the sign-in throttle.
 */
import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_LENGTH = 12;
export const RECOVERY_CODE_COUNT = 10;
const GROUP = 4;

/** Random characters, 5 bits each from a fresh byte: 256 is a multiple of 32, so no bias. */
function randomCharacters(length: number): string {
  return Array.from(randomBytes(length), (byte) => RECOVERY_CODE_ALPHABET[byte & 31]!).join('');
}

/** `count` different codes like `k7qp-3vxm-9t2d`, for the person to write down or print. */
export function generateRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100)
    throw new RangeError('Recovery code count must be 1 to 100');
  const codes = new Set<string>();
  while (codes.size < count) {
    const characters = randomCharacters(RECOVERY_CODE_LENGTH);
    const groups = characters.match(new RegExp(`.{${GROUP}}`, 'g'))!;
    codes.add(groups.join('-'));
  }
  return [...codes];
}

/**
 * A code as it is stored and compared: lower case, without spaces or hyphens, with the
 * look-alikes o, i and l read as 0, 1 and 1.
 */
export function normaliseRecoveryCode(code: string): string {
  return (
    code
      .toLowerCase()
      // Spaces, hyphens, and the dashes (U+2010 to U+2015) and minus sign word processors put in.
      .replace(/[\s\u2010-\u2015\u2212-]/g, '')
      .replace(/o/g, '0')
      .replace(/[il]/g, '1')
  );
}

/** True when the text could be a recovery code once normalised (12 characters from the alphabet). */
export function isRecoveryCodeFormat(code: string): boolean {
  return new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`).test(normaliseRecoveryCode(code));
}

/** SHA-256 hex of the normalised code: what the database keeps. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code), 'utf8').digest('hex');
}
