/**
 * Passwords: argon2id with OWASP's recommended parameters (m = 19 MiB, t = 2, p = 1;
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html), and a
 * policy after the NCSC's guidance: length over complexity, block common passwords, no
 * composition rules (https://www.ncsc.gov.uk/collection/passwords/updating-your-approach).
 */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordMessages } from './messages.js';

// Algorithm.Argon2id is 2; the package declares it as a const enum, which isolated modules cannot read.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
const ARGON2ID = 2 as Options['algorithm'];
const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function passwordNeedsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  return Number(match[1]) < (ARGON2_OPTIONS.memoryCost ?? 0) || Number(match[2]) < (ARGON2_OPTIONS.timeCost ?? 0);
}

let dummyHash: Promise<string> | undefined;
/** Checking a password for an address with no account costs the same as for a real one. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
  return false;
}

let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

export interface PasswordProblem {
  code: 'too_short' | 'too_long' | 'too_common' | 'too_personal' | 'too_simple';
  message: string;
}

function isSimpleRun(password: string): boolean {
  if (new Set(Array.from(password)).size <= 2) return true;
  const codes = Array.from(password.toLowerCase(), (character) => character.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, index) => code - codes[index]!));
  return steps.size === 1 && [1, -1, 0].includes([...steps][0]!);
}

export function checkPasswordPolicy(
  password: string,
  context: { email?: string; fullName?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push({ code: 'too_short', message: passwordMessages.tooShort });
  if (password.length > MAX_PASSWORD_LENGTH) problems.push({ code: 'too_long', message: passwordMessages.tooLong });
  if (problems.length > 0) return problems;
  if (isCommon(password)) return [{ code: 'too_common', message: passwordMessages.tooCommon }];
  if (isSimpleRun(password)) return [{ code: 'too_simple', message: passwordMessages.tooSimple }];
  const lowered = password.toLowerCase().replace(/[^a-z0-9]/g, '');
  const personal = [
    context.email?.split('@')[0],
    ...(context.fullName?.split(/\s+/) ?? []),
    context.fullName?.replace(/\s+/g, ''),
  ]
    .map((part) => part?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '')
    .filter((part) => part.length >= 3);
  // "Mostly" the person's own name or address: what is left once it is removed is short.
  for (const part of personal) {
    if (lowered.includes(part) && lowered.replace(part, '').length < 6) {
      return [{ code: 'too_personal', message: passwordMessages.tooPersonal }];
    }
  }
  return problems;
}
