/** Offers of a family group decision-making meeting, and the family's answers. */
import { isUuid } from '../../../platform/db/ids.js';
import { actorLabel } from '../../../platform/identity/actor.js';
import type { ChildSummary } from '../../child-record/index.js';
import { answerOffer, insertOffer, offersOfChild, type OfferRow } from '../queries.js';
import { offerResponseSchema, offerSchema } from '../validation.js';
import { notFound, onChildsRecord, parsedOr, type Saved } from './record.js';

const offering = { need: 'change', action: 'meeting.offer' } as const;
const answering = { need: 'change', action: 'meeting.offer_answer' } as const;

export const offerFamilyMeeting = onChildsRecord(
  offering,
  notFound,
  async (record, input: Record<string, unknown>): Promise<Saved<{ offerId: string }>> => {
    const parsed = parsedOr(offerSchema, input);
    if (!('data' in parsed)) return parsed;
    const offerId = await insertOffer(record.tx, record.tenantId, {
      childPersonId: record.childId,
      ...parsed.data,
      recordedBy: record.actor.userId,
      recordedByLabel: actorLabel(record.actor),
    });
    await record.audit('meeting.offer', { offerId });
    return { outcome: 'saved' as const, offerId };
  },
);

export const recordOfferAnswer = onChildsRecord(
  answering,
  notFound,
  async (record, offerId: string, input: Record<string, unknown>): Promise<Saved> => {
    const { tx, tenantId, childId } = record;
    const parsed = parsedOr(offerResponseSchema, input);
    if (!('data' in parsed)) return parsed;
    if (!isUuid(offerId) || !(await answerOffer(tx, tenantId, childId, offerId, parsed.data))) return notFound;
    await record.audit('meeting.offer_answer', { offerId, response: parsed.data.response });
    return { outcome: 'saved' as const };
  },
);

/** An offer, for the form that records the family's answer. */
export const offerFor = onChildsRecord(
  answering,
  null,
  async (record, offerId: string): Promise<{ child: ChildSummary; offer: OfferRow } | null> => {
    const offers = await offersOfChild(record.tx, record.tenantId, record.childId);
    const offer = offers.find((candidate) => candidate.id === offerId);
    if (!offer) return null;
    await record.audit('child_record.view', { part: 'offer', offerId });
    return { child: record.child, offer };
  },
);

/** The child, for the form that records an offer. */
export const childForOffer = onChildsRecord(offering, null, async (record) => {
  await record.audit('child_record.view', { part: 'offer_form' });
  return record.child;
});
