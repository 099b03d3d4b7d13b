import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What allocating and transferring a child's record records in the audit log. */
export const allocationAuditActions = defineAuditActions({
  'allocation.allocated': 'Allocated a child to a worker or team',
  'allocation.transferred': 'Transferred a child to another worker, with a handover note',
  'allocation.handover_read': 'Read the handover note for a child',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof allocationAuditActions> {}
}
