/**
 * The plans' events in the child's chronology: each agreed plan and each of its reviews, read in
 * two queries however many plans the child has.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { insertChildRecord, insertPerson } from '../people/queries.js';
import { createCouncilWithChild } from '../../../test/helpers/accounts.js';
import { openTestDatabase } from '../../../test/helpers/database.js';
import { insertPlan, insertReview } from './queries.js';
import { plans } from './schema.js';
import { planChronologyEvents } from './service.js';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const planOn = (childPersonId: string, title: string, startsOn: string) => ({
  childPersonId,
  kind: 'child_in_need' as const,
  title,
  startsOn,
  reviewBy: null,
  support: null,
  goals: [],
  actions: [],
  fromMappingId: null,
  nextActionDueOn: null,
  createdBy: null,
  createdByLabel: 'Priya Patel',
});

const reviewOf = (planId: string, heldOn: string, recordedByLabel: string) => ({
  planId,
  heldOn,
  whoCame: 'Robin, Sarah and Priya',
  scores: [],
  whatHasChanged: null,
  whatHasBeenAchieved: null,
  decisions: null,
  nextReviewBy: null,
  recordedBy: null,
  recordedByLabel,
});

test('each agreed plan and each of its own reviews is in the chronology; drafts and other children’s plans are not', async () => {
  const { council, childId } = await createCouncilWithChild(database);
  const tenantId = council.id;
  const events = await withTenant(database.orm, tenantId, async (tx) => {
    const sibling = await insertPerson(tx, tenantId, { fullName: 'Alex Test', dateOfBirth: '2018-02-01' });
    await insertChildRecord(tx, tenantId, {
      personId: sibling,
      reference: `S-${randomUUID().slice(0, 6).toUpperCase()}`,
    });
    const first = await insertPlan(tx, tenantId, planOn(childId, 'Staying with Nan', '2026-01-10'));
    const second = await insertPlan(tx, tenantId, planOn(childId, 'Back at school', '2026-06-01'));
    const draft = await insertPlan(tx, tenantId, planOn(childId, 'Still being written', '2026-09-01'));
    const siblings = await insertPlan(tx, tenantId, planOn(sibling, 'Alex’s plan', '2026-03-01'));
    for (const [planId, agreedOn] of [
      [first, '2026-01-12'],
      [second, '2026-06-03'],
      [siblings, '2026-03-02'],
    ] as const) {
      await tx.update(plans).set({ status: 'agreed', agreedOn, agreedVersion: 1 }).where(eq(plans.id, planId));
    }
    await insertReview(tx, tenantId, reviewOf(first, '2026-03-01', 'First review writer'));
    await insertReview(tx, tenantId, reviewOf(first, '2026-05-01', 'Second review writer'));
    await insertReview(tx, tenantId, reviewOf(second, '2026-08-01', 'Third review writer'));
    await insertReview(tx, tenantId, reviewOf(draft, '2026-10-01', 'Draft review writer'));
    await insertReview(tx, tenantId, reviewOf(siblings, '2026-04-01', 'Sibling review writer'));
    return planChronologyEvents(tx, tenantId, childId);
  });
  const shown = events
    .map((event) => `${event.occurredAt} ${event.title} (${event.byline})`)
    .sort((a, b) => a.localeCompare(b));
  assert.deepEqual(shown, [
    '2026-01-12 Plan agreed: Staying with Nan (Priya Patel)',
    '2026-03-01 Plan review: Staying with Nan (First review writer)',
    '2026-05-01 Plan review: Staying with Nan (Second review writer)',
    '2026-06-03 Plan agreed: Back at school (Priya Patel)',
    '2026-08-01 Plan review: Back at school (Third review writer)',
  ]);
  for (const event of events) assert.match(event.href ?? '', new RegExp(`^/children/${childId}/plans/`));
});
