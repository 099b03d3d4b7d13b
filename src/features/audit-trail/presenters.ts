/** Audit entries as people read them: plain descriptions of what happened, from the audit catalogue. */
import type { AuditEntry } from '../../platform/audit/audit-log.js';
import type { AuditCatalogue } from '../../platform/audit/catalogue.js';
import { ukDateTimeToTheSecond } from '../../platform/views/clock.js';

const outcomeTags = {
  allowed: { text: 'Allowed', classes: 'govuk-tag--green' },
  denied: { text: 'Refused', classes: 'govuk-tag--red' },
  failed: { text: 'Failed', classes: 'govuk-tag--orange' },
} as const;

export function presentAuditRows(entries: AuditEntry[], catalogue: AuditCatalogue) {
  return entries.map((entry) => [
    { text: ukDateTimeToTheSecond(entry.occurredAt), attributes: { 'data-sort-value': String(entry.sequence) } },
    { text: entry.actorLabel },
    { text: catalogue.describe(entry.action) },
    {
      html: `<strong class="govuk-tag ${outcomeTags[entry.outcome].classes}">${outcomeTags[entry.outcome].text}</strong>`,
    },
    {
      text: entry.reason ?? (typeof entry.details.reason === 'string' ? entry.details.reason.replaceAll('_', ' ') : ''),
    },
    { text: entry.sourceIp ?? '' },
    { text: String(entry.sequence), classes: 'app-reference' },
  ]);
}

export const auditTableHead = [
  { text: 'When' },
  { text: 'Who' },
  { text: 'What' },
  { text: 'Outcome' },
  { text: 'Why' },
  { text: 'From' },
  { text: 'Entry' },
];

/** The search's "What happened" choices: anything, or one action the catalogue knows, by its readable name. */
export function actionFilterItems(catalogue: AuditCatalogue) {
  const actions = catalogue
    .entries()
    .map(([value, text]) => ({ value: value, text }))
    .sort((one, other) => one.text.localeCompare(other.text, 'en-GB'));
  return [{ value: '', text: 'Anything' }, ...actions];
}
