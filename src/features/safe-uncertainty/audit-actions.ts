import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What safe uncertainty writes to the audit log (besides opening the record, 'child_record.view'). */
export const safeUncertaintyAuditActions = defineAuditActions({
  'safe_uncertainty.position_recorded': 'Recorded where things stand (safe uncertainty)',
  'safe_uncertainty.question_added': 'Added something we do not know yet',
  'safe_uncertainty.finding_recorded': 'Recorded what was found',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof safeUncertaintyAuditActions> {}
}
