import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import {
  peopleAroundAChild,
  type Caller,
  type PeopleAroundAChild,
} from '../../../test/helpers/people-around-a-child.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { hasSqlState, SqlState } from '../../platform/db/errors.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { insertQuestion } from './queries.js';

let kith: TestApp;
let people: PeopleAroundAChild;
before(async () => {
  kith = await buildTestApp();
  people = await peopleAroundAChild(kith.app, kith.database);
});
after(() => kith.close());

const page = (childId: string) => `/children/${childId}/safe-uncertainty`;
const get = (caller: Caller, url: string) =>
  kith.app.inject({ url, headers: { cookie: `kith_session=${caller.cookie}` } });
/** Fills a form as the page renders it, with some fields changed, and submits it. */
async function submit(caller: Caller, url: string, changes: Record<string, string>) {
  const form = await get(caller, url);
  assert.equal(form.statusCode, 200, `${url}: ${form.statusCode}`);
  return kith.app.inject({
    method: 'POST',
    url,
    headers: { cookie: `kith_session=${caller.cookie}` },
    payload: { ...formValuesIn(form.body, url), ...changes },
  });
}
const api = (caller: Caller, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  kith.app.inject({
    method,
    url: `/api/v1/children/${people.childId}/safe-uncertainty${path}`,
    headers: caller.headers,
    ...(payload ? { payload } : {}),
  });
const parts = (date: Date) => ({
  Day: String(date.getUTCDate()),
  Month: String(date.getUTCMonth() + 1),
  Year: String(date.getUTCFullYear()),
});
const dateFields = (prefix: string, date: Date) =>
  Object.fromEntries(Object.entries(parts(date)).map(([part, value]) => [`${prefix}-${part}`, value]));

describe('safe uncertainty pages, without JavaScript', () => {
  test('record positions, add a question and record what was found; the grid, table and audit show it', async () => {
    const { childId, practitioner } = people;
    const first = await submit(practitioner, `${page(childId)}/positions/new`, {
      position: 'unsafe_uncertainty',
      reasons: 'Robin is frightened at night; we do not know why yet.',
      ...dateFields('on', new Date(Date.now() - 60 * 86_400_000)),
    });
    assert.equal(first.statusCode, 303, first.body.slice(0, 300));
    const second = await submit(practitioner, `${page(childId)}/positions/new`, {
      position: 'safe_uncertainty',
      reasons: 'The safety plan is holding; we keep asking questions.',
    });
    assert.equal(second.statusCode, 303);
    assert.match(String(second.headers.location), /notice=position_recorded/);

    const question = await submit(practitioner, `${page(childId)}/questions/new`, {
      kind: 'hypothesis',
      wording: 'Nights are hardest after contact weekends',
      ...dateFields('revisit', new Date(Date.now() + 14 * 86_400_000)),
    });
    assert.equal(question.statusCode, 303, question.body.slice(0, 300));

    const shown = await get(practitioner, page(childId));
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<h1 class="govuk-heading-l">Safe uncertainty<\/h1>/);
    assert.match(shown.body, /aria-current="page"[^>]*>\s*Safe uncertainty|Safe uncertainty<\/a>/);
    assert.match(shown.body, /Safe uncertainty \(where we aim to be\)/);
    assert.match(shown.body, /<svg[^>]+class="app-grid"[^>]+role="img"/);
    assert.match(shown.body, /2 positions recorded, oldest first/);
    assert.match(shown.body, /Reached safe uncertainty/);
    assert.match(shown.body, /moved from unsafe uncertainty to safe uncertainty, where we aim to be/);
    assert.match(shown.body, /Nights are hardest after contact weekends/);
    const findingHref = /href="([^"]+\/finding)"/.exec(shown.body)![1]!;

    const found = await submit(practitioner, findingHref, { finding: 'Yes: Robin says Sunday nights are the worst.' });
    assert.equal(found.statusCode, 303, found.body.slice(0, 300));
    const after = await get(practitioner, page(childId));
    assert.match(after.body, /What we have found out \(1\)/);
    assert.match(after.body, /Robin says Sunday nights are the worst/);

    const log = await withTenant(kith.database.orm, people.council.id, async (tx) => ({
      recorded: await searchAuditLog(tx, people.council.id, { action: 'safe_uncertainty.position_recorded' }),
      added: await searchAuditLog(tx, people.council.id, { action: 'safe_uncertainty.question_added' }),
      finding: await searchAuditLog(tx, people.council.id, { action: 'safe_uncertainty.finding_recorded' }),
      viewed: await searchAuditLog(tx, people.council.id, { action: 'child_record.view' }),
    }));
    assert.equal(log.recorded.entries.length, 2);
    assert.equal(log.added.entries.length, 1);
    assert.equal(log.finding.entries.length, 1);
    assert.ok(
      log.viewed.entries.some((entry) => entry.details.part === 'safe_uncertainty' && entry.outcome === 'allowed'),
    );
  });

  test('a question whose revisit date has come, with nothing found, is marked due to revisit', async () => {
    const { childId, practitioner, council } = people;
    await withTenant(kith.database.orm, council.id, (tx) =>
      insertQuestion(tx, council.id, {
        childPersonId: childId,
        kind: 'question',
        wording: 'Who collects Robin on Fridays?',
        raisedOn: '2026-01-01',
        revisitOn: '2026-02-01',
        recordedBy: practitioner.userId,
        recordedByLabel: 'Test practitioner',
      }),
    );
    const shown = await get(practitioner, page(childId));
    assert.match(shown.body, /Who collects Robin on Fridays\?[\s\S]*?Due to revisit/);
    assert.match(shown.body, /1 is due to revisit/);
    const json = await api(practitioner, 'GET', '');
    const due = json.json<{ questions: { wording: string; dueForRevisit: boolean }[] }>().questions;
    assert.equal(due.find((entry) => entry.wording.startsWith('Who collects'))?.dueForRevisit, true);
    assert.equal(due.find((entry) => entry.wording.startsWith('Nights'))?.dueForRevisit, false);
  });

  test('bad input: clear messages, nothing saved, what was typed kept', async () => {
    const { childId, practitioner } = people;
    const before = (await api(practitioner, 'GET', '')).json<{ positions: unknown[]; questions: unknown[] }>();
    const unknown = await submit(practitioner, `${page(childId)}/positions/new`, {
      position: 'fairly_safe',
      reasons: '',
      'on-Day': '31',
      'on-Month': '2',
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /govuk-error-summary/);
    assert.match(unknown.body, /href="#position">Choose where the work stands on the grid/);
    assert.match(unknown.body, /href="#reasons">Enter the reasons for this position/);
    assert.match(unknown.body, /href="#on-day">Enter the date of this position as a real date/);

    const kept = await submit(practitioner, `${page(childId)}/questions/new`, {
      kind: 'question',
      wording: 'Typed words stay',
      'revisit-Day': '31',
      'revisit-Month': '2',
      'revisit-Year': '2027',
    });
    assert.equal(kept.statusCode, 400);
    assert.match(kept.body, /href="#revisit-day">Enter the date to revisit as a real date/);
    assert.match(kept.body, /Typed words stay/);
    assert.match(kept.body, /name="revisit-Day"[^>]*value="31"|value="31"[^>]*name="revisit-Day"/);
    const after = (await api(practitioner, 'GET', '')).json<{ positions: unknown[]; questions: unknown[] }>();
    assert.equal(after.positions.length, before.positions.length);
    assert.equal(after.questions.length, before.questions.length);
  });
});

