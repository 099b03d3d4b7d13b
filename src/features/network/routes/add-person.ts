/**
 * Adding someone to the child's world. Not a plain question page: a new name may match someone
 * already recorded, and then the form is shown again (200) asking whether it is them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { formErrorsFrom, noErrors, singleFormError, type FormErrors } from '../../../platform/http/forms.js';
import { readText, type FormBody } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { isUuid } from '../../../platform/db/ids.js';
import { displayName, shortName } from '../graph.js';
import { fieldIds, personInput, readPerson, readTie, tieInput } from '../forms.js';
import { networkPaths } from '../paths.js';
import { circleLabels, items, personItems, tieFieldModel } from '../presenters.js';
import { addPersonToNetwork, possibleMatches, type NetworkView } from '../service.js';
import { circleSchema, newPersonSchema, tieToChildSchema } from '../validation.js';
import { openNetwork, recordAt } from './opening.js';

type Request = FastifyRequest<{ Params: { childId: string }; Body: FormBody }>;
type Match = { id: string; fullName: string; knownAs: string | null; dateOfBirth: string | null };

function readAddPerson(body: FormBody) {
  return {
    ...readTie(body),
    ...readPerson(body),
    circle: readText(body, 'circle'),
    existingPersonId: readText(body, 'existingPersonId'),
  };
}
type AddPersonValues = Partial<ReturnType<typeof readAddPerson>>;

function renderAddPerson(
  reply: FastifyReply,
  network: NetworkView,
  status: number,
  values: AddPersonValues,
  errors: FormErrors,
  matches: Match[] = [],
) {
  const childName = shortName(network.child);
  const personName = values.fullName || 'them';
  return reply.status(status).render('network/views/add-person.njk', {
    pageTitle: `Add someone to ${childName}’s world`,
    childName,
    action: networkPaths.addPerson.href({ childId: network.child.id }),
    backHref: recordAt(network.child.id, 'network'),
    values,
    ...personItems({ kind: values.kind ?? 'person', gender: values.gender ?? 'unknown' }),
    circleItems: items(circleLabels, values.circle),
    matchItems: [
      ...matches.map((match) => ({
        value: match.id,
        text: displayName(match),
        hint: { text: match.dateOfBirth ? `Born ${match.dateOfBirth}` : 'Date of birth not recorded' },
        checked: values.existingPersonId === match.id,
      })),
      { divider: 'or' },
      { value: 'new', text: `No, ${personName} is someone new`, checked: values.existingPersonId === 'new' },
    ],
    showMatches: matches.length > 0,
    tie: tieFieldModel(values, { first: personName, second: childName, child: childName }),
    ...errors,
  });
}

/** The three parts of the form, each parsed by the API's schema; someone already recorded needs no details. */
function parseAddPerson(values: ReturnType<typeof readAddPerson>) {
  const existing = isUuid(values.existingPersonId) ? values.existingPersonId : null;
  const person = newPersonSchema.safeParse(personInput(values));
  const circle = circleSchema.safeParse(values.circle);
  const tie = tieToChildSchema.safeParse(tieInput(values));
  const issues = [
    ...(existing || person.success ? [] : person.error.issues),
    ...(circle.success ? [] : circle.error.issues.map((issue) => ({ ...issue, path: ['circle'] }))),
    ...(tie.success ? [] : tie.error.issues),
  ];
  if (issues.length > 0) return { errors: formErrorsFrom(new z.ZodError(issues), fieldIds), add: null };
  return {
    errors: noErrors,
    add: { person: existing ? { existingPersonId: existing } : person.data!, circle: circle.data!, tie: tie.data! },
  };
}

export function registerAddPersonPage(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  const config = { access: { permission: 'child_record.change' }, audit: 'network.person_added' } as const;

  app.get<{ Params: { childId: string } }>(networkPaths.addPerson.pattern, { config }, async (request, reply) => {
    const network = await openNetwork(database, request, 'add_person_form');
    if (!network) {
      reply.callNotFound();
      return reply;
    }
    const blank = { kind: 'person', gender: 'unknown', closeness: 'moderate' };
    return renderAddPerson(reply, network, 200, blank, noErrors);
  });

  app.post<{ Params: { childId: string }; Body: FormBody }>(
    networkPaths.addPerson.pattern,
    { config },
    async (request: Request, reply) => {
      const { childId } = request.params;
      const network = await openNetwork(database, request, 'add_person_form');
      if (!network) {
        reply.callNotFound();
        return reply;
      }
      const values = readAddPerson(request.body ?? {});
      const parsed = parseAddPerson(values);
      if (!parsed.add) return renderAddPerson(reply, network, 400, values, parsed.errors);
      const { person, circle, tie } = parsed.add;
      // Someone with a similar name may already be recorded: ask before making a second record.
      if (!('existingPersonId' in person) && values.existingPersonId !== 'new') {
        const matches = (await call(request, possibleMatches, childId, values.fullName)) ?? [];
        const inNetwork = new Set(network.members.map((member) => member.id));
        const elsewhere = matches.filter((match) => !inNetwork.has(match.id));
        if (elsewhere.length > 0) return renderAddPerson(reply, network, 200, values, noErrors, elsewhere);
      }
      const added = await call(request, addPersonToNetwork, childId, { person, circle, relationshipToChild: tie });
      if (added.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      if (added.outcome === 'already_in_network') {
        const errors = singleFormError('existingPersonId', 'This person is already in the network');
        return renderAddPerson(reply, network, 400, values, errors);
      }
      return reply.redirect(recordAt(childId, 'network', 'person_added'), 303);
    },
  );
}
