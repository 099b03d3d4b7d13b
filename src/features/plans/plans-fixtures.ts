/**
 * For the plans tests only: a council with a child, their family and network, a mapping made
 * directly in the mapping tables (the mapping's own pages are built elsewhere), and accounts for
 * the allocated practitioner, a family member, a partner agency worker and an unrelated worker.
 */
import type { FastifyInstance } from 'fastify';
import assert from 'node:assert/strict';
import type { Database } from '../../platform/db/database.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { findPlan } from './queries.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { shareChildRecord } from '../../platform/identity/accounts.js';
import { createCouncilWithChild, createTestAccount, signIn } from '../../../test/helpers/accounts.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { mappingChildren, mappingEntries, mappings } from '../mapping/schema.js';
import { insertMember } from '../network/queries.js';
import { insertPerson } from '../people/queries.js';

export async function createPlanningCouncil(database: Database, options: { withMapping?: boolean } = {}) {
  const setup = await createCouncilWithChild(database);
  const tenantId = setup.council.id;
  const people = await withTenant(database.orm, tenantId, async (tx) => {
    const add = async (fullName: string, circle: 'family' | 'friends_and_community' | 'professional') => {
      const personId = await insertPerson(tx, tenantId, { fullName });
      await insertMember(tx, tenantId, { childPersonId: setup.childId, personId, circle });
      return personId;
    };
    return {
      sarah: await add('Sarah Test', 'family'),
      nan: await add('Jean Test', 'family'),
      coach: await add('Sam Coach', 'friends_and_community'),
      worker: await add('Priya Patel', 'professional'),
    };
  });
  let mapping: { mappingId: string; worryId: string; safetyGoalId: string; nextStepId: string } | null = null;
  if (options.withMapping !== false) {
    mapping = await withTenant(database.orm, tenantId, async (tx) => {
      const [made] = await tx
        .insert(mappings)
        .values({
          tenantId,
          childPersonId: setup.childId,
          title: 'Mapping with Robin’s family',
          heldOn: '2026-10-01',
          scalingQuestion: 'How safe is Robin at home?',
          scaleZeroMeans: 'Robin cannot stay at home',
          scaleTenMeans: 'Everyone knows Robin is safe enough',
          createdByLabel: 'Test',
        })
        .returning({ id: mappings.id });
      await tx.insert(mappingChildren).values({ tenantId, mappingId: made!.id, childPersonId: setup.childId });
      const entry = async (values: Partial<typeof mappingEntries.$inferInsert>) => {
        const [row] = await tx
          .insert(mappingEntries)
          .values({
            tenantId,
            mappingId: made!.id,
            viewOfKind: 'professional',
            viewOfName: 'Priya Patel',
            statement: '',
            section: 'past_harm',
            ...values,
          })
          .returning({ id: mappingEntries.id });
        return row!.id;
      };
      return {
        mappingId: made!.id,
        worryId: await entry({ section: 'past_harm', statement: 'Robin missed school for three weeks' }),
        safetyGoalId: await entry({
          section: 'safety_goal',
          statement: 'Robin gets to school every day with a grown-up they trust',
          viewOfKind: 'family',
          viewOfName: 'Sarah Test',
        }),
        nextStepId: await entry({
          section: 'next_step',
          statement: 'Sarah sets up a school run rota with Nan',
          stepOwnerPersonId: people.sarah,
          stepOwnerName: 'Sarah Test',
          stepDueOn: '2026-12-01',
        }),
      };
    });
  }
  const family = await createTestAccount(database, tenantId, {
    roles: ['family_member'],
    kind: 'family',
    personId: people.sarah,
  });
  const partner = await createTestAccount(database, tenantId, { roles: ['partner_agency_worker'] });
  const unrelated = await createTestAccount(database, tenantId, { roles: ['practitioner'] });
  await withTenant(database.orm, tenantId, async (tx) => {
    await shareChildRecord(tx, tenantId, {
      childPersonId: setup.childId,
      userId: family.userId,
      audience: 'family',
      agreement: 'Shared with Robin’s mum',
    });
    await shareChildRecord(tx, tenantId, {
      childPersonId: setup.childId,
      userId: partner.userId,
      audience: 'partner_agency',
      agreement: 'School information sharing agreement',
    });
  });
  return { ...setup, tenantId, people, mapping, family, partner, unrelated };
}