describe('who may see and change safe uncertainty', () => {
  test('another council and people with no relationship find nothing, and the refusal is audited', async () => {
    const { childId, outsider, stranger, council } = people;
    for (const caller of [outsider, stranger]) {
      assert.equal((await get(caller, page(childId))).statusCode, 404);
      assert.equal((await api(caller, 'GET', '')).statusCode, 404);
      const post = await api(caller, 'POST', '/positions', {
        position: 'safe_certainty',
        reasons: 'x',
        assessedOn: '2026-01-01',
      });
      assert.equal(post.statusCode, 404);
    }
    const denied = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { actorUserId: stranger.userId }),
    );
    assert.ok(denied.entries.some((entry) => entry.outcome === 'denied' && entry.action === 'child_record.view'));
    assert.ok(
      denied.entries.some(
        (entry) => entry.outcome === 'denied' && entry.action === 'safe_uncertainty.position_recorded',
      ),
    );
  });

  test('a partner agency worker reads it but cannot change it', async () => {
    const { childId, partner, council } = people;
    const shown = await get(partner, page(childId));
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Safe uncertainty \(where we aim to be\)/);
    assert.doesNotMatch(shown.body, /Record where we are now/);
    assert.doesNotMatch(shown.body, /Record what was found/);
    assert.equal((await get(partner, `${page(childId)}/positions/new`)).statusCode, 403);
    const post = await api(partner, 'POST', '/questions', { kind: 'question', wording: 'x', revisitOn: '2099-01-01' });
    assert.equal(post.statusCode, 403);
    const entries = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { actorUserId: partner.userId, action: 'child_record.view' }),
    );
    assert.ok(entries.entries.some((entry) => entry.outcome === 'allowed'));
  });

  test('the family member the record is shared with cannot open safe uncertainty: a professional page, it looks missing', async () => {
    const { childId, family } = people;
    const shown = await get(family, page(childId));
    assert.equal(shown.statusCode, 404);
    assert.doesNotMatch(shown.body, /The safety plan is holding/);
    assert.doesNotMatch(shown.body, /Robin says Sunday nights are the worst/);
    const json = await api(family, 'GET', '');
    assert.equal(json.statusCode, 404);
    assert.doesNotMatch(json.body, /safe_uncertainty/);
    assert.equal(
      (await api(family, 'POST', '/positions', { position: 'safe_certainty', reasons: 'x', assessedOn: '2026-01-01' }))
        .statusCode,
      403,
    );
  });
});

