/**
 * The children and adults involved in a contact: found among the people the council already
 * knows (by NHS number, or by name with a date of birth or postcode), or recorded new.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { formErrorsFrom, noErrors, singleFormError } from '../../../platform/http/forms.js';
import { readText, registerQuestionPage } from '../../../platform/http/question-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { formatNhsNumber } from '../../../platform/identifiers/index.js';
import { frontDoorPaths as paths } from '../paths.js';
import { involvementItems, presentDate } from '../presenters.js';
import { addKnownPerson, addNewPerson, findPeople, viewContact, type ContactView } from '../service.js';
import {
  existingPersonSchema,
  findPersonSchema,
  newPersonSchema,
  type ExistingPersonInput,
  type NewPersonInput,
} from '../validation.js';
import { isoDateIn, isoDateOf, readDateInput, readFieldsAndDate } from './forms.js';

type ContactParams = { contactId: string };
type Query = Record<string, unknown>;

const openContact = (database: Database) => async (request: FastifyRequest<{ Params: ContactParams }>) => {
  const view = await viewContact(database, request.actor!, request.params.contactId, requestSource(request));
  return view && view.contact.status !== 'decided' ? view : null;
};

const notFound = (reply: FastifyReply) => {
  reply.callNotFound();
  return reply;
};

const queryText = (query: Query, name: string) => readText(query, name);

const newPersonFields = ['involvement', 'fullName', 'nhsNumber', 'uniquePupilNumber', 'address', 'postcode'] as const;

/** A page of the form adding someone to the contact: the template, its title and where it posts. */
const personForm =
  (template: string, pageTitle: string, action: { href(params: { contactId: string }): string }) =>
  (view: ContactView, values: { involvement: string }) => ({
    template: `front-door/views/${template}.njk`,
    context: {
      pageTitle,
      action: action.href({ contactId: view.contact.id }),
      backHref: paths.findPerson.href({ contactId: view.contact.id }),
      values,
      involvementItems: involvementItems(values.involvement),
    },
  });

export function registerPeopleRoutes(app: FastifyInstance, database: Database): void {
  const record = { permission: 'front_door.record' } as const;
  const load = openContact(database);

  app.get<{ Params: ContactParams; Querystring: Query }>(
    paths.findPerson.pattern,
    { config: { access: record } },
    async (request, reply) => {
      const { contactId } = request.params;
      const query = request.query ?? {};
      const born = readDateInput(query, 'born');
      const values = {
        nhsNumber: queryText(query, 'nhsNumber'),
        fullName: queryText(query, 'fullName'),
        postcode: queryText(query, 'postcode'),
        bornDay: born.day,
        bornMonth: born.month,
        bornYear: born.year,
      };
      const searched = Object.values(values).some((value) => value !== '');
      const page = (status: number, extra: Record<string, unknown>) =>
        reply.status(status).render('front-door/views/find-person.njk', {
          pageTitle: 'Find a child or adult',
          action: paths.findPerson.href({ contactId }),
          backHref: paths.contact.href({ contactId }),
          values,
          searched,
          newPersonHref: paths.newPerson.href(
            { contactId },
            { fullName: values.fullName || undefined, nhsNumber: values.nhsNumber || undefined },
          ),
          ...noErrors,
          ...extra,
        });
      const parsed = findPersonSchema.safeParse({ ...values, dateOfBirth: isoDateOf(born) });
      if (!searched || !parsed.success) {
        if (!(await load(request))) return notFound(reply);
        const errors = searched && !parsed.success ? formErrorsFrom(parsed.error, { dateOfBirth: 'born-day' }) : {};
        return page(searched ? 400 : 200, { matches: [], ...errors });
      }
      const matches = await findPeople(database, request.actor!, contactId, parsed.data, requestSource(request));
      if (!matches) return notFound(reply);
      return page(200, {
        matches: matches.map((match) => ({
          name: match.fullName,
          dateOfBirth: match.dateOfBirth ? presentDate(match.dateOfBirth) : 'Not known',
          nhsNumber: match.nhsNumber ? formatNhsNumber(match.nhsNumber) : 'Not known',
          postcode: match.postcode ?? 'Not known',
          matchedOn: match.matchedOn.join(', '),
          known: match.hasChildRecord,
          addHref: paths.addPerson.href({ contactId }, { personId: match.id }),
        })),
      });
    },
  );

  type KnownValues = { personId: string; involvement: string };
  registerQuestionPage<ContactParams, ContactView, KnownValues, ExistingPersonInput>(
    app,
    paths.addPerson.pattern,
    record,
    {
      load,
      blank: (_view, request) => ({ personId: queryText(request.query, 'personId'), involvement: '' }),
      read: (body) => ({ personId: readText(body, 'personId'), involvement: readText(body, 'involvement') }),
      schema: existingPersonSchema,
      fieldIds: { involvement: 'involvement' },
      view: personForm('add-person', 'Add this person to the contact', paths.addPerson),
      async save(input, _values, request) {
        const { contactId } = request.params;
        const added = await addKnownPerson(database, request.actor!, contactId, input, requestSource(request));
        if (added.outcome !== 'added') return 'not_found';
        return { redirect: paths.contact.href({ contactId }, { notice: 'person_added' }) };
      },
    },
  );

  type NewValues = ReturnType<typeof readFieldsAndDate<(typeof newPersonFields)[number], 'born'>>;
  registerQuestionPage<ContactParams, ContactView, NewValues, NewPersonInput>(app, paths.newPerson.pattern, record, {
    load,
    blank: (_view, request) => ({
      ...readFieldsAndDate({}, newPersonFields, 'born'),
      fullName: queryText(request.query, 'fullName'),
      nhsNumber: queryText(request.query, 'nhsNumber'),
    }),
    read: (body) => readFieldsAndDate(body, newPersonFields, 'born'),
    schema: newPersonSchema,
    input: (values) => ({
      ...values,
      dateOfBirth: isoDateIn(values, 'born'),
    }),
    fieldIds: { involvement: 'involvement', dateOfBirth: 'born-day' },
    view: personForm('new-person', 'Add someone new', paths.newPerson),
    async save(input, _values, request) {
      const { contactId } = request.params;
      const added = await addNewPerson(database, request.actor!, contactId, input, requestSource(request));
      if (added.outcome === 'not_found' || added.outcome === 'decided') return 'not_found';
      if (added.outcome === 'already_known') {
        return {
          errors: singleFormError(
            'nhsNumber',
            'Someone with this NHS number or unique pupil number is already recorded. Find them by their NHS number instead',
          ),
        };
      }
      return { redirect: paths.contact.href({ contactId }, { notice: 'person_added' }) };
    },
  });
}
