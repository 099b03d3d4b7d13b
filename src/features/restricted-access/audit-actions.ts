import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What a team manager's review of restricted records opened records in the audit log. */
export const restrictedAccessAuditActions = defineAuditActions({
  'child_record.restricted_opening_reviewed': 'Reviewed the opening of a restricted record',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof restrictedAccessAuditActions> {}
}
