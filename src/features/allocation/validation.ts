/** Allocating and transferring: one zod schema each for the forms and the API, GOV.UK messages. */
import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';

const optionalId = (describe: string) =>
  z
    .preprocess((value) => (value === '' ? null : value), z.uuid({ error: 'Choose from the list' }).nullish())
    .transform((value) => value ?? null)
    .describe(describe);

const startsOn = isoDate({
  missing: 'Enter the date they start',
  wrong: 'Start date must be a real date, like 7 12 2026',
});

export const allocationSchema = z
  .object({
    userId: optionalId('The worker who holds the record'),
    teamId: optionalId('The team that holds the record'),
    startsOn,
  })
  .refine((value) => value.userId !== null || value.teamId !== null, {
    path: ['userId'],
    message: 'Choose a worker or a team',
  })
  .meta({ id: 'NewAllocation' });
export type NewAllocation = z.output<typeof allocationSchema>;

export const transferSchema = z
  .object({
    userId: z.uuid({ error: 'Choose who the child is transferred to' }).describe('The new worker'),
    teamId: optionalId('Their team (when left out, the team they belong to, if one)'),
    startsOn,
    reason: text({ error: 'Enter why the child is being transferred' })
      .trim()
      .min(1, 'Enter why the child is being transferred')
      .max(2000, 'Reason must be 2,000 characters or fewer'),
    handoverNote: text({ error: 'Enter a handover note for the new worker' })
      .trim()
      .min(1, 'Enter a handover note for the new worker')
      .max(8000, 'Handover note must be 8,000 characters or fewer')
      .describe('What the new worker must read: the child, the family, what is happening now and what is next'),
  })
  .meta({ id: 'Transfer' });
export type Transfer = z.output<typeof transferSchema>;
