/**
 * GOV.UK question-page validation: one zod schema per form; on failure the page is rendered
 * again with what was typed, an error summary linking to each field and a message on the
 * field (https://design-system.service.gov.uk/components/error-summary/).
 */
import type { z } from 'zod';
import { isRealDate } from './dates.js';
import { withoutLoneSurrogates } from './text.js';

export interface FormErrors {
  /** For govukErrorSummary. */
  errorList: { text: string; href: string }[];
  /** For each field's errorMessage. */
  fieldErrors: Record<string, { text: string }>;
}

export const noErrors: FormErrors = { errorList: [], fieldErrors: {} };

export function formErrorsFrom(error: z.ZodError, fieldIds: Record<string, string> = {}): FormErrors {
  return formErrorsFromIssues(
    error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message })),
    fieldIds,
  );
}

/**
 * The same for issues a service found (a field and a message each, as the API's 422 names
 * them): the first issue of each field, for the error summary and the field.
 */
export function formErrorsFromIssues(
  issues: readonly { field: string; message: string }[],
  fieldIds: Record<string, string> = {},
): FormErrors {
  const fieldErrors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const { field, message } of issues) {
    if (fieldErrors[field]) continue; // first problem per field, as the design system asks
    fieldErrors[field] = { text: message };
    errorList.push({ text: message, href: `#${fieldIds[field] ?? field}` });
  }
  return { errorList, fieldErrors };
}

export function singleFormError(field: string, text: string, fieldId = field): FormErrors {
  return { errorList: [{ text, href: `#${fieldId}` }], fieldErrors: { [field]: { text } } };
}

/**
 * A form's text value, cleaned of what has no place in typed text: control characters (NUL
 * among them) are removed and a lone surrogate becomes U+FFFD, so what a person typed or pasted
 * can always be stored (see text.ts: forms clean, the API refuses).
 */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Control characters other than tab and line breaks; typed text never needs them.
  // eslint-disable-next-line no-control-regex
  return withoutLoneSurrogates(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''));
}

/** Where to go after signing in: only a path on this site, never another site (open redirect). */
export function safeReturnPath(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && /^\/(?![/\\])[^\s]*$/.test(candidate) ? candidate : fallback;
}

/** GOV.UK date input (day, month, year) to an ISO date; '' when all empty; 'not-a-date' otherwise. */
export function isoDateFromParts(day: string, month: string, year: string): string {
  const parts = [day.trim(), month.trim(), year.trim()];
  if (parts.every((part) => part === '')) return '';
  if (!parts.every((part) => /^\d{1,4}$/.test(part)) || parts[2]!.length !== 4) return 'not-a-date';
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'not-a-date';
  return date.toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (not 31 February): the shared date type's rule (dates.ts). */
export function isRealIsoDate(value: string): boolean {
  return isRealDate(value);
}

/** The ISO date from a GOV.UK date input named prefix-Day, prefix-Month and prefix-Year ('' when all blank). */
export function dateFromInput(body: Record<string, unknown>, prefix: string): string {
  return isoDateFromParts(
    cleanText(body[`${prefix}-Day`]),
    cleanText(body[`${prefix}-Month`]),
    cleanText(body[`${prefix}-Year`]),
  );
}

/** An ISO date split for a GOV.UK date input's three boxes. */
export function dateInputParts(isoDate: string | null | undefined): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = isoDate?.split('-') ?? [];
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}
