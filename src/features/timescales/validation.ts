/** The timescale policy's forms and API bodies: one zod schema each, GOV.UK messages. */
import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import { policyFields, type PolicyField } from './policy.js';

const reason = (missing: string) =>
  text({ error: missing }).trim().min(1, missing).max(2000, 'Reason must be 2,000 characters or fewer');

/** A whole number from 1 to the field's longest: typed text ('10') or a JSON number. */
function interval(field: PolicyField) {
  const { words, unit, max } = policyFields[field];
  const lower = words.charAt(0).toLowerCase() + words.slice(1);
  return z.preprocess(
    (value) =>
      typeof value === 'string' ? (/^\s*\d{1,4}\s*$/.test(value) ? Number(value) : value.trim() || undefined) : value,
    z
      .number({
        error: (issue) =>
          issue.input === undefined
            ? `Enter how often for ${lower}`
            : `${words} must be a whole number of ${unit}, like ${max}`,
      })
      .int(`${words} must be a whole number of ${unit}, like ${max}`)
      .min(1, `${words} must be at least 1`)
      .max(max, `${words} must be ${max} ${unit} or fewer`),
  );
}

const intervals = Object.fromEntries(
  (Object.keys(policyFields) as PolicyField[]).map((field) => [field, interval(field)]),
) as { [Field in PolicyField]: ReturnType<typeof interval> };

export const policyChangeSchema = z
  .object({
    nation: z.enum(['england', 'wales'], { error: 'Select whose bank holidays apply' }),
    ...intervals,
    reason: reason('Enter why the policy is changing'),
    expectedVersion: z.coerce.number().int().min(0).describe('The version you read (0 for Kith’s defaults)'),
  })
  .meta({ id: 'TimescalePolicyChange' });
export type PolicyChange = z.output<typeof policyChangeSchema>;

export const closureDaySchema = z
  .object({
    date: isoDate({
      missing: 'Enter the date the council is closed',
      wrong: 'Closure date must be a real date, like 29 12 2026',
    }),
    name: text({ error: 'Enter what the closure is, like Council closure' })
      .trim()
      .min(1, 'Enter what the closure is, like Council closure')
      .max(100, 'Name must be 100 characters or fewer'),
    reason: reason('Enter why the council is closed that day'),
  })
  .meta({ id: 'ClosureDay' });
export type NewClosureDay = z.output<typeof closureDaySchema>;

export const closureDayRemovalSchema = z
  .object({ reason: reason('Enter why this is no longer a closure day') })
  .meta({ id: 'ClosureDayRemoval' });
