/**
 * Session tokens, CSRF tokens and personal access tokens.
 *
 * - Session tokens and access-token secrets are 256 random bits (OWASP Session Management
 *   Cheat Sheet asks for at least 64:
 *   https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-id-entropy).
 *   They are stored only as a SHA-256 hash, so a copy of the database opens no session. A slow
 *   hash is not needed: nobody can guess through 2^256 values, fast or slow.
 * - CSRF tokens are synchroniser tokens bound to the session: an HMAC of the session's token
 *   hash under a server secret. They need no storage, change when the session token changes
 *   and cannot be made by anyone without the secret
 *   (https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding is always 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** SHA-256 hex of a token: what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a token with a stored hash in constant time. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  if (typeof token !== 'string' || typeof storedHash !== 'string') return false;
  const expected = Buffer.from(storedHash, 'utf8');
  const actual = Buffer.from(hashToken(token), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

// ---------------------------------------------------------------------------------------------
// CSRF

function requireSecret(secret: string): void {
  // The configuration asks for 32 characters or more; an empty key would make tokens guessable.
  if (typeof secret !== 'string' || secret.length < 32)
    throw new Error('The CSRF secret must be 32 characters or more');
}

/** The CSRF token for a session. Put it in every form; it changes only when the session does. */
export function csrfTokenFor(sessionTokenHash: string, secret: string): string {
  requireSecret(secret);
  if (typeof sessionTokenHash !== 'string' || sessionTokenHash.length === 0)
    throw new Error('A CSRF token needs a session');
  // "kith-csrf-v1" keeps this HMAC apart from any other use of the same secret.
  return createHmac('sha256', secret).update(`kith-csrf-v1:${sessionTokenHash}`, 'utf8').digest('base64url');
}

/** True only when `candidate` is this session's CSRF token. Missing, repeated or garbage values are false. */
export function verifyCsrfToken(sessionTokenHash: string, secret: string, candidate: unknown): boolean {
  requireSecret(secret); // a misconfigured server fails loudly, whatever the request sent
  if (typeof candidate !== 'string' || !TOKEN_PATTERN.test(candidate)) return false;
  if (typeof sessionTokenHash !== 'string' || sessionTokenHash.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(sessionTokenHash, secret), 'utf8');
  const given = Buffer.from(candidate, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// ---------------------------------------------------------------------------------------------
// Personal access tokens

export const PERSONAL_ACCESS_TOKEN_PREFIX = 'kith_pat_';
const PAT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'; // RFC 4648 base32, lower case
const PAT_ID_LENGTH = 12;
/**
 * `kith_pat_<id>_<secret>`. The prefix lets secret scanners (and people) recognise a leaked
 * token; the id finds the row without revealing anything; the secret proves possession and is
 * stored only as its hash. Both parts have fixed lengths, so the "_" a base64url secret may
 * contain cannot confuse the parsing.
 */
const PAT_PATTERN = new RegExp(`^${PERSONAL_ACCESS_TOKEN_PREFIX}([a-z2-7]{${PAT_ID_LENGTH}})_([A-Za-z0-9_-]{43})$`);

export function generatePersonalAccessToken(): { token: string; id: string; secretHash: string } {
  // 256 is a multiple of 32, so taking 5 bits of each byte is unbiased: 60 random bits of id.
  const id = Array.from(randomBytes(PAT_ID_LENGTH), (byte) => PAT_ID_ALPHABET[byte & 31]!).join('');
  const secret = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token: `${PERSONAL_ACCESS_TOKEN_PREFIX}${id}_${secret}`, id, secretHash: hashToken(secret) };
}

/** The id and secret of a well-formed token, or null. Whitespace, padding or any other change is refused. */
export function parsePersonalAccessToken(token: unknown): { id: string; secret: string } | null {
  if (typeof token !== 'string' || token.length > 100) return null;
  const match = PAT_PATTERN.exec(token);
  if (!match) return null;
  const [, id, secret] = match;
  if (id === undefined || secret === undefined) return null;
  // The last character of 32 bytes in base64url carries 2 unused bits that must be zero;
  // a token that does not round-trip was not made by generatePersonalAccessToken.
  if (Buffer.from(secret, 'base64url').toString('base64url') !== secret) return null;
  return { id, secret };
}
