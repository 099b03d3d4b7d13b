import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What a council administrator's changes to accounts and teams record in the audit log. */
export const administrationAuditActions = defineAuditActions({
  'admin.account_created': 'Added an account',
  'admin.roles_changed': 'Changed someone’s roles',
  'admin.sessions_ended': 'Signed someone out everywhere',
  'admin.account_disabled': 'Disabled an account',
  'admin.account_enabled': 'Enabled an account again',
  'admin.team_created': 'Added a team',
  'admin.team_member_added': 'Added someone to a team',
  'admin.settings_changed': 'Changed the council’s settings',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof administrationAuditActions> {}
}
