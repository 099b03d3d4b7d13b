/**
 * What each plan form and API call accepts, with messages that name the field, as the GOV.UK
 * design system asks. Pure: no I/O.
 */
import { z } from 'zod';
import { isoDate as realDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import { actionStatuses, ownerCircles } from './plan-rules.js';
import { agreementResponses, planKinds } from './schema.js';

export const planKindNames: Record<(typeof planKinds)[number], string> = {
  child_in_need: 'Child in need plan',
  child_protection: 'Child protection plan',
  child_in_care: 'Plan for a child in care',
  early_help: 'Early help plan',
  family_plan: 'The family’s own plan',
};

export const agreementResponseNames: Record<(typeof agreementResponses)[number], string> = {
  agree: 'Agrees with the plan',
  agree_with_comments: 'Agrees, with comments',
  do_not_agree: 'Does not agree',
};

export const ownerCircleNames: Record<(typeof ownerCircles)[number], string> = {
  family: 'Family',
  network: 'Friends, neighbours and community',
  professional: 'A professional',
};

/** A GOV.UK date input's three fields as one date, or a message naming the field. */
export function dateFrom(
  day: string,
  month: string,
  year: string,
  label: string,
  required: boolean,
): { ok: true; value: string | null } | { ok: false; message: string } {
  if (!day.trim() && !month.trim() && !year.trim()) {
    return required ? { ok: false, message: `Enter ${label}` } : { ok: true, value: null };
  }
  const [d, m, y] = [day, month, year].map((part) => Number(part.trim()));
  if (![d, m, y].every((part) => Number.isInteger(part)) || y! < 1900 || y! > 2200) {
    return { ok: false, message: `${label[0]!.toUpperCase()}${label.slice(1)} must be a real date` };
  }
  const date = new Date(Date.UTC(y!, m! - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `${label[0]!.toUpperCase()}${label.slice(1)} must be a real date` };
  }
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

const isoDate = realDate('Use a date like 2027-01-31');
/** Text that must be given, trimmed, at most `max` characters. */
const requiredText = (max: number, empty: string, tooLong: string) =>
  text().trim().min(1, empty).max(max, `${tooLong} must be ${max} characters or fewer`);
const optionalText = (max: number, field: string) =>
  text()
    .max(max, `${field} must be ${max} characters or fewer`)
    .transform((text) => (text.trim() === '' ? null : text.trim()));

export const startPlanSchema = z.object({
  kind: z.enum(planKinds, { error: 'Select what kind of plan this is' }),
  title: requiredText(200, 'Enter a name for the plan', 'The name'),
  startsOn: isoDate,
  reviewBy: isoDate.nullable(),
  support: optionalText(4000, 'Support'),
  fromMapping: z.boolean(),
});
export type StartPlanInput = z.infer<typeof startPlanSchema>;

export const goalSchema = z.object({
  goalInFamilyWords: requiredText(2000, 'Enter the goal in the family’s words', 'The goal'),
  professionalWording: optionalText(2000, 'The professional wording'),
  worryIds: z.array(z.uuid()).max(50),
});
export type GoalInput = z.infer<typeof goalSchema>;

export const actionSchema = z.object({
  whatWillHappen: requiredText(2000, 'Enter what will happen', 'What will happen'),
  goalId: text().max(64).nullable(),
  ownerPersonId: z.uuid().nullable(),
  ownerName: requiredText(200, 'Select who will do this, or enter their name', 'The name'),
  ownerCircle: z.enum(ownerCircles, { error: 'Select whether they are family, network or a professional' }),
  dueOn: isoDate,
  status: z.enum(actionStatuses, { error: 'Select where this has got to' }),
});
export type ActionInput = z.infer<typeof actionSchema>;

export const reviewSchema = z.object({
  heldOn: isoDate,
  whoCame: requiredText(2000, 'Enter who came to the review', 'Who came'),
  scores: z
    .array(
      z.object({
        goalId: text().max(64),
        personName: text().trim().min(1).max(200),
        score: z.number().int().min(0).max(10),
      }),
    )
    .max(500),
  whatHasChanged: optionalText(4000, 'What has changed'),
  whatHasBeenAchieved: optionalText(4000, 'What has been achieved'),
  decisions: optionalText(4000, 'The decisions'),
  nextReviewBy: isoDate.nullable(),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const agreementSchema = z
  .object({
    response: z.enum(agreementResponses, { error: 'Select whether they agree with the plan' }),
    inTheirWords: optionalText(4000, 'Their words'),
  })
  .refine((value) => value.response === 'agree' || value.inTheirWords !== null, {
    path: ['inTheirWords'],
    message: 'Enter what they said about the plan, in their words',
  });
export type AgreementInput = z.infer<typeof agreementSchema>;

export const reasonSchema = text().max(2000, 'The reason must be 2000 characters or fewer');
