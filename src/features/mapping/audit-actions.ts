import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What the mapping writes to the audit log (besides opening the record, 'child_record.view'). */
export const mappingAuditActions = defineAuditActions({
  'mapping.start': 'Opened a new mapping',
  'mapping.started': 'Started a mapping',
  'mapping.change': 'Opened a mapping to change it',
  'mapping.entry_added': 'Added to a mapping',
  'mapping.entry_changed': 'Changed or moved a mapping entry',
  'mapping.scored': 'Added a scaling score',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof mappingAuditActions> {}
}
