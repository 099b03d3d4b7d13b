import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What the assessment of need records, besides opening the child's record ('child_record.view'). */
export const assessmentAuditActions = defineAuditActions({
  'assessment.started': 'Started an assessment of need',
  'assessment.draft_saved': 'Saved a draft assessment of need',
  'assessment.submitted': 'Submitted an assessment of need',
  'assessment.signed_off': 'Signed off an assessment of need',
  'assessment.returned': 'Returned an assessment of need to its author',
  'assessment.new_version': 'Started a new version of an assessment of need',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof assessmentAuditActions> {}
}
