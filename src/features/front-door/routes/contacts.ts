/**
 * The front door's pages: the queue, recording a contact (kept as a draft until it is sent for
 * a decision), the contact itself, and the letter to the family. Plain forms: everything works
 * without JavaScript.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { singleFormError } from '../../../platform/http/forms.js';
import { registerQuestionPage } from '../../../platform/http/question-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { hasPermission } from '../../../platform/identity/roles.js';
import { ukDate } from '../../../platform/views/clock.js';
import { checkLanguage } from '../../language/index.js';
import { frontDoorPaths as paths } from '../paths.js';
import {
  consentItems,
  contactKindItems,
  contactRows,
  decisionRows,
  presentClock,
  presentDate,
  presentPeople,
  presentQueueRow,
  statusName,
  urgencyItems,
} from '../presenters.js';
import { familyLetter } from '../rules.js';
import { changeContact, frontDoorQueue, recordContact, viewContact, type ContactView } from '../service.js';
import { contactSchema, frontDoorMessages, type ContactInput } from '../validation.js';
import { contactFieldIds, contactFormOf, contactInputOf, readContactForm, type ContactFormValues } from './forms.js';

type ContactParams = { contactId: string };

const notices: Record<string, string> = {
  recorded: 'Contact sent for a decision',
  draft: 'Contact saved as a draft. You can come back to it from the front door.',
  person_added: 'Person added to the contact',
  decided: 'Decision recorded',
};

const notFound = (reply: FastifyReply) => {
  reply.callNotFound();
  return reply;
};

const contactForm = (values: ContactFormValues, action: string, backHref: string, editing: boolean) => ({
  template: 'front-door/views/contact-form.njk',
  context: {
    pageTitle: editing ? 'Continue recording a contact' : 'Record a contact',
    action,
    backHref,
    values,
    kindItems: contactKindItems(values.contactKind),
    consentItems: consentItems(values.consent),
    urgencyItems: urgencyItems(values.urgency),
  },
});

export function registerContactRoutes(app: FastifyInstance, database: Database): void {
  const record = { permission: 'front_door.record' } as const;

  app.get<{ Querystring: { notice?: string } }>(
    paths.queue.pattern,
    { config: { access: record } },
    async (request, reply) => {
      const queue = await frontDoorQueue(database, request.actor!, requestSource(request));
      return reply.render('front-door/views/queue.njk', {
        pageTitle: 'Front door',
        awaiting: queue.awaiting.map(presentQueueRow),
        drafts: queue.drafts.map(presentQueueRow),
        decided: queue.decided.map(presentQueueRow),
        newContactHref: paths.newContact.href({}),
      });
    },
  );

  registerQuestionPage<Record<string, never>, object, ContactFormValues, ContactInput>(
    app,
    paths.newContact.pattern,
    record,
    {
      load: async () => ({}),
      blank: () => contactFormOf(null, ukDate(new Date())),
      read: readContactForm,
      schema: contactSchema,
      input: contactInputOf,
      fieldIds: contactFieldIds,
      view: (_context, values) => contactForm(values, paths.newContact.href({}), paths.queue.href({}), false),
      async save(input, _values, request) {
        const contact = await recordContact(database, request.actor!, input, requestSource(request));
        return {
          redirect: paths.contact.href(
            { contactId: contact.id },
            { notice: input.sendForDecision ? 'recorded' : 'draft' },
          ),
        };
      },
    },
  );

  registerQuestionPage<ContactParams, ContactView, ContactFormValues, ContactInput>(
    app,
    paths.editContact.pattern,
    record,
    {
      load: async (request) => {
        const view = await viewContact(database, request.actor!, request.params.contactId, requestSource(request));
        return view && view.contact.status !== 'decided' ? view : null;
      },
      blank: (view) => contactFormOf(view.contact, ukDate(new Date())),
      read: readContactForm,
      schema: contactSchema,
      input: contactInputOf,
      fieldIds: contactFieldIds,
      view: (view, values) =>
        contactForm(
          values,
          paths.editContact.href({ contactId: view.contact.id }),
          paths.contact.href({ contactId: view.contact.id }),
          true,
        ),
      async save(input, values, request) {
        const { contactId } = request.params;
        const saved = await changeContact(
          database,
          request.actor!,
          contactId,
          { ...input, expectedVersion: Number(values.expectedVersion) || 0 },
          requestSource(request),
        );
        if (saved.outcome === 'not_found' || saved.outcome === 'decided') return 'not_found';
        if (saved.outcome === 'conflict') {
          return {
            errors: singleFormError('form', frontDoorMessages.stale, 'worries'),
            values: { ...values, expectedVersion: String(saved.current.version) },
            status: 409,
          };
        }
        return {
          redirect: paths.contact.href({ contactId }, { notice: input.sendForDecision ? 'recorded' : 'draft' }),
        };
      },
    },
  );

  app.get<{ Params: ContactParams; Querystring: { notice?: string } }>(
    paths.contact.pattern,
    { config: { access: record } },
    async (request, reply) => {
      const { contactId } = request.params;
      const view = await viewContact(database, request.actor!, contactId, requestSource(request));
      if (!view) return notFound(reply);
      const { contact } = view;
      const open = contact.status !== 'decided';
      const mayDecide = hasPermission(request.actor!.roles, 'front_door.decide');
      return reply.render('front-door/views/contact.njk', {
        pageTitle: `Contact of ${presentDate(contact.receivedOn)}`,
        backHref: paths.queue.href({}),
        notice: typeof request.query.notice === 'string' ? (notices[request.query.notice] ?? null) : null,
        status: statusName(contact.status),
        isDraft: contact.status === 'draft',
        clock: presentClock(view.clock),
        reReferral: view.reReferral,
        rows: contactRows(contact),
        people: presentPeople(view.people),
        decisionRows: decisionRows(contact),
        editHref: open ? paths.editContact.href({ contactId }) : null,
        findPersonHref: open ? paths.findPerson.href({ contactId }) : null,
        decisionHref: contact.status === 'awaiting_decision' && mayDecide ? paths.decision.href({ contactId }) : null,
        letterHref: contact.decision ? paths.letter.href({ contactId }) : null,
      });
    },
  );

  app.get<{ Params: ContactParams }>(paths.letter.pattern, { config: { access: record } }, async (request, reply) => {
    const { contactId } = request.params;
    const view = await viewContact(database, request.actor!, contactId, requestSource(request));
    if (!view?.contact.decision || !view.contact.letterToFamily) return notFound(reply);
    const letter = familyLetter({
      childNames: view.people.filter((person) => person.involvement === 'child').map((person) => person.fullName),
      receivedOn: view.contact.receivedOn,
      receivedOnText: presentDate(view.contact.receivedOn),
      decision: view.contact.decision,
      letterToFamily: view.contact.letterToFamily,
      councilName: request.actor!.councilName,
    });
    const check = checkLanguage(letter.paragraphs.join('\n\n'), { audience: 'family' });
    return reply.render('front-door/views/letter.njk', {
      pageTitle: 'Letter to the family',
      backHref: paths.contact.href({ contactId }),
      letter,
      councilName: request.actor!.councilName,
      dateText: presentDate(view.contact.decidedOn),
      signedBy: view.contact.decidedByLabel,
      findings: check.findings.map((finding) => ({
        matched: finding.matched,
        why: finding.why,
        alternatives: finding.alternatives.join(', '),
      })),
    });
  });
}
