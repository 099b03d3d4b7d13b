/**
 * The network's pages: add someone, record or change a relationship, mark someone as no longer
 * involved, the genogram, and SVG downloads. Every edit the ecomap makes in the browser can
 * be made here without JavaScript, through the same service and the same rules.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import {
  cleanText,
  formErrorsFrom,
  dateInputParts,
  isoDateFromParts,
  noErrors,
  singleFormError,
  type FormErrors,
} from '../../platform/http/forms.js';
import { childRecordPaths } from '../child-record/index.js';
import { layoutEcomap, renderEcomapSvg } from './ecomap.js';
import { layoutGenogram, renderGenogramSvg } from './genogram.js';
import { presentDate } from '../child-record/index.js';
import { displayName, shortName } from './graph.js';
import { networkPaths } from './paths.js';
import { graphOf } from './presenters.js';
import { circles, closenessLevels, qualities, supportDirections } from './schema.js';
import {
  addPersonToNetwork,
  changeRelationship,
  markNoLongerInvolved,
  mergePeople,
  personForEditing,
  savePersonDetails,
  possibleMatches,
  recordRelationship,
  viewNetwork,
  type NetworkView,
  type RelationshipView,
} from './service.js';
import {
  circleSchema,
  networkMessages,
  newPersonSchema,
  relationshipFactsSchema,
  relationshipTypeNames,
  relationshipTypes,
  tieToChildSchema,
} from './validation.js';
import { z } from 'zod';

type Body = Record<string, unknown>;
const text = (body: Body, name: string) => cleanText(body[name]);

/** GOV.UK date input names its fields prefix-Day, prefix-Month and prefix-Year. */
const dateField = (body: Body, prefix: string) => {
  const iso = isoDateFromParts(
    text(body, `${prefix}-Day`),
    text(body, `${prefix}-Month`),
    text(body, `${prefix}-Year`),
  );
  return iso === '' ? null : iso;
};
const yesNoUnknown = (value: string): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);
const fromYesNo = (value: boolean | null) => (value === true ? 'yes' : value === false ? 'no' : 'unknown');

const circleLabels = {
  family: 'Family',
  friends_and_community: 'Friends and community (including groups and places)',
  professional: 'Professionals',
};
const closenessLabels = { strong: 'Strong', moderate: 'Moderate', tenuous: 'Tenuous' };
const qualityLabels = {
  supportive: 'Supportive',
  mixed: 'Mixed',
  stressful: 'Stressful',
  broken: 'Broken off',
};

const items = (labels: Record<string, string>, chosen: unknown) =>
  Object.entries(labels).map(([value, label]) => ({ value, text: label, checked: chosen === value }));

/** The values of the tie fields as typed, kept for re-showing the form. */
function tieValues(body: Body) {
  return {
    type: text(body, 'type'),
    closeness: text(body, 'closeness'),
    quality: text(body, 'quality'),
    supportFlows: text(body, 'supportFlows'),
    lovesTheChild: text(body, 'lovesTheChild') || 'unknown',
    childLovesThem: text(body, 'childLovesThem') || 'unknown',
    lifelongConnection: text(body, 'lifelongConnection') === 'yes',
    safetyNetworkRole: text(body, 'safetyNetworkRole'),
    notes: text(body, 'notes'),
    startedDay: text(body, 'started-Day'),
    startedMonth: text(body, 'started-Month'),
    startedYear: text(body, 'started-Year'),
    endedDay: text(body, 'ended-Day'),
    endedMonth: text(body, 'ended-Month'),
    endedYear: text(body, 'ended-Year'),
  };
}
type TieValues = ReturnType<typeof tieValues>;

function tieFacts(values: TieValues, body: Body) {
  return {
    type: values.type,
    closeness: values.closeness,
    quality: values.quality,
    supportFlows: values.supportFlows,
    lovesTheChild: yesNoUnknown(values.lovesTheChild),
    childLovesThem: yesNoUnknown(values.childLovesThem),
    lifelongConnection: values.lifelongConnection,
    safetyNetworkRole: values.safetyNetworkRole,
    startedOn: dateField(body, 'started'),
    endedOn: dateField(body, 'ended'),
    notes: values.notes,
  };
}

