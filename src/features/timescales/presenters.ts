/** Shaping the timescale policy for its pages (pure). */
import { presentDate } from '../child-record/index.js';
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import { BANK_HOLIDAYS_COVER, BANK_HOLIDAYS_SOURCE } from '../../platform/working-days/index.js';
import { intervalInWords, policyFieldValues, policyFields, type PolicyField, type TimescalePolicy } from './policy.js';
import type { PolicyVersion } from './queries.js';

export const nationNames = { england: 'England', wales: 'Wales' } as const;

/** The policy as summary list rows: what, and how often. */
export function policyRows(policy: TimescalePolicy) {
  const values = policyFieldValues(policy);
  const rows = (Object.keys(policyFields) as PolicyField[]).map((field) => ({
    key: { text: policyFields[field].words },
    value: { text: `${field.startsWith('visit') ? 'Every' : 'Within'} ${intervalInWords(field, values[field])}` },
  }));
  return [
    {
      key: { text: 'Bank holidays' },
      value: {
        text: `${nationNames[policy.nation]}, ${BANK_HOLIDAYS_COVER.from} to ${BANK_HOLIDAYS_COVER.to}, from ${BANK_HOLIDAYS_SOURCE}`,
      },
    },
    ...rows,
  ];
}

export const closureDayRows = (policy: TimescalePolicy, removeHref: (date: string) => string) =>
  policy.closureDays.map((day) => [
    { text: presentDate(day.date) },
    { text: day.name },
    {
      html: `<a class="govuk-link" href="${removeHref(day.date)}">Remove<span class="govuk-visually-hidden"> ${presentDate(day.date)}</span></a>`,
    },
  ]);

export const versionRows = (versions: readonly PolicyVersion[]) =>
  versions.map((version) => [
    { text: String(version.version) },
    { text: ukDateTimeInWords(version.recordedAt) },
    { text: version.recordedByLabel },
    { text: version.reason },
  ]);

/** The form's fields: name, label, hint and width, for the template to loop over. */
export const policyFormFields = (Object.keys(policyFields) as PolicyField[]).map((field) => ({
  name: field,
  label: policyFields[field].words,
  suffix: policyFields[field].unit,
  hint: `${policyFields[field].max} ${policyFields[field].unit} at the most`,
  group: field.startsWith('visit') ? 'visits' : 'reviews',
}));
