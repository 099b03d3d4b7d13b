/**
 * Passwords: how they are stored, checked and chosen.
 *
 * Storage follows the OWASP Password Storage Cheat Sheet: argon2id with at least 19 MiB of
 * memory, 2 iterations and 1 degree of parallelism
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
 *
 * The policy follows the NCSC's password guidance: length over complexity, block the most
 * common passwords, and no composition rules such as "one capital and one symbol", which make
 * passwords harder to remember without making them harder to guess
 * (https://www.ncsc.gov.uk/collection/passwords/updating-your-approach).
 */
import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify } from '@node-rs/argon2';
import type { Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordMessages } from './messages.js';

/**
 * `Algorithm.Argon2id` from @node-rs/argon2. The package declares it as an ambient const enum,
 * which cannot be read under `isolatedModules`, so the value is written out here (and checked
 * by a test against a real hash).
 */
const ARGON2ID = 2;

/** OWASP's first recommended argon2id configuration. Raise these; never lower them. */
export const ARGON2_PARAMETERS = Object.freeze({
  memoryCost: 19_456, // KiB (19 MiB)
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
});
const MIN_SALT_BYTES = 16;

// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the const enum cannot be imported; see ARGON2ID
const HASH_OPTIONS: Options = { ...ARGON2_PARAMETERS, algorithm: ARGON2ID };

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The same password typed on two devices can arrive as different Unicode (an "é" as one code
 * point or as "e" plus an accent), so it is normalised before hashing, as NIST SP 800-63B
 * section 5.1.1.2 recommends (https://pages.nist.gov/800-63-3/sp800-63b.html#memsecretver).
 */
function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), HASH_OPTIONS);
}

/** True only when the password matches. A malformed or unknown stored hash is a failed check, never an error. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (typeof passwordHash !== 'string' || typeof password !== 'string' || !passwordHash.startsWith('$argon2')) {
    return false;
  }
  try {
    return await verify(passwordHash, normalisePassword(password));
  } catch {
    return false;
  }
}

/**
 * True when a stored hash was made with weaker settings than today's (or cannot be read), so
 * it should be replaced after the next successful sign-in, when the password is in hand.
 * A different parallelism alone is not "weaker": it changes the hash, not its cost to an attacker.
 */
export function passwordNeedsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      !passwordHash.startsWith('$argon2id$v=19$') ||
      used.memoryCost < ARGON2_PARAMETERS.memoryCost ||
      used.timeCost < ARGON2_PARAMETERS.timeCost ||
      used.outputLen < ARGON2_PARAMETERS.outputLen ||
      used.saltLen < MIN_SALT_BYTES
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A valid argon2id hash, with today's settings, of a random value nobody knows. Made once, on
 * first use, so that starting Kith does not pay for it.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url')).catch((error: unknown) => {
    dummyHash = undefined; // try again next time rather than remember a failure
    throw error;
  });
  return dummyHash;
}

/**
 * Does the same work as checking a real password, and always fails. Call it when no account
 * has the email address given, so that a wrong address takes as long to refuse as a wrong
 * password and timing cannot tell anyone which addresses have accounts (OWASP Authentication
 * Cheat Sheet, "Authentication and Error Messages").
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await dummyPasswordHash(), typeof password === 'string' ? password : '');
  return false;
}

// ---------------------------------------------------------------------------------------------
// Choosing a password

export type PasswordProblemCode = 'missing' | 'too_short' | 'too_long' | 'too_common' | 'too_simple' | 'too_personal';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

export interface PasswordContext {
  email?: string;
  fullName?: string;
}

let commonPasswords: Set<string> | undefined;

/** About 49,000 passwords from breaches, most common first; lower-cased into a Set on first use. */
function commonPasswordSet(): Set<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return commonPasswords;
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

function unLeet(text: string): string {
  return text.replace(/[013457@$]/g, (character) => LEET[character] ?? character);
}

/**
 * Common, case-insensitively, as typed, or once the digits and symbols people add to the
 * start and end ("Password2024!") and the usual letter swaps ("p@ssw0rd") are taken away:
 * those are the first things a guesser tries. The core word must be 4 letters or more so
 * that, say, "a" plus 11 random digits is not called common.
 */
export function isCommonPassword(password: string): boolean {
  const common = commonPasswordSet();
  const lowered = password.toLowerCase();
  // What is left without leading and trailing digits and symbols ("@" and "$" stay: they may be letters).
  const core = lowered.replace(/^[^\p{L}@$]+|[^\p{L}@$]+$/gu, '');
  const candidates = [lowered, unLeet(lowered)];
  if (core.length >= 4) candidates.push(core, unLeet(core));
  return candidates.some((candidate) => common.has(candidate));
}

