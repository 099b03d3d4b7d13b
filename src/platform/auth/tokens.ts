/**
 * Session tokens, CSRF tokens and personal access tokens.
 * - Sessions and access tokens are stored by SHA-256 hash: they are 256-bit random values, so
 *   a fast hash is enough (OWASP Session Management Cheat Sheet), and a copy of the database
 *   opens no session.
 * - CSRF tokens are synchroniser tokens bound to the session (an HMAC of its token hash), so
 *   they need no storage and die with the session (OWASP CSRF Prevention Cheat Sheet).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function csrfTokenFor(sessionTokenHash: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionTokenHash}`).digest('base64url');
}

export function verifyCsrfToken(
  sessionTokenHash: string,
  secret: string,
  candidate: string | undefined | null,
): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 100) return false;
  const expected = Buffer.from(csrfTokenFor(sessionTokenHash, secret));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';
const PAT_PATTERN = /^kith_pat_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;

/** `kith_pat_<id>_<secret>`: the id finds the row, the secret (stored hashed) proves it. */
export function generatePersonalAccessToken(): { token: string; id: string; secretHash: string } {
  const id = Array.from(randomBytes(12), (byte) => BASE32_LOWER[byte % 32]).join('');
  const secret = randomBytes(32).toString('base64url');
  return { token: `kith_pat_${id}_${secret}`, id, secretHash: hashToken(secret) };
}

export function parsePersonalAccessToken(token: string): { id: string; secret: string } | null {
  const match = PAT_PATTERN.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}
