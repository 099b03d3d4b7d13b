/** What the network's pages open: the network, one person in it, or one tie, each audited as a view. */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { childRecordPaths } from '../../child-record/index.js';
import { viewNetwork, type NetworkPersonView, type NetworkView, type RelationshipView } from '../service.js';

type Request<Params> = FastifyRequest<{ Params: Params }>;

/** Opens the child's network for a page (`part` names the page in the audit entry); null when refused. */
export const openNetwork = (database: Database, request: Request<{ childId: string }>, part: string) =>
  viewNetwork(database, request.actor!, request.params.childId, requestSource(request), { part });

/** Opens the network and finds one person in it; null when either is not there. */
export async function openMember(
  database: Database,
  request: Request<{ childId: string; personId: string }>,
  part: string,
): Promise<{ network: NetworkView; member: NetworkPersonView } | null> {
  const network = await openNetwork(database, request, part);
  const member = network?.members.find((candidate) => candidate.id === request.params.personId);
  return network && member ? { network, member } : null;
}

/** Opens the network and finds one relationship in it; null when either is not there. */
export async function openTie(
  database: Database,
  request: Request<{ childId: string; relationshipId: string }>,
  part: string,
): Promise<{ network: NetworkView; relationship: RelationshipView } | null> {
  const network = await openNetwork(database, request, part);
  const relationship = network?.relationships.find((candidate) => candidate.id === request.params.relationshipId);
  return network && relationship ? { network, relationship } : null;
}

/** The child's record, at a part of the page. */
export const recordAt = (childId: string, section: 'network' | 'people', notice?: string) =>
  `${childRecordPaths.record.href({ childId }, { notice })}#${section}`;

/** Back to the network on the child's record, saying what was done. */
export const backToNetwork = (childId: string, notice: string) => ({ redirect: recordAt(childId, 'network', notice) });
