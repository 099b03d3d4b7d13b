/** Audit entries as people read them: plain descriptions of what happened. */
import type { AuditEntry } from '../../platform/audit/audit-log.js';
import { ukDateTimeToTheSecond } from '../../platform/views/clock.js';

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
  'mapping.start': 'Opened a new mapping',
  'mapping.started': 'Started a mapping',
  'mapping.change': 'Opened a mapping to change it',
  'mapping.entry_added': 'Added to a mapping',
  'mapping.entry_changed': 'Changed or moved a mapping entry',
  'mapping.scored': 'Added a scaling score',
  'safe_uncertainty.position_recorded': 'Recorded where things stand (safe uncertainty)',
  'safe_uncertainty.question_added': 'Added something we do not know yet',
  'safe_uncertainty.finding_recorded': 'Recorded what was found',
  'assessment.started': 'Started an assessment of need',
  'assessment.draft_saved': 'Saved a draft assessment of need',
  'assessment.submitted': 'Submitted an assessment of need',
  'assessment.sign_off': 'Tried to sign off an assessment of need',
  'assessment.signed_off': 'Signed off an assessment of need',
  'assessment.returned': 'Returned an assessment of need to its author',
  'assessment.new_version': 'Started a new version of an assessment of need',
  'plan.list': 'Looked at the child’s plans',
  'plan.view': 'Opened a plan',
  'plan.start': 'Started a plan',
  'plan.change': 'Changed a plan',
  'plan.agree': 'Recorded that a plan was agreed',
  'plan.share': 'Shared a plan with the family',
  'plan.review': 'Recorded a plan review',
  'plan.agreement': 'Recorded what the family think of a plan',
  'plan.family_version': 'Opened the family’s version of a plan',
  'network.person_added': 'Added someone to the child’s world',
  'network.people_merged': 'Merged someone recorded twice',
  'child_record.history_viewed': 'Looked at the changes to the record',
  'child_record.restricted_opened': 'Opened a restricted record, giving a reason',
};

const outcomeTags = {
  allowed: { text: 'Allowed', classes: 'govuk-tag--green' },
  denied: { text: 'Refused', classes: 'govuk-tag--red' },
  failed: { text: 'Failed', classes: 'govuk-tag--orange' },
} as const;

/** A plain name for every action; one without its own words reads from its code ("visit.saved" → "Visit: saved"). */
export function describeAction(action: string): string {
  const named = actionNames[action];
  if (named) return named;
  const [area = '', what = ''] = action.split('.');
  const words = (text: string) => text.replaceAll('_', ' ').trim();
  if (!what) return words(area).replace(/^./, (first) => first.toUpperCase());
  return `${words(area).replace(/^./, (first) => first.toUpperCase())}: ${words(what)}`;
}

export function presentAuditRows(entries: AuditEntry[]) {
  return entries.map((entry) => [
    { text: ukDateTimeToTheSecond(entry.occurredAt), attributes: { 'data-sort-value': String(entry.sequence) } },
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
