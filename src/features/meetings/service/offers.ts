/** Offers of a family group decision-making meeting, and the family's answers. */
import { isUuid } from '../../../platform/db/ids.js';
import { actorLabel } from '../../../platform/identity/actor.js';
import { childRecordService, type ChildSummary } from '../../child-record/index.js';
import { answerOffer, insertOffer, offersOfChild, type OfferRow } from '../queries.js';
import { offerResponseSchema, offerSchema } from '../validation.js';
import { notFound, parsedOr, type Saved } from './record.js';

export const offerFamilyMeeting = childRecordService(
  'change',
  'meeting.offer',
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
  notFound,
);

export const recordOfferAnswer = childRecordService(
  'change',
  'meeting.offer_answer',
  async (record, offerId: string, input: Record<string, unknown>): Promise<Saved> => {
    const { tx, tenantId, childId } = record;
    const parsed = parsedOr(offerResponseSchema, input);
    if (!('data' in parsed)) return parsed;
    if (!isUuid(offerId) || !(await answerOffer(tx, tenantId, childId, offerId, parsed.data))) return notFound;
    await record.audit('meeting.offer_answer', { offerId, response: parsed.data.response });
    return { outcome: 'saved' as const };
  },
  notFound,
);

/** An offer, for the form that records the family's answer. */
export const offerFor = childRecordService(
  'change',
  'meeting.offer_answer',
  async (record, offerId: string): Promise<{ child: ChildSummary; offer: OfferRow } | null> => {
    const offers = await offersOfChild(record.tx, record.tenantId, record.childId);
    const offer = offers.find((candidate) => candidate.id === offerId);
    if (!offer) return null;
    await record.audit('child_record.view', { part: 'offer', offerId });
    return { child: record.child, offer };
  },
);

/** The child, for the form that records an offer. */
export const childForOffer = childRecordService('change', 'meeting.offer', async (record) => {
  await record.audit('child_record.view', { part: 'offer_form' });
  return record.child;
});
