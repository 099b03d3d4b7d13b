/**
 * The decision on a contact, within one working day: what happens next, the reasons, and what
 * the family is told in plain words (the language companion checks it as it is typed, and on
 * the letter's page).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { singleFormError } from '../../../platform/http/forms.js';
import { registerQuestionPage } from '../../../platform/http/question-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { ukDate } from '../../../platform/views/clock.js';
import { frontDoorPaths as paths } from '../paths.js';
import { contactRows, decisionItems, presentClock, presentPeople } from '../presenters.js';
import { decideContact, viewContact, type ContactView } from '../service.js';
import { decisionSchema, type DecisionInput } from '../validation.js';
import { dateFieldsOf, dateValuesOf, isoDateIn, readFieldsAndDate } from './forms.js';

type ContactParams = { contactId: string };
const decisionFields = ['decision', 'reasons', 'letterToFamily'] as const;
type DecisionValues = ReturnType<typeof readFieldsAndDate<(typeof decisionFields)[number], 'decided'>>;

export function registerDecisionRoutes(app: FastifyInstance, database: Database): void {
  const decide = { permission: 'front_door.decide' } as const;

  registerQuestionPage<ContactParams, ContactView, DecisionValues, DecisionInput>(app, paths.decision.pattern, decide, {
    load: async (request) => {
      const view = await viewContact(database, request.actor!, request.params.contactId, requestSource(request));
      return view && view.contact.status === 'awaiting_decision' ? view : null;
    },
    blank: () => ({
      ...readFieldsAndDate({}, decisionFields, 'decided'),
      ...dateFieldsOf('decided', dateValuesOf(ukDate(new Date()))),
    }),
    read: (body) => readFieldsAndDate(body, decisionFields, 'decided'),
    schema: decisionSchema,
    input: (values) => ({
      decision: values.decision,
      reasons: values.reasons,
      letterToFamily: values.letterToFamily,
      decidedOn: isoDateIn(values, 'decided'),
    }),
    fieldIds: { decision: 'decision', decidedOn: 'decided-day' },
    view: (view, values) => ({
      template: 'front-door/views/decision.njk',
      context: {
        pageTitle: 'Decide what happens next',
        action: paths.decision.href({ contactId: view.contact.id }),
        backHref: paths.contact.href({ contactId: view.contact.id }),
        values,
        clock: presentClock(view.clock),
        reReferral: view.reReferral,
        rows: contactRows(view.contact),
        people: presentPeople(view.people),
        decisionItems: decisionItems(values.decision),
      },
    }),
    async save(input, _values, request) {
      const { contactId } = request.params;
      const decided = await decideContact(database, request.actor!, contactId, input, requestSource(request));
      if (decided.outcome === 'not_found') return 'not_found';
      if (decided.outcome === 'invalid') {
        return {
          errors: singleFormError(
            decided.field,
            decided.message,
            decided.field === 'decidedOn' ? 'decided-day' : decided.field,
          ),
        };
      }
      if (decided.outcome === 'refused') {
        return {
          errors: singleFormError(
            'decision',
            `You cannot change ${decided.childName}’s record. Ask the manager of the team that holds it to decide`,
          ),
        };
      }
      return { redirect: paths.contact.href({ contactId }, { notice: 'decided' }) };
    },
  });
}
