/**
 * The one date type every API schema and form schema uses: a real calendar date written
 * YYYY-MM-DD. zod's `z.iso.date()` knows the days of each month and leap years (2024-02-29 is a
 * date, 2025-02-29 and 2025-02-30 are not, nor is 2025-13-01), and says `format: date` in the
 * OpenAPI document. Year 0000 is refused too: PostgreSQL has no year zero. Forms turn the GOV.UK
 * date input's three boxes into the same string (`isoDateFromParts` in forms.ts: '' when blank,
 * 'not-a-date' when typed wrongly), so pages and the API check dates with one schema.
 */
import { z } from 'zod';

export type DateMessages = string | { missing: string; wrong: string };

const DEFAULT_WRONG = 'Enter a real date, like 27 3 2026';

function messagesOf(messages: DateMessages | undefined): { missing: string; wrong: string } {
  if (messages === undefined) return { missing: 'Enter a date', wrong: DEFAULT_WRONG };
  return typeof messages === 'string' ? { missing: messages, wrong: messages } : messages;
}

/** A real calendar date, YYYY-MM-DD; `missing` when absent or blank, `wrong` otherwise. */
export function isoDate(messages?: DateMessages) {
  const { missing, wrong } = messagesOf(messages);
  return z.iso
    .date({ error: (issue) => (issue.input === undefined || issue.input === '' ? missing : wrong) })
    .refine((value) => !value.startsWith('0000'), { message: wrong, abort: true })
    .describe('A date, YYYY-MM-DD');
}

/** A real calendar date if given: blank ('') or null (or left out) is null. */
export function optionalIsoDate(wrong: string = DEFAULT_WRONG) {
  return z
    .preprocess((value) => (value === '' ? null : value), isoDate({ missing: wrong, wrong }).nullish())
    .transform((value) => value ?? null);
}

/** Whether a string is a real calendar date written YYYY-MM-DD (not 30 February, not month 13). */
export function isRealDate(value: string): boolean {
  return isoDate().safeParse(value).success;
}