/** Orders a guesser walks through: the alphabet, digits (9 wraps to 0) and keyboard rows. */
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEXT = new Map<string, Set<string>>();
for (const sequence of SEQUENCES) {
  for (let index = 0; index + 1 < sequence.length; index += 1) {
    const from = sequence[index]!;
    const next = NEXT.get(from) ?? new Set<string>();
    next.add(sequence[index + 1]!);
    NEXT.set(from, next);
  }
}

type Step = 0 | 1 | -1;
function stepsBetween(from: string, to: string): Step[] {
  const steps: Step[] = [];
  if (from === to) steps.push(0);
  if (NEXT.get(from)?.has(to)) steps.push(1);
  if (NEXT.get(to)?.has(from)) steps.push(-1);
  return steps;
}

/**
 * How many runs the password splits into, where a run is one character repeated or a walk
 * forwards or backwards along one of the sequences ("aaaa", "abcd", "4321", "qwer").
 */
function countRuns(characters: string[]): number {
  let runs = characters.length > 0 ? 1 : 0;
  let direction: Step | null = null;
  for (let index = 1; index < characters.length; index += 1) {
    const steps = stepsBetween(characters[index - 1]!, characters[index]!);
    if (direction !== null && steps.includes(direction)) continue;
    if (direction === null && steps.length > 0) {
      direction = steps[0]!;
      continue;
    }
    runs += 1;
    direction = null;
  }
  return runs;
}

/** A shorter string said again and again ("abababababab", "passpasspass"). */
function isRepeatedUnit(characters: string[]): boolean {
  for (let unit = 1; unit < MIN_PASSWORD_LENGTH && unit * 2 <= characters.length; unit += 1) {
    if (characters.length % unit !== 0) continue;
    if (characters.every((character, index) => character === characters[index % unit])) return true;
  }
  return false;
}

/**
 * One character repeated, a short piece repeated, or no more than two runs along the
 * alphabet, the digits or a keyboard row ("aaaaaaaaaaaa", "123456789012", "abcdef654321").
 */
export function isSimplePassword(password: string): boolean {
  const characters = Array.from(password.toLowerCase()); // code points, so an emoji is one character
  return isRepeatedUnit(characters) || countRuns(characters) <= 2;
}

function lettersAndDigits(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Pieces of someone's name and email address a guesser who knows them would try. */
function personalParts(context: PasswordContext): string[] {
  const parts = new Set<string>();
  const add = (text: string | undefined) => {
    const part = lettersAndDigits(text ?? '');
    if (part.length >= 3) parts.add(part);
  };
  const email = context.email?.trim() ?? '';
  const at = email.lastIndexOf('@');
  const local = at >= 0 ? email.slice(0, at) : email;
  add(local);
  for (const piece of local.split(/[._+-]+/)) add(piece);
  // The organisation's name is guessable too; "gov", "co", "uk" and the like are too short to matter.
  if (at >= 0) for (const label of email.slice(at + 1).split('.')) if (label.length >= 4) add(label);
  add(context.fullName);
  for (const piece of (context.fullName ?? '').split(/[\s'’-]+/)) add(piece);
  // Longest first, so "alexmorgan" is taken away before "alex".
  return [...parts].sort((a, b) => b.length - a.length);
}

/**
 * "Mostly" personal: once every piece of the person's name and email address is taken out,
 * less than half of the password's letters and digits are left.
 */
export function isMostlyPersonal(password: string, context: PasswordContext): boolean {
  const text = lettersAndDigits(password);
  if (text.length === 0) return false;
  let remaining = text;
  for (const part of personalParts(context)) remaining = remaining.split(part).join('');
  return remaining.length * 2 < text.length;
}

/**
 * What is wrong with a new password, most important first (show the first one). An empty list
 * means it is acceptable. Length problems are given alone: the rest would only be noise.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const normalised = normalisePassword(typeof password === 'string' ? password : '');
  const length = Array.from(normalised).length; // code points, not UTF-16 units
  if (length === 0) return [{ code: 'missing', message: passwordMessages.missing }];
  if (length < MIN_PASSWORD_LENGTH) return [{ code: 'too_short', message: passwordMessages.tooShort }];
  if (length > MAX_PASSWORD_LENGTH) return [{ code: 'too_long', message: passwordMessages.tooLong }];
  const problems: PasswordProblem[] = [];
  if (isCommonPassword(normalised)) problems.push({ code: 'too_common', message: passwordMessages.tooCommon });
  if (isSimplePassword(normalised)) problems.push({ code: 'too_simple', message: passwordMessages.tooSimple });
  if (isMostlyPersonal(normalised, context))
    problems.push({ code: 'too_personal', message: passwordMessages.tooPersonal });
  return problems;
}