function tieValuesOf(relationship: RelationshipView): TieValues {
  const started = dateInputParts(relationship.startedOn);
  const ended = dateInputParts(relationship.endedOn);
  return {
    type: relationship.type,
    closeness: relationship.closeness,
    quality: relationship.quality,
    supportFlows: relationship.supportFlows,
    lovesTheChild: fromYesNo(relationship.lovesTheChild),
    childLovesThem: fromYesNo(relationship.childLovesThem),
    lifelongConnection: relationship.lifelongConnection,
    safetyNetworkRole: relationship.safetyNetworkRole ?? '',
    notes: relationship.notes ?? '',
    startedDay: started.day,
    startedMonth: started.month,
    startedYear: started.year,
    endedDay: ended.day,
    endedMonth: ended.month,
    endedYear: ended.year,
  };
}

/** Everything the shared tie fields need to draw themselves. */
function tieFieldModel(values: Partial<TieValues>, names: { first: string; second: string; child: string }) {
  return {
    typeItems: [
      { value: '', text: 'Choose a relationship' },
      ...relationshipTypes.map((type) => ({
        value: type,
        text: relationshipTypeNames[type],
        selected: values.type === type,
      })),
    ],
    closenessItems: items(closenessLabels, values.closeness ?? 'moderate'),
    qualityItems: items(qualityLabels, values.quality ?? 'supportive'),
    supportItems: items(
      {
        from_first: `From ${names.first} to ${names.second}`,
        to_first: `From ${names.second} to ${names.first}`,
        both: 'Both ways',
        none: 'Not recorded',
      },
      values.supportFlows ?? 'from_first',
    ),
    lovesItems: items({ yes: 'Yes', no: 'No', unknown: 'Not said yet' }, values.lovesTheChild ?? 'unknown'),
    lovedItems: items({ yes: 'Yes', no: 'No', unknown: 'Not said yet' }, values.childLovesThem ?? 'unknown'),
    names,
  };
}

const tieFieldIds = {
  type: 'type',
  closeness: 'closeness',
  quality: 'quality',
  supportFlows: 'supportFlows',
  startedOn: 'startedOn-day',
  endedOn: 'endedOn-day',
  fromPersonId: 'fromPersonId',
  toPersonId: 'toPersonId',
  fullName: 'fullName',
  dateOfBirth: 'dateOfBirth-day',
  circle: 'circle',
};

