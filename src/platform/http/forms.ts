/**
 * GOV.UK question-page validation: one zod schema per form; on failure the page is rendered
 * again with what was typed, an error summary linking to each field and a message on the
 * field (https://design-system.service.gov.uk/components/error-summary/).
 */
import type { z } from 'zod';

export interface FormErrors {
  /** For govukErrorSummary. */
  errorList: { text: string; href: string }[];
  /** For each field's errorMessage. */
  fieldErrors: Record<string, { text: string }>;
}

export const noErrors: FormErrors = { errorList: [], fieldErrors: {} };

export function formErrorsFrom(error: z.ZodError, fieldIds: Record<string, string> = {}): FormErrors {
  const fieldErrors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (fieldErrors[field]) continue; // first problem per field, as the design system asks
    fieldErrors[field] = { text: issue.message };
    errorList.push({ text: issue.message, href: `#${fieldIds[field] ?? field}` });
  }
  return { errorList, fieldErrors };
}

export function singleFormError(field: string, text: string, fieldId = field): FormErrors {
  return { errorList: [{ text, href: `#${fieldId}` }], fieldErrors: { [field]: { text } } };
}

/** A form's text value, trimmed of control characters that have no place in typed text. */
export function cleanText(value: unknown): string {
  // Control characters other than tab and line breaks; typed text never needs them.
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' ? value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '') : '';
}

/** Where to go after signing in: only a path on this site, never another site (open redirect). */
export function safeReturnPath(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && /^\/(?![/\\])[^\s]*$/.test(candidate) ? candidate : fallback;
}
