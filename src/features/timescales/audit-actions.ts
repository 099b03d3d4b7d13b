import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What changes to the council's timescale policy record in the audit log. */
export const timescalesAuditActions = defineAuditActions({
  'timescales.policy_changed': 'Changed the council’s timescale policy',
  'timescales.closure_day_added': 'Added a council closure day',
  'timescales.closure_day_removed': 'Removed a council closure day',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof timescalesAuditActions> {}
}