export function registerNetworkRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;

  const openNetwork = async (request: FastifyRequest, reply: FastifyReply, childId: string, part: string) => {
    const network = await viewNetwork(database, request.actor!, childId, requestSource(request), { part });
    if (!network) reply.callNotFound();
    return network;
  };
  /** Opens the child's network and finds one person (or tie) in it; not found otherwise. */
  const openMember = async (
    request: FastifyRequest,
    reply: FastifyReply,
    childId: string,
    personId: string,
    part: string,
  ) => {
    const network = await openNetwork(request, reply, childId, part);
    if (!network) return null;
    const member = network.members.find((candidate) => candidate.id === personId);
    if (!member) reply.callNotFound();
    return member ? { network, member } : null;
  };
  const openTie = async (
    request: FastifyRequest,
    reply: FastifyReply,
    childId: string,
    relationshipId: string,
    part: string,
  ) => {
    const network = await openNetwork(request, reply, childId, part);
    if (!network) return null;
    const relationship = network.relationships.find((candidate) => candidate.id === relationshipId);
    if (!relationship) reply.callNotFound();
    return relationship ? { network, relationship } : null;
  };
  const backToNetwork = (childId: string, notice: string) =>
    `${childRecordPaths.record.href({ childId: childId })}?notice=${notice}#network`;

  // ---- Add someone to the child's world -------------------------------------------------
  const renderAddPerson = (
    reply: FastifyReply,
    network: NetworkView,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
    matches: { id: string; fullName: string; knownAs: string | null; dateOfBirth: string | null }[] = [],
  ) => {
    const childName = shortName(network.child);
    const personName = typeof values.fullName === 'string' && values.fullName ? values.fullName : 'them';
    return reply.status(status).render('network/views/add-person.njk', {
      pageTitle: `Add someone to ${childName}’s world`,
      childName,
      action: networkPaths.addPerson(network.child.id),
      backHref: `${childRecordPaths.record.href({ childId: network.child.id })}#network`,
      values,
      kindItems: items(
        { person: 'A person', group: 'A group or club', place: 'A place', online_community: 'An online community' },
        values.kind ?? 'person',
      ),
      genderItems: items(
        { female: 'Female', male: 'Male', other: 'Another way', unknown: 'Not known' },
        values.gender ?? 'unknown',
      ),
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
  };

  app.get<{ Params: { childId: string } }>(
    networkPaths.addPersonPattern,
    { config: { access: change } },
    async (request, reply) => {
      const network = await openNetwork(request, reply, request.params.childId, 'add_person_form');
      if (!network) return reply;
      return renderAddPerson(
        reply,
        network,
        200,
        { kind: 'person', gender: 'unknown', closeness: 'moderate' },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    networkPaths.addPersonPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const network = await openNetwork(request, reply, childId, 'add_person_form');
      if (!network) return reply;
      const tie = tieValues(body);
      const values = {
        ...tie,
        kind: text(body, 'kind') || 'person',
        fullName: text(body, 'fullName'),
        knownAs: text(body, 'knownAs'),
        pronouns: text(body, 'pronouns'),
        gender: text(body, 'gender') || 'unknown',
        dobDay: text(body, 'dob-Day'),
        dobMonth: text(body, 'dob-Month'),
        dobYear: text(body, 'dob-Year'),
        dateOfBirthIsApproximate: text(body, 'dateOfBirthIsApproximate') === 'yes',
        languages: text(body, 'languages'),
        contactDetails: text(body, 'contactDetails'),
        whatTheyBring: text(body, 'whatTheyBring'),
        circle: text(body, 'circle'),
        existingPersonId: text(body, 'existingPersonId'),
      };
      const existing = /^[0-9a-f-]{36}$/.test(values.existingPersonId) ? values.existingPersonId : null;
      const dateOfBirth = dateField(body, 'dob');
      const parsedPerson = newPersonSchema.safeParse({
        kind: values.kind,
        fullName: values.fullName,
        knownAs: values.knownAs,
        pronouns: values.pronouns,
        gender: values.gender,
        dateOfBirth,
        dateOfBirthIsApproximate: values.dateOfBirthIsApproximate,
        languages: values.languages
          .split(',')
          .map((language) => language.trim())
          .filter(Boolean),
        contactDetails: values.contactDetails,
        whatTheyBring: values.whatTheyBring,
      });
      const parsedCircle = circleSchema.safeParse(values.circle);
      const parsedTie = tieToChildSchema.safeParse(tieFacts(tie, body));
      const errors = [
        ...(existing || parsedPerson.success ? [] : parsedPerson.error.issues),
        ...(parsedCircle.success ? [] : parsedCircle.error.issues.map((issue) => ({ ...issue, path: ['circle'] }))),
        ...(parsedTie.success ? [] : parsedTie.error.issues),
      ];
      if (errors.length > 0) {
        return renderAddPerson(
          reply,
          network,
          400,
          values,
          formErrorsFrom(new z.ZodError(errors), { ...tieFieldIds, dateOfBirth: 'dob-day' }),
        );
      }
      // Someone with a similar name may already be recorded: ask before making a second record.
      if (!existing && values.existingPersonId !== 'new') {
        const matches =
          (await possibleMatches(database, request.actor!, childId, values.fullName, requestSource(request))) ?? [];
        const inNetwork = new Set(network.members.map((member) => member.id));
        const elsewhere = matches.filter((match) => !inNetwork.has(match.id));
        if (elsewhere.length > 0) return renderAddPerson(reply, network, 200, values, noErrors, elsewhere);
      }
      const added = await addPersonToNetwork(
        database,
        request.actor!,
        childId,
        {
          person: existing ? { existingPersonId: existing } : parsedPerson.data!,
          circle: parsedCircle.data!,
          relationshipToChild: parsedTie.data!,
        },
        requestSource(request),
      );
      if (added.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      if (added.outcome === 'already_in_network') {
        return renderAddPerson(
          reply,
          network,
          400,
          values,
          singleFormError('existingPersonId', 'This person is already in the network'),
        );
      }
      return reply.redirect(backToNetwork(childId, 'person_added'), 303);
    },
  );

  // ---- Record a relationship between any two people ---------------------------------------
  const peopleItems = (network: NetworkView, chosen: unknown) => [
    { value: '', text: 'Choose a person' },
    ...[network.child, ...network.members].map((person) => ({
      value: person.id,
      text: displayName(person),
      selected: chosen === person.id,
    })),
  ];

  const renderAddRelationship = (
    reply: FastifyReply,
    network: NetworkView,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) => {
    const childName = shortName(network.child);
    return reply.status(status).render('network/views/relationship.njk', {
      pageTitle: 'Record a relationship',
      heading: 'Record a relationship between two people',
      childName,
      action: networkPaths.addRelationship(network.child.id),
      backHref: `${childRecordPaths.record.href({ childId: network.child.id })}#network`,
      values,
      fromItems: peopleItems(network, values.fromPersonId),
      toItems: peopleItems(network, values.toPersonId),
      choosePeople: true,
      tie: tieFieldModel(values, {
        first: 'the first person',
        second: 'the second person',
        child: childName,
      }),
      ...errors,
    });
  };

  app.get<{ Params: { childId: string } }>(
    networkPaths.addRelationshipPattern,
    { config: { access: change } },
    async (request, reply) => {
      const network = await openNetwork(request, reply, request.params.childId, 'relationship_form');
      if (!network) return reply;
      return renderAddRelationship(reply, network, 200, {}, noErrors);
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    networkPaths.addRelationshipPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const network = await openNetwork(request, reply, childId, 'relationship_form');
      if (!network) return reply;
      const values = {
        ...tieValues(body),
        fromPersonId: text(body, 'fromPersonId'),
        toPersonId: text(body, 'toPersonId'),
      };
      const parsed = relationshipFactsSchema.safeParse({
        ...tieFacts(values, body),
        fromPersonId: values.fromPersonId,
        toPersonId: values.toPersonId,
      });
      if (!parsed.success)
        return renderAddRelationship(reply, network, 400, values, formErrorsFrom(parsed.error, tieFieldIds));
      const saved = await recordRelationship(database, request.actor!, childId, parsed.data, requestSource(request));
      if (saved.outcome === 'duplicate') {
        return renderAddRelationship(reply, network, 400, values, singleFormError('type', networkMessages.duplicate));
      }
      if (saved.outcome !== 'saved') {
        return renderAddRelationship(
          reply,
          network,
          400,
          values,
          singleFormError('fromPersonId', networkMessages.choosePerson),
        );
      }
      return reply.redirect(backToNetwork(childId, 'relationship_added'), 303);
    },
  );

  // ---- Change a relationship ----------------------------------------------------------------
  const renderChangeRelationship = (
    reply: FastifyReply,
    network: NetworkView,
    relationship: RelationshipView,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
    conflict: RelationshipView | null = null,
  ) => {
    const childName = shortName(network.child);
    const everyone = [network.child, ...network.members];
    const nameOf = (id: string) => {
      const person = everyone.find((candidate) => candidate.id === id);
      return person ? shortName(person) : 'them';
    };
    const first = nameOf(relationship.fromPersonId);
    const second = nameOf(relationship.toPersonId);
    return reply.status(status).render('network/views/relationship.njk', {
      pageTitle: conflict ? 'Someone else changed this relationship' : `Change how ${first} and ${second} relate`,
      heading: conflict ? 'Someone else changed this relationship' : `Change how ${first} and ${second} relate`,
      childName,
      action: networkPaths.relationship(network.child.id, relationship.id),
      backHref: `${childRecordPaths.record.href({ childId: network.child.id })}#people`,
      values: { ...values, expectedVersion: conflict?.version ?? values.expectedVersion },
      choosePeople: false,
      askReason: true,
      conflict: conflict
        ? {
            closeness: closenessLabels[conflict.closeness],
            quality: qualityLabels[conflict.quality],
            type: relationshipTypeNames[conflict.type as keyof typeof relationshipTypeNames] ?? conflict.type,
          }
        : null,
      tie: tieFieldModel(values, { first, second, child: childName }),
      ...errors,
    });
  };

  app.get<{ Params: { childId: string; relationshipId: string } }>(
    networkPaths.relationshipPattern,
    { config: { access: change } },
    async (request, reply) => {
      const opened = await openTie(
        request,
        reply,
        request.params.childId,
        request.params.relationshipId,
        'relationship_form',
      );
      if (!opened) return reply;
      const { network, relationship } = opened;
      return renderChangeRelationship(
        reply,
        network,
        relationship,
        200,
        { ...tieValuesOf(relationship), expectedVersion: relationship.version },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string; relationshipId: string }; Body: Body }>(
    networkPaths.relationshipPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, relationshipId } = request.params;
      const body = request.body ?? {};
      const opened = await openTie(request, reply, childId, relationshipId, 'relationship_form');
      if (!opened) return reply;
      const { network, relationship } = opened;
      const values = {
        ...tieValues(body),
        reason: text(body, 'reason'),
        expectedVersion: text(body, 'expectedVersion'),
      };
      const parsed = relationshipFactsSchema.safeParse({
        ...tieFacts(values, body),
        fromPersonId: relationship.fromPersonId,
        toPersonId: relationship.toPersonId,
      });
      const reason = z.string().trim().max(2000, networkMessages.reasonTooLong).safeParse(values.reason);
      if (!parsed.success || !reason.success) {
        const issues = [
          ...(parsed.success ? [] : parsed.error.issues),
          ...(reason.success ? [] : reason.error.issues.map((issue) => ({ ...issue, path: ['reason'] }))),
        ];
        return renderChangeRelationship(
          reply,
          network,
          relationship,
          400,
          values,
          formErrorsFrom(new z.ZodError(issues), tieFieldIds),
        );
      }
      const saved = await changeRelationship(
        database,
        request.actor!,
        childId,
        relationshipId,
        { facts: parsed.data, expectedVersion: Number(values.expectedVersion) || 0, reason: reason.data || null },
        requestSource(request),
      );
      if (saved.outcome === 'conflict') {
        // Nothing typed is lost: the form keeps this person's changes and shows what is there now.
        return renderChangeRelationship(reply, network, relationship, 409, values, noErrors, saved.current);
      }
      if (saved.outcome === 'duplicate') {
        return renderChangeRelationship(
          reply,
          network,
          relationship,
          400,
          values,
          singleFormError('type', networkMessages.duplicate),
        );
      }
      if (saved.outcome !== 'saved') {
        reply.callNotFound();
        return reply;
      }
      return reply.redirect(backToNetwork(childId, 'relationship_changed'), 303);
    },
  );

  // ---- No longer involved -------------------------------------------------------------------
  const renderNoLongerInvolved = (
    reply: FastifyReply,
    network: NetworkView,
    personName: string,
    personId: string,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) =>
    reply.status(status).render('network/views/no-longer-involved.njk', {
      pageTitle: `${personName} is no longer involved`,
      personName,
      childName: shortName(network.child),
      action: networkPaths.noLongerInvolved(network.child.id, personId),
      backHref: `${childRecordPaths.record.href({ childId: network.child.id })}#people`,
      values,
      ...errors,
    });

  const memberOf = (network: NetworkView, personId: string) => network.members.find((member) => member.id === personId);

  app.get<{ Params: { childId: string; personId: string } }>(
    networkPaths.noLongerInvolvedPattern,
    { config: { access: change } },
    async (request, reply) => {
      const opened = await openMember(
        request,
        reply,
        request.params.childId,
        request.params.personId,
        'network_member_form',
      );
      if (!opened) return reply;
      const { network, member } = opened;
      const today = dateInputParts(new Date().toISOString().slice(0, 10));
      return renderNoLongerInvolved(
        reply,
        network,
        displayName(member),
        member.id,
        200,
        { onDay: today.day, onMonth: today.month, onYear: today.year },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string; personId: string }; Body: Body }>(
    networkPaths.noLongerInvolvedPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, personId } = request.params;
      const body = request.body ?? {};
      const opened = await openMember(request, reply, childId, personId, 'network_member_form');
      if (!opened) return reply;
      const { network, member } = opened;
      const values = {
        onDay: text(body, 'on-Day'),
        onMonth: text(body, 'on-Month'),
        onYear: text(body, 'on-Year'),
        reason: text(body, 'reason'),
      };
      const form = z.object({
        on: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, networkMessages.dateReal)
          .refine((value) => value <= new Date().toISOString().slice(0, 10), networkMessages.dateFuture),
        reason: z.string().trim().min(1, networkMessages.enterReason).max(2000, networkMessages.reasonTooLong),
      });
      const parsed = form.safeParse({
        on: isoDateFromParts(values.onDay, values.onMonth, values.onYear),
        reason: values.reason,
      });
      if (!parsed.success) {
        return renderNoLongerInvolved(
          reply,
          network,
          displayName(member),
          personId,
          400,
          values,
          formErrorsFrom(parsed.error, { on: 'on-day' }),
        );
      }
      await markNoLongerInvolved(database, request.actor!, childId, personId, parsed.data, requestSource(request));
      return reply.redirect(backToNetwork(childId, 'no_longer_involved'), 303);
    },
  );

  // ---- Change someone's details -------------------------------------------------------------
  const personValues = (body: Body) => ({
    kind: text(body, 'kind') || 'person',
    fullName: text(body, 'fullName'),
    knownAs: text(body, 'knownAs'),
    pronouns: text(body, 'pronouns'),
    gender: text(body, 'gender') || 'unknown',
    dobDay: text(body, 'dob-Day'),
    dobMonth: text(body, 'dob-Month'),
    dobYear: text(body, 'dob-Year'),
    dateOfBirthIsApproximate: text(body, 'dateOfBirthIsApproximate') === 'yes',
    languages: text(body, 'languages'),
    contactDetails: text(body, 'contactDetails'),
    whatTheyBring: text(body, 'whatTheyBring'),
  });
  const renderPerson = (
    reply: FastifyReply,
    childId: string,
    personId: string,
    personName: string,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
    conflict: string | null = null,
  ) =>
    reply.status(status).render('network/views/person-details.njk', {
      pageTitle: `Change ${personName}’s details`,
      heading: `Change ${personName}’s details`,
      childName: 'the child',
      action: networkPaths.person(childId, personId),
      backHref: `${childRecordPaths.record.href({ childId: childId })}#people`,
      values,
      conflict,
      kindItems: items(
        { person: 'A person', group: 'A group or club', place: 'A place', online_community: 'An online community' },
        values.kind,
      ),
      genderItems: items({ female: 'Female', male: 'Male', other: 'Another way', unknown: 'Not known' }, values.gender),
      ...errors,
    });

  app.get<{ Params: { childId: string; personId: string } }>(
    networkPaths.personPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, personId } = request.params;
      const found = await personForEditing(database, request.actor!, childId, personId, requestSource(request));
      if (!found) {
        reply.callNotFound();
        return reply;
      }
      const { person } = found;
      const born = dateInputParts(person.dateOfBirth);
      return renderPerson(
        reply,
        childId,
        personId,
        displayName(person),
        200,
        {
          kind: person.kind,
          fullName: person.fullName,
          knownAs: person.knownAs ?? '',
          pronouns: person.pronouns ?? '',
          gender: person.gender,
          dobDay: born.day,
          dobMonth: born.month,
          dobYear: born.year,
          dateOfBirthIsApproximate: person.dateOfBirthIsApproximate,
          languages: person.languages.join(', '),
          contactDetails: person.contactDetails ?? '',
          whatTheyBring: person.whatTheyBring ?? '',
          expectedVersion: found.version,
          reason: '',
        },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string; personId: string }; Body: Body }>(
    networkPaths.personPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, personId } = request.params;
      const body = request.body ?? {};
      const found = await personForEditing(database, request.actor!, childId, personId, requestSource(request));
      if (!found) {
        reply.callNotFound();
        return reply;
      }
      const values = {
        ...personValues(body),
        reason: text(body, 'reason'),
        expectedVersion: text(body, 'expectedVersion'),
      };
      const parsed = newPersonSchema.safeParse({
        ...values,
        dateOfBirth: dateField(body, 'dob'),
        diedOn: found.person.diedOn,
        languages: values.languages
          .split(',')
          .map((language) => language.trim())
          .filter(Boolean),
      });
      const reason = z
        .string()
        .trim()
        .min(1, 'Explain why you are making this change')
        .max(2000, networkMessages.reasonTooLong)
        .safeParse(values.reason);
      if (!parsed.success || !reason.success) {
        const issues = [
          ...(parsed.success ? [] : parsed.error.issues),
          ...(reason.success ? [] : reason.error.issues.map((issue) => ({ ...issue, path: ['reason'] }))),
        ];
        return renderPerson(
          reply,
          childId,
          personId,
          displayName(found.person),
          400,
          values,
          formErrorsFrom(new z.ZodError(issues), { dateOfBirth: 'dob-day' }),
        );
      }
      const saved = await savePersonDetails(
        database,
        request.actor!,
        childId,
        personId,
        { details: parsed.data, expectedVersion: Number(values.expectedVersion) || 0, reason: reason.data },
        requestSource(request),
      );
      if (saved.outcome === 'conflict') {
        return renderPerson(
          reply,
          childId,
          personId,
          displayName(found.person),
          409,
          { ...values, expectedVersion: saved.theirVersion },
          noErrors,
          saved.theirAuthor,
        );
      }
      if (saved.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return reply.redirect(
        backToNetwork(childId, saved.outcome === 'saved' ? 'person_changed' : 'person_unchanged'),
        303,
      );
    },
  );

  // ---- Recorded twice: merge --------------------------------------------------------------------
  const renderMerge = (
    reply: FastifyReply,
    network: NetworkView,
    duplicate: NetworkView['members'][number],
    status: number,
    errors: FormErrors,
    chosen = '',
  ) => {
    const words = new Set(duplicate.fullName.toLowerCase().split(/\s+/));
    const others = network.members
      .filter((member) => member.id !== duplicate.id)
      .map((member) => ({
        member,
        similar: member.fullName
          .toLowerCase()
          .split(/\s+/)
          .some((word) => words.has(word)),
      }))
      .sort((a, b) => Number(b.similar) - Number(a.similar) || a.member.fullName.localeCompare(b.member.fullName));
    return reply.status(status).render('network/views/merge.njk', {
      pageTitle: `Is ${displayName(duplicate)} recorded twice?`,
      duplicateName: displayName(duplicate),
      childName: shortName(network.child),
      action: networkPaths.merge(network.child.id, duplicate.id),
      backHref: `${childRecordPaths.record.href({ childId: network.child.id })}#people`,
      keptItems: [
        { value: '', text: 'Choose the record to keep' },
        ...others.map(({ member, similar }) => ({
          value: member.id,
          text: `${displayName(member)}${member.dateOfBirth ? `, born ${presentDate(member.dateOfBirth)}` : ''}${similar ? ' (similar name)' : ''}`,
          selected: chosen === member.id,
        })),
      ],
      ...errors,
    });
  };

  app.get<{ Params: { childId: string; personId: string } }>(
    networkPaths.mergePattern,
    { config: { access: change } },
    async (request, reply) => {
      const opened = await openMember(request, reply, request.params.childId, request.params.personId, 'merge_form');
      if (!opened) return reply;
      const { network, member: duplicate } = opened;
      return renderMerge(reply, network, duplicate, 200, noErrors);
    },
  );

  app.post<{ Params: { childId: string; personId: string }; Body: Body }>(
    networkPaths.mergePattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, personId } = request.params;
      const opened = await openMember(request, reply, childId, personId, 'merge_form');
      if (!opened) return reply;
      const { network, member: duplicate } = opened;
      const keptId = text(request.body ?? {}, 'keptId');
      if (!memberOf(network, keptId) || keptId === personId) {
        return renderMerge(
          reply,
          network,
          duplicate,
          400,
          singleFormError('keptId', 'Choose the record to keep'),
          keptId,
        );
      }
      const merged = await mergePeople(
        database,
        request.actor!,
        childId,
        { duplicateId: personId, keptId },
        requestSource(request),
      );
      if (merged.outcome !== 'merged') {
        return renderMerge(
          reply,
          network,
          duplicate,
          400,
          singleFormError('keptId', 'Choose the record to keep'),
          keptId,
        );
      }
      return reply.redirect(backToNetwork(childId, 'merged'), 303);
    },
  );

  // ---- Genogram ------------------------------------------------------------------------------
  app.get<{ Params: { childId: string } }>(
    networkPaths.genogramPattern,
    { config: { access: view } },
    async (request, reply) => {
      const network = await openNetwork(request, reply, request.params.childId, 'genogram');
      if (!network) return reply;
      const childName = shortName(network.child);
      const layout = layoutGenogram(graphOf(network), network.households);
      const generationNames = [
        'Oldest generation shown',
        'Next generation',
        'Next generation',
        'Next generation',
        'Next generation',
      ];
      return reply.render('network/views/genogram.njk', {
        pageTitle: `${childName}’s genogram`,
        childName,
        backHref: `${childRecordPaths.record.href({ childId: network.child.id })}#network`,
        svg: renderGenogramSvg(layout, childName, { personHref: (id) => `#g-${id}` }),
        downloadHref: networkPaths.genogramSvg(network.child.id),
        warnings: layout.warnings,
        generations: Array.from({ length: layout.generations }, (_, index) => ({
          name:
            index === layout.generations - 1
              ? `${childName}’s generation`
              : (generationNames[index] ?? 'Next generation'),
          people: layout.people
            .filter((entry) => entry.generation === index)
            .map((entry) => ({
              anchor: `g-${entry.person.id}`,
              name: displayName(entry.person),
              born: entry.person.dateOfBirth ? presentDate(entry.person.dateOfBirth) : 'Date of birth not recorded',
              died: entry.person.diedOn ? presentDate(entry.person.diedOn) : null,
            })),
        })),
      });
    },
  );

  app.get<{ Params: { childId: string } }>(
    networkPaths.genogramSvgPattern,
    { config: { access: view } },
    async (request, reply) => {
      const network = await openNetwork(request, reply, request.params.childId, 'genogram_download');
      if (!network) return reply;
      const childName = shortName(network.child);
      const svg = renderGenogramSvg(layoutGenogram(graphOf(network), network.households), childName);
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="genogram-${childName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.svg"`,
        )
        .header('cache-control', 'no-store')
        .send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
    },
  );

  // ---- Downloads -----------------------------------------------------------------------------
  app.get<{ Params: { childId: string } }>(
    networkPaths.ecomapSvgPattern,
    { config: { access: view } },
    async (request, reply) => {
      const network = await openNetwork(request, reply, request.params.childId, 'ecomap_download');
      if (!network) return reply;
      const svg = renderEcomapSvg(layoutEcomap(graphOf(network)));
      const fileName = `ecomap-${shortName(network.child)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')}.svg`;
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
    },
  );
}

export { circles, closenessLevels, qualities, supportDirections };