describe('the safe uncertainty API', () => {
  test('record a position, add a question, record what was found; a stale finding is refused', async () => {
    const { practitioner, colleague } = people;
    const position = await api(practitioner, 'POST', '/positions', {
      position: 'safe_certainty',
      reasons: 'Settled for months',
      assessedOn: new Date().toISOString().slice(0, 10),
    });
    assert.equal(position.statusCode, 201, position.body);
    assert.equal(position.json<{ positionName: string }>().positionName, 'Safe and certain');
    const question = await api(practitioner, 'POST', '/questions', {
      kind: 'question',
      wording: 'Is Robin sleeping better?',
      revisitOn: '2099-01-01',
    });
    assert.equal(question.statusCode, 201, question.body);
    const { id, version } = question.json<{ id: string; version: number }>();
    const mine = await api(colleague, 'PUT', `/questions/${id}/finding`, {
      finding: 'Yes, most nights',
      foundOn: new Date().toISOString().slice(0, 10),
      expectedVersion: version,
    });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal(mine.json<{ version: number; findingRecordedBy: string }>().version, version + 1);
    const stale = await api(practitioner, 'PUT', `/questions/${id}/finding`, {
      finding: 'No',
      foundOn: new Date().toISOString().slice(0, 10),
      expectedVersion: version,
    });
    assert.equal(stale.statusCode, 409);
    const all = (await api(practitioner, 'GET', '')).json<{
      current: { position: string };
      questions: { id: string; finding: string | null }[];
    }>();
    assert.equal(all.current.position, 'safe_certainty', 'the latest position is the current one');
    assert.equal(
      all.questions.find((entry) => entry.id === id)?.finding,
      'Yes, most nights',
      'the stale save changed nothing',
    );
  });

  test('bad input is refused with a pointer to each field, and a browser call needs its CSRF token', async () => {
    const { practitioner } = people;
    const unknown = await api(practitioner, 'POST', '/positions', {
      position: 'fairly_safe',
      reasons: '',
      assessedOn: '2026-02-31',
    });
    assert.equal(unknown.statusCode, 400);
    const problem = unknown.json<{ errors: { pointer: string; detail: string }[] }>();
    assert.deepEqual(problem.errors.map((error) => error.pointer).sort(), [
      '/body/assessedOn',
      '/body/position',
      '/body/reasons',
    ]);
    assert.ok(problem.errors.some((error) => error.detail === 'Choose where the work stands on the grid'));
    const noToken = await kith.app.inject({
      method: 'POST',
      url: `/api/v1/children/${people.childId}/safe-uncertainty/positions`,
      headers: { cookie: practitioner.headers.cookie },
      payload: { position: 'safe_certainty', reasons: 'x', assessedOn: '2026-01-01' },
    });
    assert.equal(noToken.statusCode, 403);
  });

  test('the OpenAPI document describes the safe uncertainty API with its response schemas', async () => {
    const document = (await kith.app.inject({ url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const all = document.paths['/api/v1/children/{childId}/safe-uncertainty'];
    assert.ok(all?.get?.responses['200']);
    assert.ok(document.paths['/api/v1/children/{childId}/safe-uncertainty/questions/{questionId}/finding']?.put);
  });
});

describe('positions are history', () => {
  test('the application role cannot change or remove a recorded position', async () => {
    const { council } = people;
    for (const statement of [
      sql`update safe_uncertainty_positions set position = 'safe_certainty'`,
      sql`delete from safe_uncertainty_positions`,
    ]) {
      await assert.rejects(
        withTenant(kith.database.orm, council.id, (tx) => tx.execute(statement)),
        (error: unknown) => hasSqlState(error, SqlState.insufficientPrivilege),
      );
    }
  });
});
