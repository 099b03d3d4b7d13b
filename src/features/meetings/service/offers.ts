/** Offers of a family group decision-making meeting, and the family's answers. */
import type { Database } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import type { ChildSummary, RequestSource } from '../../child-record/index.js';
import { answerOffer, insertOffer, offersOfChild, type OfferRow } from '../queries.js';
import { offerResponseSchema, offerSchema } from '../validation.js';
import { notFound, parsedOr, withMeetingsOf, type Saved } from './record.js';

export function offerFamilyMeeting(
  database: Database,
  actor: Actor,
  childId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved<{ offerId: string }>> {
  const purpose = { need: 'change', action: 'meeting.offer', source } as const;
  return withMeetingsOf(database, actor, childId, purpose, notFound, async (record) => {
    const parsed = parsedOr(offerSchema, input);
    if (!('data' in parsed)) return parsed;
    const offerId = await insertOffer(record.tx, actor.tenantId, {
      childPersonId: childId,
      ...parsed.data,
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    await record.audit('meeting.offer', { offerId });
    return { outcome: 'saved' as const, offerId };
  });
}

export function recordOfferAnswer(
  database: Database,
  actor: Actor,
  childId: string,
  offerId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved> {
  const purpose = { need: 'change', action: 'meeting.offer_answer', source } as const;
  return withMeetingsOf(database, actor, childId, purpose, notFound, async (record): Promise<Saved> => {
    const parsed = parsedOr(offerResponseSchema, input);
    if (!('data' in parsed)) return parsed;
    if (!isUuid(offerId) || !(await answerOffer(record.tx, actor.tenantId, childId, offerId, parsed.data))) {
      return notFound;
    }
    await record.audit('meeting.offer_answer', { offerId, response: parsed.data.response });
    return { outcome: 'saved' as const };
  });
}

/** An offer, for the form that records the family's answer. */
export function offerFor(
  database: Database,
  actor: Actor,
  childId: string,
  offerId: string,
  source: RequestSource,
): Promise<{ child: ChildSummary; offer: OfferRow } | null> {
  const purpose = { need: 'change', action: 'meeting.offer_answer', source } as const;
  return withMeetingsOf(database, actor, childId, purpose, null, async (record) => {
    const offer = (await offersOfChild(record.tx, actor.tenantId, childId)).find(
      (candidate) => candidate.id === offerId,
    );
    if (!offer) return null;
    await record.audit('child_record.view', { part: 'offer', offerId });
    return { child: record.child, offer };
  });
}

/** The child, for the form that records an offer. */
export function childForOffer(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<ChildSummary | null> {
  const purpose = { need: 'change', action: 'meeting.offer', source } as const;
  return withMeetingsOf(database, actor, childId, purpose, null, async (record) => {
    await record.audit('child_record.view', { part: 'offer_form' });
    return record.child;
  });
}
