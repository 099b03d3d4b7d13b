/** Recording a relationship between any two people in the network, and changing one. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { noErrors, singleFormError } from '../../../platform/http/forms.js';
import { readText, registerQuestionPage, type FormValues } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { shortName } from '../graph.js';
import { fieldIds, readTie, tieInput, tieValuesOf, type TieValues } from '../forms.js';
import { networkPaths } from '../paths.js';
import { closenessLabels, peopleItems, qualityLabels, tieFieldModel } from '../presenters.js';
import { changeRelationship, recordRelationship, type NetworkView, type RelationshipView } from '../service.js';
import {
  networkMessages,
  relationshipFactsSchema,
  relationshipTypeNames,
  tieToChildSchema,
  type RelationshipInput,
} from '../validation.js';
import { backToNetwork, openNetwork, openTie, recordAt } from './opening.js';

const change = { permission: 'child_record.change' } as const;

/** A relationship changed on its page: the tie's facts (its two people stay) and what has changed. */
const changedTieSchema = tieToChildSchema.and(
  z.object({ reason: z.string().trim().max(2000, networkMessages.reasonTooLong) }),
);

export function registerRelationshipPages(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  registerQuestionPage<{ childId: string }, NetworkView, FormValues, RelationshipInput>(
    app,
    networkPaths.addRelationship.pattern,
    change,
    {
      audit: { show: 'network.change', save: 'network.relationship_added' },
      load: (request) => openNetwork(database, request, 'relationship_form'),
      blank: () => ({}),
      read: (body) => ({
        ...readTie(body),
        fromPersonId: readText(body, 'fromPersonId'),
        toPersonId: readText(body, 'toPersonId'),
      }),
      schema: relationshipFactsSchema,
      input: (values) => ({
        ...tieInput(values as TieValues),
        fromPersonId: values.fromPersonId,
        toPersonId: values.toPersonId,
      }),
      fieldIds,
      view: (network, values) => {
        const childName = shortName(network.child);
        return {
          template: 'network/views/relationship.njk',
          context: {
            pageTitle: 'Record a relationship',
            heading: 'Record a relationship between two people',
            childName,
            action: networkPaths.addRelationship.href({ childId: network.child.id }),
            backHref: recordAt(network.child.id, 'network'),
            values,
            fromItems: peopleItems(network, values.fromPersonId),
            toItems: peopleItems(network, values.toPersonId),
            choosePeople: true,
            tie: tieFieldModel(values, { first: 'the first person', second: 'the second person', child: childName }),
          },
        };
      },
      save: async (facts, _values, request, load) => {
        if (!(await load())) return 'not_found';
        const { childId } = request.params;
        const saved = await call(request, recordRelationship, childId, facts);
        if (saved.outcome === 'duplicate') return { errors: singleFormError('type', networkMessages.duplicate) };
        if (saved.outcome !== 'saved') return { errors: singleFormError('fromPersonId', networkMessages.choosePerson) };
        return backToNetwork(childId, 'relationship_added');
      },
    },
  );

  type Opened = NonNullable<Awaited<ReturnType<typeof openTie>>>;
  type ChangeValues = TieValues & { reason: string; expectedVersion: string };
  registerQuestionPage<
    { childId: string; relationshipId: string },
    Opened,
    ChangeValues,
    z.infer<typeof changedTieSchema>,
    RelationshipView
  >(app, networkPaths.relationship.pattern, change, {
    audit: { show: 'network.change', save: 'network.relationship_changed' },
    load: (request) => openTie(database, request, 'relationship_form'),
    blank: ({ relationship }) => ({
      ...tieValuesOf(relationship),
      reason: '',
      expectedVersion: String(relationship.version),
    }),
    read: (body) => ({
      ...readTie(body),
      reason: readText(body, 'reason'),
      expectedVersion: readText(body, 'expectedVersion'),
    }),
    schema: changedTieSchema,
    input: (values) => ({ ...tieInput(values), reason: values.reason }),
    fieldIds,
    view: ({ network, relationship }, values, _errors, conflict) => {
      const childName = shortName(network.child);
      const everyone = [network.child, ...network.members];
      const nameOf = (id: string) => {
        const person = everyone.find((candidate) => candidate.id === id);
        return person ? shortName(person) : 'them';
      };
      const first = nameOf(relationship.fromPersonId);
      const second = nameOf(relationship.toPersonId);
      const heading = conflict ? 'Someone else changed this relationship' : `Change how ${first} and ${second} relate`;
      return {
        template: 'network/views/relationship.njk',
        context: {
          pageTitle: heading,
          heading,
          childName,
          action: networkPaths.relationship.href({ childId: network.child.id, relationshipId: relationship.id }),
          backHref: recordAt(network.child.id, 'people'),
          values: { ...values, expectedVersion: conflict ? String(conflict.version) : values.expectedVersion },
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
        },
      };
    },
    save: async ({ reason, ...tie }, values, request, load) => {
      const opened = await load();
      if (!opened) return 'not_found';
      const { childId, relationshipId } = request.params;
      const { fromPersonId, toPersonId } = opened.relationship;
      const saved = await call(request, changeRelationship, childId, relationshipId, {
        facts: { ...tie, fromPersonId, toPersonId },
        expectedVersion: Number(values.expectedVersion) || 0,
        reason: reason || null,
      });
      // Nothing typed is lost: the form keeps this person's changes and shows what is there now.
      if (saved.outcome === 'conflict') return { errors: noErrors, status: 409, extra: saved.current };
      if (saved.outcome === 'duplicate') return { errors: singleFormError('type', networkMessages.duplicate) };
      if (saved.outcome !== 'saved') return 'not_found';
      return backToNetwork(childId, 'relationship_changed');
    },
  });
}
