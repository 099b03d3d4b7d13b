/**
 * The rules of voice's small forms (something the child said, how they would like to take part,
 * an event for the chronology) as zod schemas, with no I/O. Each reads what was typed, as text,
 * and gives what the service saves, or a message per field in the order the form asks.
 */
import { z } from 'zod';
import { text } from '../../platform/http/text.js';
import { chronologyCategories, participationWays } from './schema.js';
import { isoDate, londonToday } from './visit-form.js';

const fail = (context: z.RefinementCtx, message: string) => {
  context.addIssue({ code: 'custom', message });
  return z.NEVER;
};

/** Typed text that must be given: kept trimmed, at most `max` characters as typed. */
const requiredText = (max: number, missing: string, tooLong: string) =>
  text().transform((text, context) => {
    if (text.trim() === '') return fail(context, missing);
    if (text.length > max) return fail(context, tooLong);
    return text.trim();
  });

/** Typed text that may be left blank (null), at most `max` characters as typed. */
const optionalText = (max: number, tooLong: string) =>
  text().transform((text, context) => (text.length > max ? fail(context, tooLong) : text.trim() || null));

/** A date from a GOV.UK date input (see `dateOf`): given, real, and not in the future. */
const pastDate = (missing: string, future: string) =>
  text()
    .nullable()
    .transform((date, context) => {
      if (date === '') return fail(context, missing);
      if (date === null) return fail(context, 'The date must be a real date, for example 27 3 2026');
      if (date > londonToday(new Date())) return fail(context, future);
      return date;
    });

/** A date input's three boxes as one ISO date: '' when all are blank, null when not a real date. */
export const dateOf = (values: Record<string, string | string[]>, prefix: string): string | null =>
  isoDate(
    String(values[`${prefix}-Day`] ?? ''),
    String(values[`${prefix}-Month`] ?? ''),
    String(values[`${prefix}-Year`] ?? ''),
  );

export const childsWordsSchema = z.object({
  words: requiredText(4000, 'Enter what they said, in their words', 'What they said must be 4,000 characters or fewer'),
  heardBy: requiredText(300, 'Enter who heard them say it', 'Who heard it must be 300 characters or fewer'),
  heardOn: pastDate('Enter the date they said it', 'The date they said it must be today or in the past'),
  setting: optionalText(300, 'Where it was said must be 300 characters or fewer'),
});

export const participationSchema = z.object({
  way: z.enum(participationWays, { error: 'Select how they would like to take part' }),
  inTheirWords: optionalText(4000, 'Their words must be 4,000 characters or fewer'),
  saidOn: pastDate('Enter the date they told you', 'The date they told you must be today or in the past'),
});

export const chronologyEntrySchema = z.object({
  happenedOn: pastDate('Enter the date it happened', 'The date it happened must be today or in the past'),
  category: z.enum(chronologyCategories, { error: 'Select what kind of event this was' }),
  title: requiredText(200, 'Enter what happened, in a few words', 'What happened must be 200 characters or fewer'),
  details: optionalText(4000, 'More about it must be 4,000 characters or fewer'),
});
