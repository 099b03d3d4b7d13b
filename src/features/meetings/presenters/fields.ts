/**
 * The meetings forms' fields, as the shared form template (views/form.njk) draws them, and what
 * was typed, kept as text so a form shown again loses nothing.
 */
import {
  cleanText,
  dateFromInput,
  dateInputParts,
  formErrorsFromIssues,
  type FormErrors,
} from '../../../platform/http/forms.js';
import type { FieldIssue } from '../service.js';

export type Body = Record<string, unknown>;
export type Values = Record<string, string>;
export type Field = Record<string, unknown>;

export const text = (name: string, label: string, values: Values, extra: Field = {}): Field => ({
  type: 'text',
  name,
  label,
  value: values[name] ?? '',
  ...extra,
});

export const area = (name: string, label: string, values: Values, extra: Field = {}): Field => ({
  type: 'textarea',
  name,
  label,
  value: values[name] ?? '',
  family: true,
  ...extra,
});

export const dateField = (name: string, label: string, values: Values, hint?: string): Field => ({
  type: 'date',
  name,
  label,
  hint,
  day: values[`${name}-Day`] ?? '',
  month: values[`${name}-Month`] ?? '',
  year: values[`${name}-Year`] ?? '',
});

export const radios = (
  name: string,
  label: string,
  labels: Record<string, string>,
  values: Values,
  extra: Field = {},
): Field => ({
  type: 'radios',
  name,
  label,
  items: Object.entries(labels).map(([value, itemText]) => ({
    value,
    text: itemText,
    checked: values[name] === value,
  })),
  ...extra,
});

export const select = (
  name: string,
  label: string,
  options: { value: string; text: string }[],
  values: Values,
  extra: Field = {},
): Field => ({
  type: 'select',
  name,
  label,
  items: options.map((option) => ({ ...option, selected: values[name] === option.value })),
  ...extra,
});

export const yesNo = { yes: 'Yes', no: 'No' };

/** What was typed, as strings, for the fields named (dates as their three boxes). */
export function typed(body: Body, names: readonly string[], dates: readonly string[] = []): Values {
  const values: Values = {};
  for (const name of names) values[name] = cleanText(body[name]);
  for (const name of dates) {
    for (const part of ['Day', 'Month', 'Year']) values[`${name}-${part}`] = cleanText(body[`${name}-${part}`]);
  }
  return values;
}

/** What the service checks: typed text, with each date put together. */
export function inputFrom(values: Values, body: Body, dates: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) if (!/-(Day|Month|Year)$/.test(name)) input[name] = value;
  for (const name of dates) input[name] = dateFromInput(body, name);
  return input;
}

/** A stored date, as a date input's three boxes. */
export function dateValues(name: string, isoDate: string | null | undefined): Values {
  const parts = dateInputParts(isoDate);
  return { [`${name}-Day`]: parts.day, [`${name}-Month`]: parts.month, [`${name}-Year`]: parts.year };
}

/** Where the error summary links for each field: a date's first box, the page for the form as a whole. */
export function fieldIdsFor(dateFields: readonly string[]): Record<string, string> {
  return { form: 'main-content', ...Object.fromEntries(dateFields.map((name) => [name, `${name}-Day`])) };
}

/** The error summary and each field's message, from the service's problems (the first for each field). */
export function errorsFrom(issues: readonly FieldIssue[], dateFields: readonly string[] = []): FormErrors {
  return formErrorsFromIssues(issues, fieldIdsFor(dateFields));
}

export const inviteeCircleNames = { family: 'Family', network: 'Friend or community', professional: 'Professional' };

export const attendanceNames = {
  invited: 'Invited',
  came: 'Came',
  could_not_come: 'Could not come, and shared their views',
  did_not_come: 'Did not come',
};
