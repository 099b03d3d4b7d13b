import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What a person's changes to their own account record in the audit log. */
export const accountAuditActions = defineAuditActions({
  'account.password_changed': 'Changed their password',
  'account.two_factor_enabled': 'Turned on two-factor sign-in',
  'account.access_token_created': 'Made an access token',
  'account.access_token_revoked': 'Revoked an access token',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof accountAuditActions> {}
}
