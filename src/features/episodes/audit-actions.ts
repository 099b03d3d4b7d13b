import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What episodes write to the audit log (besides opening the record, 'child_record.view'). */
export const episodesAuditActions = defineAuditActions({
  'episodes.referral_recorded': 'Recorded a referral',
  'episodes.assessment_outcome_recorded': 'Recorded the outcome of an assessment',
  'episodes.episode_started': 'Started an episode of help',
  'episodes.episode_ended': 'Ended an episode of help',
  'episodes.protection_step_recorded': 'Recorded a step of child protection',
  'episodes.case_closed': 'Closed the case',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof episodesAuditActions> {}
}
