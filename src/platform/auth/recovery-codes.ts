/**
 * One-time recovery codes for when the authenticator app is lost. Each has 60 bits of
 * randomness, so a SHA-256 hash is enough to store them (they cannot be guessed offline).
 */
import { createHash, randomBytes } from 'node:crypto';

// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const characters = Array.from(randomBytes(12), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
    return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 12)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
