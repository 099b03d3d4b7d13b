import type { RecordAudience } from '../access/policy.js';
import type { Role } from './roles.js';

/** Who is making a request, as every check and audit entry sees them. */
export interface Actor {
  tenantId: string;
  councilName: string;
  userId: string;
  fullName: string;
  email: string;
  kind: 'staff' | 'family' | 'young_person';
  /** For family members and young people: their person record. */
  personId: string | null;
  roles: Role[];
  sessionId: string | null;
  /** A temporary password set by an administrator: only the change-password page is open. */
  mustChangePassword: boolean;
  /** Set for API calls made with a personal access token. */
  tokenScopes: string[] | null;
  /**
   * The teams they belong to and manage, read with their session (so a change of team applies
   * from their next request). Absent when not read yet: the access policy then reads them.
   */
  teams?: { teamIds: string[]; managedTeamIds: string[] };
  /**
   * The audiences the route being served is made for (its `config.audiences`), set when the
   * route's gate lets the request through. Absent (outside a request): professionals only.
   */
  servedAudiences?: readonly RecordAudience[];
}

export function actorLabel(actor: Pick<Actor, 'fullName' | 'roles'>): string {
  return `${actor.fullName} (${actor.roles.join(', ') || 'no role'})`;
}
