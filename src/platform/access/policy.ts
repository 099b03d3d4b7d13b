/**
 * The one place that answers "may this person do this to this child's record?". Pure: the
 * facts are loaded first (queries.ts), the decision is made here, so every rule is a unit test.
 * Default deny: anything not allowed by a rule below is refused.
 *
 * - practitioners and coordinators: children allocated to them or to a team they belong to;
 * - team managers: children allocated to a team they manage (or to themselves);
 * - partner agency workers: only records shared with them under an agreement, to read;
 * - family members: records of their family shared with the family, to read;
 * - young people: their own record, to read;
 * - restricted records: the allocated worker as usual; anyone else with a relationship must
 *   give a reason, which opens a time-limited grant that the team manager reviews;
 * - and whatever the relationship, a page or API answer is opened only by the audiences it is
 *   made for: a family member or a young person never reaches a professional page, however the
 *   address was found (each route declares its audiences; the default is professionals only).
 */
import type { Role } from '../identity/roles.js';

export type ChildRecordAction = 'view' | 'change';

/**
 * Who a page or API answer about a child's record is made for. Professionals are everyone on
 * the staff (partner agencies included); a family member and a young person are not
 * practitioners with fewer buttons, so a page serves them only if it was made for them.
 */
export const recordAudiences = ['professionals', 'family', 'young_person'] as const;
export type RecordAudience = (typeof recordAudiences)[number];
/** What a route serves unless it says otherwise. */
export const professionalsOnly: readonly RecordAudience[] = ['professionals'];

/** The audience someone belongs to, by their roles (an account is staff, family or a young person). */
export function audienceOf(roles: readonly Role[]): RecordAudience {
  if (roles.includes('young_person')) return 'young_person';
  if (roles.includes('family_member')) return 'family';
  return 'professionals';
}

export interface ActorRelationships {
  userId: string;
  roles: readonly Role[];
  personId: string | null;
  teamIds: readonly string[];
  managedTeamIds: readonly string[];
  /** The audiences the page or answer being served is made for (the route's declaration). */
  servedAudiences: readonly RecordAudience[];
}

export interface ChildRecordFacts {
  childPersonId: string;
  isRestricted: boolean;
  allocatedUserIds: readonly string[];
  allocatedTeamIds: readonly string[];
  shares: readonly { userId: string; audience: 'partner_agency' | 'family' | 'young_person' }[];
  /** Users holding an unexpired grant to open this restricted record. */
  restrictedGrantUserIds: readonly string[];
}

export type AccessDecision =
  | { allowed: true; basis: string }
  | {
      allowed: false;
      reason: 'no_relationship' | 'read_only' | 'restricted_reason_needed' | 'not_made_for_this_audience';
    };

/** Roles that may open a restricted record by giving a reason. */
export const rolesThatMayOpenRestricted: readonly Role[] = ['practitioner', 'team_manager'];

export function decideChildRecordAccess(
  actor: ActorRelationships,
  action: ChildRecordAction,
  record: ChildRecordFacts,
): AccessDecision {
  if (!actor.servedAudiences.includes(audienceOf(actor.roles))) {
    return { allowed: false, reason: 'not_made_for_this_audience' };
  }
  const has = (role: Role) => actor.roles.includes(role);
  const allocatedToMe = record.allocatedUserIds.includes(actor.userId);
  const allocatedToMyTeam = record.allocatedTeamIds.some((teamId) => actor.teamIds.includes(teamId));
  const allocatedToTeamIManage = record.allocatedTeamIds.some((teamId) => actor.managedTeamIds.includes(teamId));

  let basis: string | null = null;
  let readOnly = false;
  if ((has('practitioner') || has('fgc_coordinator') || has('team_manager')) && allocatedToMe) basis = 'allocated';
  else if ((has('practitioner') || has('fgc_coordinator')) && allocatedToMyTeam) basis = 'team';
  else if (has('team_manager') && allocatedToTeamIManage) basis = 'managed_team';
  else {
    const share = record.shares.find((candidate) => candidate.userId === actor.userId);
    if (share?.audience === 'partner_agency' && has('partner_agency_worker')) basis = 'shared_with_agency';
    else if (share?.audience === 'family' && has('family_member')) basis = 'shared_with_family';
    else if (has('young_person') && (actor.personId === record.childPersonId || share?.audience === 'young_person')) {
      basis = 'own_record';
    }
    readOnly = basis !== null;
  }
  if (basis === null) return { allowed: false, reason: 'no_relationship' };
  if (readOnly && action !== 'view') return { allowed: false, reason: 'read_only' };
  if (record.isRestricted && basis !== 'allocated' && basis !== 'own_record') {
    const mayOpen = actor.roles.some((role) => rolesThatMayOpenRestricted.includes(role));
    if (!mayOpen) return { allowed: false, reason: 'no_relationship' };
    if (!record.restrictedGrantUserIds.includes(actor.userId))
      return { allowed: false, reason: 'restricted_reason_needed' };
    return { allowed: true, basis: `${basis}_with_restricted_grant` };
  }
  return { allowed: true, basis };
}
