import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import {
  peopleAroundAChild,
  type Caller,
  type PeopleAroundAChild,
} from '../../../test/helpers/people-around-a-child.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { journeyOf, lastClosedOn, startReferral } from './index.js';

let kith: TestApp;
let people: PeopleAroundAChild;
before(async () => {
  kith = await buildTestApp();
  people = await peopleAroundAChild(kith.app, kith.database);
});
after(() => kith.close());

const page = (childId: string) => `/children/${childId}/episodes`;
const get = (caller: Caller, url: string) =>
  kith.app.inject({ url, headers: { cookie: `kith_session=${caller.cookie}` } });
async function submit(caller: Caller, url: string, changes: Record<string, string | string[]>) {
  const form = await get(caller, url);
  assert.equal(form.statusCode, 200, `${url}: ${form.statusCode}`);
  return kith.app.inject({
    method: 'POST',
    url,
    headers: { cookie: `kith_session=${caller.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(
      Object.entries({ ...formValuesIn(form.body, url), ...changes }).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((one) => [name, one]),
      ),
    ).toString(),
  });
}
const api = (caller: Caller, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  kith.app.inject({
    method,
    url: `/api/v1/children/${people.childId}/episodes${path}`,
    headers: caller.headers,
    ...(payload ? { payload } : {}),
  });
const date = (iso: string, prefix: string) => {
  const [year, month, day] = iso.split('-');
  return {
    [`${prefix}-Day`]: String(Number(day)),
    [`${prefix}-Month`]: String(Number(month)),
    [`${prefix}-Year`]: year!,
  };
};
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('the journey through the pages, without JavaScript', () => {
  test('referral, assessment outcome, Family Help, step up to a plan through conferences, closing the case', async () => {
    const { childId, practitioner, manager } = people;
    const referral = await submit(practitioner, `${page(childId)}/referrals/new`, {
      ...date(daysAgo(200), 'referredOn'),
      source: 'School',
      primaryNeedCode: 'N4',
    });
    assert.equal(referral.statusCode, 303, referral.body);
    let shown = await get(practitioner, page(childId));
    assert.match(shown.body, /Being assessed since the referral/);
    assert.match(shown.body, /Assessment due/);
    const outcomeHref = /href="([^"]+\/outcome)"/.exec(shown.body)![1]!;

    const missing = await submit(practitioner, outcomeHref, { ...date(daysAgo(170), 'completedOn'), reasons: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /There is a problem/);
    assert.match(missing.body, /href="#outcome"/);
    assert.match(missing.body, /Select what the assessment led to/);

    const outcome = await submit(practitioner, outcomeHref, {
      outcome: 'child_in_need_plan',
      ...date(daysAgo(170), 'completedOn'),
      reasons: 'The family asked for help with routines; school attendance is low.',
      factors: ['4B', '14A'],
    });
    assert.equal(outcome.statusCode, 303, outcome.body);

    const noLead = await submit(practitioner, `${page(childId)}/new`, {
      kind: 'family_help',
      ...date(daysAgo(169), 'startsOn'),
      primaryNeedCode: 'N4',
    });
    assert.equal(noLead.statusCode, 400);
    assert.match(noLead.body, /Enter the name of the lead practitioner/);

    const help = await submit(practitioner, `${page(childId)}/new`, {
      kind: 'family_help',
      ...date(daysAgo(169), 'startsOn'),
      primaryNeedCode: 'N4',
      leadPractitioner: 'Priya Shah',
      leadAgency: 'Riverside Primary School',
    });
    assert.equal(help.statusCode, 303, help.body);

    const twice = await submit(practitioner, `${page(childId)}/new`, {
      kind: 'family_help',
      ...date(daysAgo(100), 'startsOn'),
      primaryNeedCode: 'N4',
      leadPractitioner: 'Priya Shah',
    });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /There is already an open family help episode/);

    const tooEarly = await submit(practitioner, `${page(childId)}/child-protection/new`, {
      kind: 'initial_conference',
      ...date(daysAgo(60), 'heldOn'),
      decision: 'A plan is needed.',
      outcome: 'plan',
      planCategories: ['neglect'],
      leadPractitioner: 'Alex Morgan',
    });
    assert.equal(tooEarly.statusCode, 400);
    assert.match(tooEarly.body, /Record the section 47 enquiry that led to this/);

    for (const step of [
      { kind: 'strategy_discussion', heldOn: daysAgo(80), outcome: 'section_47', decision: 'Police and health agree.' },
      { kind: 'section_47_enquiry', heldOn: daysAgo(79), outcome: 'initial_conference', decision: 'Substantiated.' },
    ]) {
      const { heldOn, ...rest } = step;
      const saved = await submit(practitioner, `${page(childId)}/child-protection/new`, {
        ...rest,
        ...date(heldOn, 'heldOn'),
      });
      assert.equal(saved.statusCode, 303, saved.body);
    }
    const conference = await submit(practitioner, `${page(childId)}/child-protection/new`, {
      kind: 'initial_conference',
      ...date(daysAgo(70), 'heldOn'),
      decision: 'A plan is needed.',
      outcome: 'plan',
      planCategories: ['neglect'],
      leadPractitioner: 'Alex Morgan',
    });
    assert.equal(conference.statusCode, 303, conference.body);
    shown = await get(practitioner, page(childId));
    assert.match(shown.body, /Child protection plan since/);
    assert.match(shown.body, /Review conference due/);
    assert.doesNotMatch(shown.body, /Close the case<\/a>/, 'a practitioner may not close the case');

    const refused = await get(practitioner, `${page(childId)}/close`);
    assert.equal(refused.statusCode, 403);

    const blaming = await submit(manager, `${page(childId)}/close`, {
      ...date(daysAgo(1), 'closedOn'),
      reasonCode: 'RC7',
      summaryToFamily: 'Mum was non-compliant with the plan.',
    });
    assert.equal(blaming.statusCode, 400);
    assert.match(blaming.body, /may label or blame the family/);

    const closed = await submit(manager, `${page(childId)}/close`, {
      ...date(daysAgo(1), 'closedOn'),
      reasonCode: 'RC7',
      summaryToFamily:
        'We worked together on bedtimes and getting to school. Things are steadier now. Call us if you need help again.',
    });
    assert.equal(closed.statusCode, 303, closed.body);
    shown = await get(practitioner, page(childId));
    assert.match(shown.body, /Case closed on/);
    assert.match(shown.body, /RC7/);

    const audit = await withTenant(kith.database.orm, people.council.id, (tx) =>
      searchAuditLog(tx, people.council.id, { childPersonId: childId }, { limit: 200 }),
    );
    const actions = audit.entries.map((entry) => entry.action);
    for (const action of [
      'episodes.referral_recorded',
      'episodes.assessment_outcome_recorded',
      'episodes.episode_started',
      'episodes.protection_step_recorded',
      'episodes.episode_ended',
      'episodes.case_closed',
    ]) {
      assert.ok(actions.includes(action), action);
    }

    const chronology = await get(practitioner, `/children/${childId}/chronology`);
    assert.match(chronology.body, /Referral from School/);
    assert.match(chronology.body, /Case closed/);
  });
});

describe('the journey through the API', () => {
  test('episodes start and end; overlap, an end before a start and a stranger are refused, nothing saved', async () => {
    const { practitioner, stranger, family } = people;
    const started = await api(practitioner, 'POST', '/episodes', {
      kind: 'child_in_care',
      startsOn: '2026-01-05',
      primaryNeedCode: 'N1',
      planCategories: [],
    });
    assert.equal(started.statusCode, 201, started.body);
    const episode = started.json<{ id: string; version: number }>();
    const overlap = await api(practitioner, 'POST', '/episodes', {
      kind: 'child_in_care',
      startsOn: '2026-02-01',
      primaryNeedCode: 'N1',
      planCategories: [],
    });
    assert.equal(overlap.statusCode, 422);
    assert.equal(overlap.json().errors[0].pointer, '/startsOn');

    const early = await api(practitioner, 'PUT', `/episodes/${episode.id}/end`, {
      endsOn: '2025-12-31',
      closureReasonCode: 'RC3',
      expectedVersion: episode.version,
    });
    assert.equal(early.statusCode, 422);
    assert.match(early.json().detail, /end date must be the same as or after the start date/);

    const stale = await api(practitioner, 'PUT', `/episodes/${episode.id}/end`, {
      endsOn: '2026-02-01',
      closureReasonCode: 'RC3',
      expectedVersion: episode.version + 1,
    });
    assert.equal(stale.statusCode, 409);

    const leaving = await api(practitioner, 'POST', '/episodes', {
      kind: 'care_leaver',
      startsOn: '2026-02-01',
      primaryNeedCode: 'N1',
      planCategories: [],
      steppedFromEpisodeId: episode.id,
    });
    assert.equal(leaving.statusCode, 201, leaving.body);

    const journey = await api(practitioner, 'GET', '');
    assert.equal(journey.statusCode, 200);
    const ended = journey
      .json<{ episodes: { id: string; endsOn: string | null }[] }>()
      .episodes.find((row) => row.id === episode.id);
    assert.equal(ended?.endsOn, '2026-02-01');

    assert.equal((await api(stranger, 'GET', '')).statusCode, 404);
    assert.equal((await api(family, 'POST', '/referrals', { referredOn: '2026-01-01', source: 'Me' })).statusCode, 403);
  });

  test('startReferral, journeyOf and lastClosedOn inside a caller’s transaction', async () => {
    const { council, childId } = people;
    await withTenant(kith.database.orm, council.id, async (tx) => {
      const { referralId } = await startReferral(tx, council.id, {
        childId,
        referredOn: '2026-12-01',
        source: 'Health visitor',
        actorLabel: 'Front door',
      });
      const journey = await journeyOf(tx, council.id, childId, { nation: 'england', closureDays: [] }, '2026-12-02');
      assert.equal(journey.currentReferral?.id, referralId);
      assert.equal(journey.currentReferral?.assessmentDueOn, '2027-02-05');
      assert.equal(journey.status, 'open');
      assert.notEqual(await lastClosedOn(tx, council.id, childId), undefined);
    });
  });
});
