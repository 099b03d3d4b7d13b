import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** People records `child_record.change` (the platform's) when the child's details change, and: */
export const peopleAuditActions = defineAuditActions({
  'child_record.history_viewed': 'Looked at the changes to the record',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof peopleAuditActions> {}
}
