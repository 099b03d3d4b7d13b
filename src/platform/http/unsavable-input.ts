/**
 * The last line behind the shared text and date rules (text.ts, dates.ts): when input that a
 * schema should have refused reaches PostgreSQL (or JavaScript's Date) anyway, the error says
 * the input was at fault, not the server, so the error handler answers 400 rather than 500.
 * SQLSTATE codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
import { driverErrorOf } from '../db/errors.js';
import { unstorableTextMessage } from './text.js';

const unreadableDate = 'A date could not be read: send a real date written YYYY-MM-DD';

const byState: Record<string, string> = {
  '22021': unstorableTextMessage, // character_not_in_repertoire (a NUL in text)
  '22P05': unstorableTextMessage, // untranslatable_character (a NUL in JSON text)
  '22008': unreadableDate, // datetime_field_overflow (30 February, month 13)
  '22007': unreadableDate, // invalid_datetime_format
};

/** What to tell the caller when an error was caused by input no schema caught; undefined for any other error. */
export function unsavableInputDetail(error: unknown): string | undefined {
  const driverError = driverErrorOf(error);
  if (driverError) return byState[driverError.code];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    // `new Date('2025-13-01').toISOString()`
    if (current instanceof RangeError && current.message === 'Invalid time value') return unreadableDate;
    current = current.cause;
  }
  return undefined;
}
