/** Audit entries as people read them: plain descriptions of what happened. */
import type { AuditEntry } from '../../platform/audit/audit-log.js';

const actionNames: Record<string, string> = {
  'child_record.view': 'Opened the child’s record',
  'child_record.change': 'Changed the child’s record',
  'sign_in.password_accepted': 'Password accepted',
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Sign-in not accepted',
  'sign_in.second_factor_failed': 'Security code not accepted',
  'sign_in.refused_while_locked': 'Sign-in refused: too many tries',
  'sign_in.signed_out': 'Signed out',
  'sign_in.signed_out_everywhere': 'Signed out on every device',
  'account.two_factor_enabled': 'Turned on two-factor sign-in',
  'audit.who_has_seen_viewed': 'Looked at who has seen the record',
  'audit.searched': 'Searched the audit log',
};

const outcomeTags = {
  allowed: { text: 'Allowed', classes: 'govuk-tag--green' },
  denied: { text: 'Refused', classes: 'govuk-tag--red' },
  failed: { text: 'Failed', classes: 'govuk-tag--orange' },
} as const;

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/London',
});

export function describeAction(action: string): string {
  return actionNames[action] ?? action;
}

export function presentAuditRows(entries: AuditEntry[]) {
  return entries.map((entry) => [
    { text: timeFormat.format(entry.occurredAt), attributes: { 'data-sort-value': String(entry.sequence) } },
    { text: entry.actorLabel },
    { text: describeAction(entry.action) },
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
