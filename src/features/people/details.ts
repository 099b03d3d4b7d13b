/**
 * A child's details as one versioned record: the form's schema (shared with the API), and the
 * pure conversions between the database row, the form and the stored version.
 */
import { z } from 'zod';

export const detailsMessages = {
  enterName: 'Enter the child’s full name',
  nameTooLong: 'Full name must be 200 characters or fewer',
  knownAsTooLong: 'Known as must be 100 characters or fewer',
  pronounsTooLong: 'Pronouns must be 50 characters or fewer',
  dateIncomplete: 'Date of birth must include a day, month and year',
  dateReal: 'Date of birth must be a real date',
  dateFuture: 'Date of birth must be today or in the past',
  languagesTooLong: 'Languages must be 300 characters or fewer',
  bringsTooLong: 'What they bring must be 4,000 characters or fewer',
  enterReason: 'Explain why you are making this change',
  reasonTooLong: 'The reason must be 2,000 characters or fewer',
} as const;

export interface ChildDetails {
  fullName: string;
  knownAs: string | null;
  pronouns: string | null;
  dateOfBirth: string | null;
  dateOfBirthIsApproximate: boolean;
  languages: string[];
  whatTheyBring: string | null;
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => (value === '' ? null : value));

/** GOV.UK date input: day, month and year as typed; all empty means "not known". */
export function parseDateOfBirth(
  day: string,
  month: string,
  year: string,
  today: Date,
): { ok: true; value: string | null } | { ok: false; message: string } {
  const parts = [day.trim(), month.trim(), year.trim()];
  if (parts.every((part) => part === '')) return { ok: true, value: null };
  if (parts.some((part) => part === '')) return { ok: false, message: detailsMessages.dateIncomplete };
  if (!parts.every((part) => /^\d+$/.test(part))) return { ok: false, message: detailsMessages.dateReal };
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: detailsMessages.dateReal };
  }
  const iso = date.toISOString().slice(0, 10);
  if (iso > today.toISOString().slice(0, 10)) return { ok: false, message: detailsMessages.dateFuture };
  return { ok: true, value: iso };
}

export const detailsFormSchema = z.object({
  fullName: z.string().trim().min(1, detailsMessages.enterName).max(200, detailsMessages.nameTooLong),
  knownAs: optionalText(100, detailsMessages.knownAsTooLong),
  pronouns: optionalText(50, detailsMessages.pronounsTooLong),
  languages: z
    .string()
    .trim()
    .max(300, detailsMessages.languagesTooLong)
    .transform((value) =>
      value
        .split(',')
        .map((language) => language.trim())
        .filter((language) => language !== ''),
    ),
  whatTheyBring: optionalText(4000, detailsMessages.bringsTooLong),
  dateOfBirthIsApproximate: z.boolean(),
  reason: z.string().trim().min(1, detailsMessages.enterReason).max(2000, detailsMessages.reasonTooLong),
  isCorrection: z.boolean(),
  expectedVersion: z.coerce.number().int().min(0),
});

/** The values the form shows for a stored state. */
export function detailsToForm(details: ChildDetails): Record<string, string | boolean> {
  const [year = '', month = '', day = ''] = details.dateOfBirth?.split('-') ?? [];
  return {
    fullName: details.fullName,
    knownAs: details.knownAs ?? '',
    pronouns: details.pronouns ?? '',
    dobDay: day.replace(/^0/, ''),
    dobMonth: month.replace(/^0/, ''),
    dobYear: year,
    dateOfBirthIsApproximate: details.dateOfBirthIsApproximate,
    languages: details.languages.join(', '),
    whatTheyBring: details.whatTheyBring ?? '',
  };
}

export const detailLabels: Record<keyof ChildDetails, string> = {
  fullName: 'Full name',
  knownAs: 'Known as',
  pronouns: 'Pronouns',
  dateOfBirth: 'Date of birth',
  dateOfBirthIsApproximate: 'Date of birth is approximate',
  languages: 'Languages',
  whatTheyBring: 'What they bring',
};

/** The details page's form as typed: text only, so nothing typed is lost when it is shown again. */
export interface DetailsFormValues {
  [field: string]: string;
  fullName: string;
  knownAs: string;
  pronouns: string;
  dobDay: string;
  dobMonth: string;
  dobYear: string;
  /** 'yes' when ticked. */
  dateOfBirthIsApproximate: string;
  languages: string;
  whatTheyBring: string;
  reason: string;
  /** 'yes' when ticked. */
  isCorrection: string;
  expectedVersion: string;
}

/** The details page: the form's schema with the date of birth's three boxes (its error shown last). */
export const detailsPageSchema = detailsFormSchema.extend({
  dateOfBirth: z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts, context) => {
    const parsed = parseDateOfBirth(parts.day, parts.month, parts.year, new Date());
    if (parsed.ok) return parsed.value;
    context.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }),
});

/** The schema's input from the page's values. */
export const detailsPageInput = (values: DetailsFormValues) => ({
  ...values,
  dateOfBirthIsApproximate: values.dateOfBirthIsApproximate === 'yes',
  isCorrection: values.isCorrection === 'yes',
  dateOfBirth: { day: values.dobDay, month: values.dobMonth, year: values.dobYear },
});
