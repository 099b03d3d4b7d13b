/**
 * Children's identifiers, checked by their check characters (pure):
 * - the NHS number, the consistent identifier for children under the Children's Wellbeing and
 *   Schools Act 2026: ten digits, the last a modulus 11 check digit (NHS Data Dictionary,
 *   "NHS Number");
 * - the unique pupil number (UPN): thirteen characters, a check letter then twelve (DfE, "Unique
 *   pupil numbers (UPNs): guidance for schools and local authorities").
 * Spaces and hyphens people type are ignored; the stored form has none.
 */
import { z } from 'zod';

/** Digits only: '943 476 5919' and '943-476-5919' become '9434765919'. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The check digit for the first nine digits, or null when no check digit fits (remainder 1). */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('An NHS number check digit needs nine digits');
  let total = 0;
  for (let i = 0; i < 9; i += 1) total += Number(firstNine[i]) * (10 - i);
  const check = 11 - (total % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** The NHS number as people read it: '943 476 5919'. */
export function formatNhsNumber(input: string): string {
  const digits = normaliseNhsNumber(input);
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : input;
}

/** The letters a UPN's check letter is drawn from, in order (no I, O or S). */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function upnValue(character: string): number | null {
  if (/^\d$/.test(character)) return Number(character);
  const index = UPN_LETTERS.indexOf(character);
  return index === -1 ? null : index;
}

export function normaliseUpn(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

/**
 * The check letter for a UPN's last twelve characters: each times its position (2 to 13), the
 * total's remainder by 23 picks the letter. A temporary UPN ends in a letter, valued by its
 * place in the same alphabet.
 */
export function upnCheckLetter(lastTwelve: string): string | null {
  if (!/^\d{11}[0-9A-Z]$/.test(lastTwelve)) return null;
  let total = 0;
  for (let i = 0; i < 12; i += 1) {
    const value = upnValue(lastTwelve[i]!);
    if (value === null) return null;
    total += value * (i + 2);
  }
  return UPN_LETTERS[total % 23] ?? null;
}

export function isValidUpn(input: string): boolean {
  const upn = normaliseUpn(input);
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}

export const NHS_NUMBER_MESSAGES = {
  length: 'NHS number must be 10 digits',
  check: 'Enter a real NHS number, like 943 476 5919',
} as const;

export const UPN_MESSAGES = {
  length: 'Unique pupil number must be a letter followed by 12 numbers or letters',
  check: 'Enter a real unique pupil number, like A123456789012, checking the first letter',
} as const;

/** What is wrong with a typed NHS number, in GOV.UK words, or null when it is a real one. */
export function nhsNumberProblem(input: string): string | null {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return NHS_NUMBER_MESSAGES.length;
  return isValidNhsNumber(digits) ? null : NHS_NUMBER_MESSAGES.check;
}

/** What is wrong with a typed unique pupil number, in GOV.UK words, or null. */
export function upnProblem(input: string): string | null {
  const upn = normaliseUpn(input);
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return UPN_MESSAGES.length;
  return isValidUpn(upn) ? null : UPN_MESSAGES.check;
}

function optionalChecked(normalise: (input: string) => string, problemOf: (input: string) => string | null) {
  return z
    .string()
    .transform((value) => normalise(value))
    .superRefine((value, context) => {
      const problem = value === '' ? null : problemOf(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => (value === '' ? null : value))
    .nullish()
    .transform((value) => value ?? null);
}

/** An optional NHS number for forms and the API: blank is null, otherwise ten checked digits. */
export function optionalNhsNumber() {
  return optionalChecked(normaliseNhsNumber, nhsNumberProblem).describe('An NHS number, 10 digits (spaces allowed)');
}

/** An optional unique pupil number for forms and the API: blank is null, otherwise checked. */
export function optionalUpn() {
  return optionalChecked(normaliseUpn, upnProblem).describe(
    'A unique pupil number: a check letter, then 12 numbers or letters',
  );
}