/** Someone signed in: read a page, submit a form as rendered with some fields changed, call the API. */
export async function sessionFor(app: FastifyInstance, email: string, password?: string) {
  const cookie = await signIn(app, email, password);
  const headers = { cookie: `kith_session=${cookie}` };
  const get = (url: string) => app.inject({ url, headers });
  const post = (url: string, payload: Record<string, string | string[]>) =>
    app.inject({ method: 'POST', url, headers, payload });
  const formOn = async (url: string) => {
    const page = await get(url);
    assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`);
    return formValuesIn(page.body, url);
  };
  const submit = async (url: string, changes: Record<string, string | string[]>) =>
    post(url, { ...(await formOn(url)), ...changes });
  const csrf = async () => {
    const page = await get('/accessibility');
    return /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  };
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { ...headers, 'x-csrf-token': await csrf(), ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    });
  return { headers, get, post, formOn, submit, api };
}

/** The plan's id in a plan page's address. */
export const planIdFrom = (location: unknown) => /\/plans\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

/** A plan started through its page by the practitioner of a new council (with the mapping, if asked). */
export async function startedPlan(kith: TestApp, options: { withMapping?: boolean } = {}) {
  const council = await createPlanningCouncil(kith.database, options);
  const worker = await sessionFor(kith.app, council.practitioner.email);
  const started = await worker.submit(`/children/${council.childId}/plans/new`, {
    kind: 'child_in_need',
    title: 'Robin’s plan',
    'startsOn-day': '1',
    'startsOn-month': '11',
    'startsOn-year': '2026',
    'reviewBy-day': '1',
    'reviewBy-month': '2',
    'reviewBy-year': '2027',
    support: 'A family support worker every week',
  });
  assert.equal(started.statusCode, 303, started.body.slice(0, 1500));
  const planId = planIdFrom(started.headers.location);
  const planUrl = `/children/${council.childId}/plans/${planId}`;
  const plan = () =>
    withTenant(kith.database.orm, council.tenantId, (tx) => findPlan(tx, council.tenantId, council.childId, planId));
  return { council, worker, planId, planUrl, plan };
}

/** A plan as the API gives it (the parts a test sends back). */
export interface PlanJson {
  version: number;
  content: {
    title: string;
    startsOn: string;
    reviewBy: string | null;
    support: string | null;
    goals: { id: string; goalInFamilyWords: string; professionalWording: string | null; worries: { id: string }[] }[];
    actions: {
      id: string;
      whatWillHappen: string;
      goalId: string | null;
      ownerPersonId: string | null;
      ownerName: string;
      ownerCircle: string;
      dueOn: string;
      status: string;
    }[];
  };
}

/** The body that sends a plan read from the API back as it is (with a reason, when one is given). */
export const planBodyFrom = (plan: PlanJson, expectedVersion: number, reason?: string) => ({
  expectedVersion,
  ...(reason === undefined ? {} : { reason }),
  title: plan.content.title,
  startsOn: plan.content.startsOn,
  reviewBy: plan.content.reviewBy,
  support: plan.content.support,
  goals: plan.content.goals.map((goal) => ({
    id: goal.id,
    goalInFamilyWords: goal.goalInFamilyWords,
    professionalWording: goal.professionalWording,
    worryIds: goal.worries.map((worry) => worry.id),
  })),
  actions: plan.content.actions.map(
    ({ id, whatWillHappen, goalId, ownerPersonId, ownerName, ownerCircle, dueOn, status }) => ({
      id,
      whatWillHappen,
      goalId,
      ownerPersonId,
      ownerName,
      ownerCircle,
      dueOn,
      status,
    }),
  ),
});
