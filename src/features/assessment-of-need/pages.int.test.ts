/** The assessment of need on its pages: from start to sign-off, a stale save, who sees what, and the audit log. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import type { PeopleAroundAChild } from '../../../test/helpers/people-around-a-child.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { hasSqlState } from '../../platform/db/errors.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { assessmentTestKit } from './assessment-fixtures.js';

const { open, close, assertAudited, get, post, submit, api, stored, list } = assessmentTestKit();
let kith: TestApp;
let people: PeopleAroundAChild;
before(async () => ({ kith, people } = await open()));
after(() => close());

describe('an assessment of need from start to sign-off, on the pages', () => {
  let versionUrl = '';
  let assessmentId = '';

  test('start one, write a section, see the balance note, check and submit', async () => {
    const { childId, practitioner } = people;
    const listed = await get(practitioner, list(childId));
    assert.equal(listed.statusCode, 200);
    assert.match(listed.body, /<h1 class="govuk-heading-l">Assessment of need<\/h1>/);
    assert.match(listed.body, /No assessment of need has been started/);
    const started = await submit(practitioner, `${list(childId)}/new`);
    assert.equal(started.statusCode, 303);
    versionUrl = String(started.headers.location).split('?')[0]!;
    assessmentId = /assessments\/([0-9a-f-]{36})\/versions\/1$/.exec(versionUrl)![1]!;

    const draft = await get(practitioner, versionUrl);
    assert.equal(draft.statusCode, 200);
    assert.match(draft.body, /Version 1: draft/);
    assert.match(draft.body, /govuk-task-list/);
    assert.match(draft.body, /Not yet started/);

    const saved = await submit(practitioner, `${versionUrl}/sections/development`, {
      developmentNeeds: 'Robin is tired at school',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
    const afterSave = await get(practitioner, versionUrl);
    assert.match(afterSave.body, /In progress/);
    assert.match(afterSave.body, /Balance check/);
    assert.match(afterSave.body, /No strengths recorded yet: what is working well\?/);
    assert.match(afterSave.body, /Robin’s own view is not recorded yet/);

    const edit = await get(practitioner, `${versionUrl}/sections/parenting`);
    assert.match(
      edit.body,
      /data-language-audience="family"[^>]*id="parentingStrengths"|id="parentingStrengths"[^>]*data-language-audience="family"/,
    );
    assert.match(edit.body, /data-language-audience="child"/, 'the child’s view is checked for the child');

    await submit(practitioner, `${versionUrl}/sections/parenting`, {
      parentingStrengths: 'Jo keeps every appointment',
      parentingChildView: 'Robin says Mum gives the best hugs',
    });
    const check = await get(practitioner, `${versionUrl}/submit`);
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /Check the assessment before you submit it/);
    assert.match(check.body, /Parenting capacity: strengths are recorded but no needs yet/);
    assert.match(check.body, /Jo keeps every appointment/);
    const submitted = await submit(practitioner, `${versionUrl}/submit`);
    assert.equal(submitted.statusCode, 303, submitted.body.slice(0, 400));
    const waiting = await get(practitioner, versionUrl);
    assert.match(waiting.body, /Version 1: waiting for sign-off/);
    assert.doesNotMatch(waiting.body, /govuk-task-list/);
  });

  test('a submitted version cannot be edited: refused, nothing saved, the text kept on the page', async () => {
    const refused = await post(people.practitioner, `${versionUrl}/sections/development`, {
      ...formValuesIn((await get(people.practitioner, `${versionUrl}/sections/development`)).body),
      developmentStrengths: 'Typed after submitting',
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /submitted for sign-off, so it cannot be changed/);
    assert.match(refused.body, /Typed after submitting/);
    assert.equal((await stored(assessmentId, 1)).developmentStrengths, '');
  });

  test('sign-off: refused to a practitioner, to the manager of another team, and without a comment; nothing changes', async () => {
    const { practitioner, colleague, otherManager, manager, council } = people;
    for (const caller of [practitioner, colleague]) {
      const page = await get(caller, `${versionUrl}/sign-off`);
      assert.equal(page.statusCode, 403);
      assert.match(page.body, /Only a team manager can sign off an assessment or return it/);
      const attempt = await post(caller, `${versionUrl}/sign-off`, {
        _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
        decision: 'sign_off',
        comment: 'Looks fine to me',
      });
      assert.equal(attempt.statusCode, 403);
      assert.match(attempt.body, /Nothing has changed/);
    }
    assert.equal((await get(otherManager, `${versionUrl}/sign-off`)).statusCode, 404);
    const noComment = await submit(manager, `${versionUrl}/sign-off`, { decision: 'sign_off', comment: ' ' });
    assert.equal(noComment.statusCode, 400);
    assert.match(noComment.body, /href="#comment">Enter your comment for the author/);
    assert.equal((await stored(assessmentId, 1)).status, 'submitted');
    const denied = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { action: 'assessment.signed_off' }),
    );
    assert.ok(denied.entries.filter((entry) => entry.outcome === 'denied').length >= 2);
    assert.ok(denied.entries.some((entry) => entry.details.reason === 'not_a_manager'));
  });

  test('the team manager returns it with a comment, the author revises and resubmits, the manager signs it off', async () => {
    const { manager, practitioner } = people;
    const returned = await submit(manager, `${versionUrl}/sign-off`, {
      decision: 'return',
      comment: 'Please add Robin’s view of school',
    });
    assert.equal(returned.statusCode, 303, returned.body.slice(0, 300));
    const back = await get(practitioner, versionUrl);
    assert.match(back.body, /returned this version on .*: Please add Robin’s view of school/);
    await submit(practitioner, `${versionUrl}/sections/development`, {
      developmentStrengths: 'Robin reads above their age',
      developmentChildView: 'I like reading',
    });
    assert.equal((await submit(practitioner, `${versionUrl}/submit`)).statusCode, 303);
    const signed = await submit(manager, `${versionUrl}/sign-off`, {
      decision: 'sign_off',
      comment: 'Balanced and in Robin’s words',
    });
    assert.equal(signed.statusCode, 303);
    const view = await get(practitioner, versionUrl);
    assert.match(view.body, /Version 1: signed off/);
    assert.match(view.body, /signed off and locked/);
    assert.match(view.body, /Balanced and in Robin’s words/);
    assert.match(view.body, /Start a new version/);
  });

  test('once signed off no edit is possible: the page says so, the save is refused and nothing is saved', async () => {
    const { practitioner } = people;
    const editPage = await get(practitioner, `${versionUrl}/sections/development`);
    assert.equal(editPage.statusCode, 409);
    assert.match(editPage.body, /signed off and locked/);
    assert.doesNotMatch(editPage.body, /Save and go back to the assessment/);
    const refused = await post(practitioner, `${versionUrl}/sections/development`, {
      ...formValuesIn(editPage.body),
      developmentStrengths: 'A late change of heart',
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /signed off, so it cannot be changed. Nothing was saved/);
    assert.match(refused.body, /A late change of heart/);
    assert.equal((await stored(assessmentId, 1)).developmentStrengths, 'Robin reads above their age');
    const resubmit = await post(practitioner, `${versionUrl}/submit`, {
      ...formValuesIn(editPage.body),
      expectedRevision: '99',
    });
    assert.equal(resubmit.statusCode, 409);
    assert.equal((await stored(assessmentId, 1)).status, 'signed_off');
  });

  test('the database itself refuses any change to a signed-off version', async () => {
    await assert.rejects(
      withTenant(kith.database.orm, people.council.id, (tx) =>
        tx.execute(
          sql`update need_assessment_versions set analysis = 'changed behind the service' where status = 'signed_off'`,
        ),
      ),
      (error: unknown) => hasSqlState(error, '55000'),
    );
    await assert.rejects(
      withTenant(kith.database.orm, people.council.id, (tx) =>
        tx.execute(sql`update need_assessment_versions set status = 'draft' where status = 'signed_off'`),
      ),
      (error: unknown) => hasSqlState(error, '55000'),
    );
  });

  test('a new version copies the signed-off one, which stays untouched; what changed is shown word by word', async () => {
    const { practitioner, manager } = people;
    const listed = await get(practitioner, list(people.childId));
    const action = /<form method="post" action="([^"]+new-version)"/.exec(listed.body)![1]!;
    const started = await post(practitioner, action, formValuesIn(listed.body, action));
    assert.equal(started.statusCode, 303);
    const secondUrl = String(started.headers.location).split('?')[0]!;
    assert.match(secondUrl, /versions\/2$/);
    const second = await get(practitioner, secondUrl);
    assert.match(second.body, /Version 2: draft/);
    assert.match(second.body, /Robin reads above their age/, 'the text is carried over');
    await submit(practitioner, `${secondUrl}/sections/development`, {
      developmentStrengths: 'Robin reads well above their age',
    });
    const changes = await get(practitioner, `${secondUrl}/changes`);
    assert.equal(changes.statusCode, 200);
    assert.match(changes.body, /1 part has changed/);
    assert.match(changes.body, /The child’s developmental needs: Strengths: what is working well/);
    assert.match(changes.body, /<ins><span class="govuk-visually-hidden">\[added: <\/span>well /);
    assert.equal((await stored(assessmentId, 1)).developmentStrengths, 'Robin reads above their age');
    // Asked again from a new page (a new submission; the same form sent twice gets its first answer).
    const again = await post(practitioner, action, { ...formValuesIn(listed.body, action), _submission: randomUUID() });
    assert.match(String(again.headers.location), /versions\/2\?notice=version_open/, 'one open version at a time');
    // A manager who writes in a version may not sign it off.
    await submit(manager, `${secondUrl}/sections/analysis`, { analysis: 'Manager’s words' });
    await submit(practitioner, `${secondUrl}/submit`);
    const own = await get(manager, `${secondUrl}/sign-off`);
    assert.equal(own.statusCode, 403);
    assert.match(own.body, /You wrote or submitted part of this version/);
  });

  test('a partner agency reads signed-off versions only; the family, a professional page’s outsider, finds nothing', async () => {
    const { partner, family, childId } = people;
    const listed = await get(partner, list(childId));
    assert.equal(listed.statusCode, 200);
    assert.match(listed.body, /Version 1/);
    assert.doesNotMatch(listed.body, /Version 2/);
    assert.doesNotMatch(listed.body, /Start an assessment of need/);
    const first = await get(partner, versionUrl);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Robin reads above their age/);
    assert.doesNotMatch(first.body, /Balanced and in Robin’s words/);
    assert.doesNotMatch(first.body, /Start a new version/);
    assert.equal((await get(partner, versionUrl.replace(/1$/, '2'))).statusCode, 404, 'drafts stay with the team');
    const json = await api(partner, 'GET', '');
    assert.deepEqual(
      json
        .json<{ assessments: { versions: { version: number }[] }[] }>()
        .assessments[0]!.versions.map((v) => v.version),
      [1],
    );
    // The assessment is written for professionals: the family reaches it neither by page nor API.
    assert.equal((await get(family, list(childId))).statusCode, 404);
    const familyVersion = await get(family, versionUrl);
    assert.equal(familyVersion.statusCode, 404);
    assert.doesNotMatch(familyVersion.body, /Robin reads above their age/);
    assert.equal((await api(family, 'GET', '')).statusCode, 404);
  });

  test('another council and people with no relationship find nothing', async () => {
    for (const caller of [people.outsider, people.stranger]) {
      assert.equal((await get(caller, list(people.childId))).statusCode, 404);
      assert.equal((await get(caller, versionUrl)).statusCode, 404);
      assert.equal((await api(caller, 'GET', '')).statusCode, 404);
      assert.equal((await api(caller, 'POST', '')).statusCode, 404);
    }
  });
});

describe('a stale draft save', () => {
  test('is refused with both texts shown, and nothing typed is lost', async () => {
    const { practitioner, colleague } = people;
    const created = await api(practitioner, 'POST', '');
    assert.equal(created.statusCode, 201, created.body);
    const { assessmentId } = created.json<{ assessmentId: string }>();
    const url = `${list(people.childId)}/${assessmentId}/versions/1/sections/environment`;
    const mine = await get(practitioner, url);
    const theirs = await get(colleague, url);
    const first = await post(colleague, url, {
      ...formValuesIn(theirs.body),
      environmentStrengths: 'Nan lives close by',
    });
    assert.equal(first.statusCode, 303);
    const second = await post(practitioner, url, {
      ...formValuesIn(mine.body),
      environmentStrengths: 'A warm settled home',
    });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Someone else changed this section|saved this section/);
    assert.match(second.body, /Nan lives close by/, 'their text is shown');
    assert.match(second.body, /A warm settled home/, 'my text is kept in the form');
    assert.equal(formValuesIn(second.body).environmentStrengths, 'A warm settled home');
    const retry = await post(practitioner, url, formValuesIn(second.body));
    assert.equal(retry.statusCode, 303, 'saving again from the conflict page works');
  });
});

describe('the audit log', () => {
  test('every change and refusal is in the audit log', async () => {
    await assertAudited([
      'assessment.started',
      'assessment.draft_saved',
      'assessment.submitted',
      'assessment.signed_off',
      'assessment.returned',
      'assessment.new_version',
    ]);
  });
});
