import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** Every audit action the plans feature records, with what a person reads on the audit trail. */
export const planAuditActions = defineAuditActions({
  'plan.list': 'Looked at the child’s plans',
  'plan.view': 'Opened a plan',
  'plan.start': 'Started a plan',
  'plan.change': 'Changed a plan',
  'plan.agree': 'Recorded that a plan was agreed',
  'plan.share': 'Shared a plan with the family',
  'plan.review': 'Recorded a plan review',
  'plan.agreement': 'Recorded what the family think of a plan',
  'plan.family_version': 'Opened the family’s version of a plan',
});

export type PlanAuditAction = keyof typeof planAuditActions;

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof planAuditActions> {}
}
