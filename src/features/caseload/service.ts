/**
 * The caseload: the children someone works with. Opening one child's record is the
 * child-record feature's (`openChildRecord`); this lists them, with each one's overdue work.
 */
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { decideChildRecordAccess } from '../../platform/access/policy.js';
import type { Actor } from '../../platform/identity/actor.js';
import { caseloadCandidates, relationshipsOf, type CaseloadScope, type ChildSummary } from '../child-record/index.js';
import { overdueWorkFor, type OverdueWork } from '../plans/index.js';
import { whereNowOf, type WhereNow } from '../timescales/index.js';
import { ukDate } from '../../platform/views/clock.js';

export interface Caseload {
  children: ChildSummary[];
  /** The list shown: the children allocated to this person, or their teams' children too. */
  scope: CaseloadScope;
  /** Whether this person belongs to or manages a team, so the teams' list means something. */
  hasTeams: boolean;
  /** Each listed child's overdue plan actions and reviews (children with none are left out). */
  overdueWork: Map<string, OverdueWork>;
  /** Where each listed child is in their journey and what is next or overdue (timescales). */
  whereNow: Map<string, WhereNow>;
}

/**
 * The children someone works with. By default those allocated to them (and records shared with
 * them), which is what a practitioner opens every day; their teams' children on asking. When
 * nothing is allocated to them directly (a team manager, say), the teams' list is shown.
 */
export async function caseloadOf(database: Database, actor: Actor, asked?: CaseloadScope): Promise<Caseload> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const hasTeams = relationships.teamIds.length + relationships.managedTeamIds.length > 0;
    const visibleIn = async (scope: CaseloadScope) =>
      (await caseloadCandidates(tx, actor.tenantId, relationships, scope))
        // The policy, not the query, has the last word on who appears.
        .filter(({ facts }) => {
          const decision = decideChildRecordAccess(relationships, 'view', facts);
          // A restricted record someone could open with a reason is listed, marked restricted.
          return decision.allowed || decision.reason === 'restricted_reason_needed';
        })
        .map(({ summary }) => summary);
    const withWork = async (listed: Omit<Caseload, 'overdueWork' | 'whereNow'>): Promise<Caseload> => ({
      ...listed,
      overdueWork: await overdueWorkFor(
        tx,
        actor.tenantId,
        listed.children.map((child) => child.childId),
      ),
      whereNow: await whereNowOf(
        tx,
        actor.tenantId,
        listed.children.map((child) => child.childId),
        ukDate(new Date()),
      ),
    });
    const scope: CaseloadScope = hasTeams ? (asked ?? 'allocated_to_me') : 'allocated_to_me';
    const children = await visibleIn(scope);
    if (children.length === 0 && scope === 'allocated_to_me' && hasTeams && asked === undefined) {
      return withWork({ children: await visibleIn('my_teams'), scope: 'my_teams', hasTeams });
    }
    return withWork({ children, scope, hasTeams });
  });
}
