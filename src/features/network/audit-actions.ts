import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** The network records `child_record.view` (the platform's) when it is shown, and these changes. */
export const networkAuditActions = defineAuditActions({
  'network.change': 'Tried to change the child’s network',
  'network.person_added': 'Added someone to the child’s world',
  'network.person_changed': 'Changed the details of someone in the child’s world',
  'network.person_moved': 'Moved someone on the ecomap',
  'network.person_no_longer_involved': 'Recorded that someone is no longer involved',
  'network.people_merged': 'Merged someone recorded twice',
  'network.relationship_added': 'Recorded a relationship',
  'network.relationship_changed': 'Changed a relationship',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof networkAuditActions> {}
}
