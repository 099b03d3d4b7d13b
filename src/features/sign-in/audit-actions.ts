import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/**
 * What signing in records beyond the platform's own entries (`platformAuditActions`): the
 * security events a council's administrators see (an account locked, an address slowed down)
 * and a half-signed-in session that ran out of time. The identity layer writes them.
 */
export const signInAuditActions = defineAuditActions({
  'sign_in.account_locked': 'Account locked for 15 minutes after too many tries',
  'sign_in.address_slowed': 'Sign-ins from a network address slowed down after many failures',
  'sign_in.second_factor_timed_out': 'Took too long to enter the security code',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof signInAuditActions> {}
}
