/**
 * Roles and what each may do in general. Whether someone may act on a particular child's
 * record also depends on their relationship to it: that is `policy.ts`.
 */
export const staffRoles = [
  'practitioner',
  'team_manager',
  'fgc_coordinator',
  'partner_agency_worker',
  'council_administrator',
  'auditor',
] as const;
export const familyRoles = ['family_member', 'young_person'] as const;
export const roles = [...staffRoles, ...familyRoles] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  practitioner: 'Practitioner',
  team_manager: 'Team manager',
  fgc_coordinator: 'Family group conference coordinator',
  partner_agency_worker: 'Partner agency worker',
  council_administrator: 'Council administrator',
  auditor: 'Auditor',
  family_member: 'Family member',
  young_person: 'Young person',
};

/** Roles whose holders must use two-factor sign-in; everyone else on the staff is offered it. */
export const rolesRequiringTwoFactor: readonly Role[] = ['council_administrator', 'team_manager'];

export const permissions = [
  /** See a list of children one works with. */
  'caseload.view',
  /** Open a child's record (subject to the relationship policy). */
  'child_record.view',
  /** Add to or change a child's record (subject to the relationship policy). */
  'child_record.change',
  /** See who has looked at a child's record (managers: their teams' children; auditors: any). */
  'audit.view',
  /** Search the whole council's audit log. */
  'audit.search',
  /** Review openings of restricted records. */
  'restricted_access.review',
  /** Manage the council's accounts, teams and roles. */
  'users.manage',
  /** Read one's own account (any role; also for access tokens of any scope). */
  'account.read_own',
  /** Make and revoke one's own personal access tokens for integrations (staff only). */
  'access_tokens.manage',
  /** Sign off (or return) an assessment of need someone else wrote (subject to the relationship policy). */
  'assessment.sign_off',
  /** See the family group conferences one coordinates, by stage (coordinators). */
  'conferences.coordinate',
  /** Count offers and outcomes of family group decision-making across the council (managers). */
  'family_meetings.count',
  /** Record a contact at the front door: anyone who takes a call about a child (staff). */
  'front_door.record',
  /** Decide what happens to a contact within one working day (managers at the front door). */
  'front_door.decide',
  /** Allocate a child to a worker and a team, and transfer them (managers). */
  'allocation.manage',
  /** Close a child's case with a reason and a closing summary to the family (managers). */
  'case.close',
  /** Change the council's timescale policy and closure days, with a reason (administrators). */
  'timescales.manage',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  practitioner: [
    'caseload.view',
    'child_record.view',
    'child_record.change',
    'access_tokens.manage',
    'front_door.record',
  ],
  team_manager: [
    'caseload.view',
    'child_record.view',
    'child_record.change',
    'audit.view',
    'restricted_access.review',
    'access_tokens.manage',
    'assessment.sign_off',
    'family_meetings.count',
    'front_door.record',
    'front_door.decide',
    'allocation.manage',
    'case.close',
  ],
  fgc_coordinator: [
    'caseload.view',
    'child_record.view',
    'child_record.change',
    'access_tokens.manage',
    'conferences.coordinate',
  ],
  partner_agency_worker: ['caseload.view', 'child_record.view', 'access_tokens.manage'],
  council_administrator: ['users.manage', 'access_tokens.manage', 'timescales.manage'],
  auditor: ['audit.view', 'audit.search', 'access_tokens.manage'],
  family_member: ['child_record.view'],
  young_person: ['child_record.view'],
};

const everyoneMay: readonly Permission[] = ['account.read_own'];

export function permissionsOf(heldRoles: readonly Role[]): Set<Permission> {
  return new Set([...everyoneMay, ...heldRoles.flatMap((role) => grants[role])]);
}

export function hasPermission(heldRoles: readonly Role[], permission: Permission): boolean {
  if (everyoneMay.includes(permission)) return heldRoles.length > 0;
  return heldRoles.some((role) => grants[role].includes(permission));
}

export function requiresTwoFactor(heldRoles: readonly Role[]): boolean {
  return heldRoles.some((role) => rolesRequiringTwoFactor.includes(role));
}
