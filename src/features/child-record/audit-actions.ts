import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

export const childRecordAuditActions = defineAuditActions({
  'child_record.restricted_opened': 'Opened a restricted record, giving a reason',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof childRecordAuditActions> {}
}
