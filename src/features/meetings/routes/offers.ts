/** Recording an offer of a family group decision-making meeting, and the family's answer. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { registerQuestionPage } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { meetingPaths } from '../paths.js';
import { dateValues, fieldIdsFor, inputFrom, typed } from '../presenters/fields.js';
import { newOfferPage, offerAnswerPage } from '../presenters/planning.js';
import { childForOffer, offerFamilyMeeting, offerFor, recordOfferAnswer } from '../service.js';
import { offerResponseSchema, offerSchema } from '../validation.js';
import { changeRecord } from './access.js';
import { saveOutcome } from './saving.js';

type ChildRequest = FastifyRequest<{ Params: { childId: string } }>;
type OfferRequest = FastifyRequest<{ Params: { childId: string; offerId: string } }>;

export function registerOfferPages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const call = serviceCaller(database);
  const offerDates = ['offeredOn'];
  registerQuestionPage(app, meetingPaths.newOffer.pattern, changeRecord, {
    audit: 'meeting.offer',
    load: (request: ChildRequest) => call(request, childForOffer, request.params.childId),
    blank: () => ({}),
    read: (body) => typed(body, ['beforeDecision'], offerDates),
    schema: offerSchema,
    input: (values) => inputFrom(values, values, offerDates),
    fieldIds: fieldIdsFor(offerDates),
    view: (child, values) => ({ template: 'meetings/views/form.njk', context: newOfferPage(child, values) }),
    save: async (_data, values, request) => {
      const { childId } = request.params;
      const input = inputFrom(values, values, offerDates);
      const result = await call(request, offerFamilyMeeting, childId, input);
      return saveOutcome(result, () => meetingPaths.section.href({ childId }), offerDates);
    },
  });

  const answerDates = ['respondedOn'];
  registerQuestionPage(app, meetingPaths.offer.pattern, changeRecord, {
    audit: 'meeting.offer_answer',
    load: (request: OfferRequest) => call(request, offerFor, request.params.childId, request.params.offerId),
    blank: ({ offer }) => ({
      response: offer.response,
      familyReason: offer.familyReason ?? '',
      ...dateValues('respondedOn', offer.respondedOn),
    }),
    read: (body) => typed(body, ['response', 'familyReason'], answerDates),
    schema: offerResponseSchema,
    input: (values) => inputFrom(values, values, answerDates),
    fieldIds: fieldIdsFor(answerDates),
    view: (found, values) => ({ template: 'meetings/views/form.njk', context: offerAnswerPage(found, values) }),
    save: async (_data, values, request) => {
      const { childId, offerId } = request.params;
      const input = inputFrom(values, values, answerDates);
      const result = await call(request, recordOfferAnswer, childId, offerId, input);
      return saveOutcome(result, () => meetingPaths.section.href({ childId }), answerDates);
    },
  });
}
