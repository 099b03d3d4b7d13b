import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What the front door writes to the audit log. */
export const frontDoorAuditActions = defineAuditActions({
  'front_door.queue_viewed': 'Looked at the front-door queue',
  'front_door.contact_viewed': 'Looked at a contact at the front door',
  'front_door.contact_recorded': 'Recorded a contact at the front door',
  'front_door.contact_changed': 'Changed a contact at the front door',
  'front_door.people_searched': 'Looked for people already known, at the front door',
  'front_door.person_added': 'Added a child or adult to a contact',
  'front_door.decided': 'Decided what happens to a contact',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof frontDoorAuditActions> {}
}
