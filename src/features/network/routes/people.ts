/** Someone in the network: changing their details, marking them as no longer involved, merging a record made twice. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { dateInputParts, isoDateFromParts, noErrors, singleFormError } from '../../../platform/http/forms.js';
import { readText, registerQuestionPage } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { displayName, shortName } from '../graph.js';
import { personInput, personValuesOf, readPerson, type PersonValues } from '../forms.js';
import { networkPaths } from '../paths.js';
import { keptItems, personItems } from '../presenters.js';
import { markNoLongerInvolved, mergePeople, personForEditing, savePersonDetails } from '../service.js';
import { networkMessages, newPersonSchema } from '../validation.js';
import { backToNetwork, openMember, recordAt } from './opening.js';

type PersonParams = { childId: string; personId: string };
const change = { permission: 'child_record.change' } as const;
const today = () => new Date().toISOString().slice(0, 10);

const noLongerInvolvedSchema = z.object({
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, networkMessages.dateReal)
    .refine((value) => value <= today(), networkMessages.dateFuture),
  reason: z.string().trim().min(1, networkMessages.enterReason).max(2000, networkMessages.reasonTooLong),
});

/** Someone's details changed on their page, with why. */
const changedPersonSchema = newPersonSchema.extend({
  reason: z.string().trim().min(1, 'Explain why you are making this change').max(2000, networkMessages.reasonTooLong),
});

export function registerPersonPages(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  type Opened = NonNullable<Awaited<ReturnType<typeof openMember>>>;

  registerQuestionPage<
    PersonParams,
    Opened,
    Record<'onDay' | 'onMonth' | 'onYear' | 'reason', string>,
    z.infer<typeof noLongerInvolvedSchema>
  >(app, networkPaths.noLongerInvolved.pattern, change, {
    audit: { show: 'network.change', save: 'network.person_no_longer_involved' },
    load: (request) => openMember(database, request, 'network_member_form'),
    blank: () => {
      const on = dateInputParts(today());
      return { onDay: on.day, onMonth: on.month, onYear: on.year, reason: '' };
    },
    read: (body) => ({
      onDay: readText(body, 'on-Day'),
      onMonth: readText(body, 'on-Month'),
      onYear: readText(body, 'on-Year'),
      reason: readText(body, 'reason'),
    }),
    schema: noLongerInvolvedSchema,
    input: (values) => ({ on: isoDateFromParts(values.onDay, values.onMonth, values.onYear), reason: values.reason }),
    fieldIds: { on: 'on-day' },
    view: ({ network, member }, values) => {
      const personName = displayName(member);
      return {
        template: 'network/views/no-longer-involved.njk',
        context: {
          pageTitle: `${personName} is no longer involved`,
          personName,
          childName: shortName(network.child),
          action: networkPaths.noLongerInvolved.href({ childId: network.child.id, personId: member.id }),
          backHref: recordAt(network.child.id, 'people'),
          values,
        },
      };
    },
    save: async (change, _values, request, load) => {
      if (!(await load())) return 'not_found';
      const { childId, personId } = request.params;
      await call(request, markNoLongerInvolved, childId, personId, change);
      return backToNetwork(childId, 'no_longer_involved');
    },
  });

  type PersonForm = PersonValues & { reason: string; expectedVersion: string };
  type Found = NonNullable<Awaited<ReturnType<typeof personForEditing>>>;
  registerQuestionPage<PersonParams, Found, PersonForm, z.infer<typeof changedPersonSchema>, string>(
    app,
    networkPaths.person.pattern,
    change,
    {
      audit: { show: 'network.change', save: 'network.person_changed' },
      load: (request) => call(request, personForEditing, request.params.childId, request.params.personId),
      blank: ({ person, version }) => ({ ...personValuesOf(person), expectedVersion: String(version), reason: '' }),
      read: (body) => ({
        ...readPerson(body),
        reason: readText(body, 'reason'),
        expectedVersion: readText(body, 'expectedVersion'),
      }),
      schema: changedPersonSchema,
      input: (values) => ({ ...personInput(values), reason: values.reason }),
      fieldIds: { dateOfBirth: 'dob-day' },
      view: ({ person }, values, _errors, conflict, request) => {
        const personName = displayName(person);
        return {
          template: 'network/views/person-details.njk',
          context: {
            pageTitle: `Change ${personName}’s details`,
            heading: `Change ${personName}’s details`,
            childName: 'the child',
            action: networkPaths.person.href(request.params),
            backHref: recordAt(request.params.childId, 'people'),
            values,
            conflict: conflict ?? null,
            ...personItems(values),
          },
        };
      },
      save: async ({ reason, ...details }, values, request, load) => {
        const found = await load();
        if (!found) return 'not_found';
        const { childId, personId } = request.params;
        const saved = await call(request, savePersonDetails, childId, personId, {
          // Date of death is not on this form: it stays as recorded.
          details: { ...details, diedOn: found.person.diedOn },
          expectedVersion: Number(values.expectedVersion) || 0,
          reason,
        });
        if (saved.outcome === 'conflict') {
          const kept = { ...values, expectedVersion: String(saved.theirVersion) };
          return { errors: noErrors, status: 409, values: kept, extra: saved.theirAuthor };
        }
        if (saved.outcome === 'not_found') return 'not_found';
        return backToNetwork(childId, saved.outcome === 'saved' ? 'person_changed' : 'person_unchanged');
      },
    },
  );

  const chooseKept = singleFormError('keptId', 'Choose the record to keep');
  registerQuestionPage<PersonParams, Opened, { keptId: string }, { keptId: string }>(
    app,
    networkPaths.merge.pattern,
    change,
    {
      audit: { show: 'network.change', save: 'network.people_merged' },
      load: (request) => openMember(database, request, 'merge_form'),
      blank: () => ({ keptId: '' }),
      read: (body) => ({ keptId: readText(body, 'keptId') }),
      schema: z.object({ keptId: z.string() }),
      view: ({ network, member: duplicate }, values) => ({
        template: 'network/views/merge.njk',
        context: {
          pageTitle: `Is ${displayName(duplicate)} recorded twice?`,
          duplicateName: displayName(duplicate),
          childName: shortName(network.child),
          action: networkPaths.merge.href({ childId: network.child.id, personId: duplicate.id }),
          backHref: recordAt(network.child.id, 'people'),
          keptItems: keptItems(network, duplicate, values.keptId),
        },
      }),
      save: async ({ keptId }, _values, request, load) => {
        const opened = await load();
        if (!opened) return 'not_found';
        const { childId, personId } = request.params;
        // The record kept must be someone else in this child's network.
        if (keptId === personId || !opened.network.members.some((member) => member.id === keptId)) {
          return { errors: chooseKept };
        }
        const merge = { duplicateId: personId, keptId };
        const merged = await call(request, mergePeople, childId, merge);
        if (merged.outcome !== 'merged') return { errors: chooseKept };
        return backToNetwork(childId, 'merged');
      },
    },
  );
}
