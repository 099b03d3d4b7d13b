/** The assessment of need in the JSON API, its audit entries and its OpenAPI description. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.js';
import type { PeopleAroundAChild } from '../../../test/helpers/people-around-a-child.js';
import { assessmentTestKit } from './assessment-fixtures.js';

const { open, close, assertAudited, api } = assessmentTestKit();
let kith: TestApp;
let people: PeopleAroundAChild;
before(async () => ({ kith, people } = await open()));
after(() => close());

describe('the assessment API', () => {
  test('create, save, submit, sign off; edits after sign-off are refused; a new version; what changed', async () => {
    const { practitioner, manager } = people;
    const created = await api(practitioner, 'POST', '');
    const { assessmentId, revision } = created.json<{ assessmentId: string; revision: number }>();
    const version = `/${assessmentId}/versions/1`;
    const saved = await api(practitioner, 'PUT', version, {
      content: { analysis: 'Robin is safe enough at home', developmentStrengths: 'Reads well' },
      expectedRevision: revision,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const after = saved.json<{ revision: number; content: { analysis: string }; balance: string[] }>();
    assert.equal(after.content.analysis, 'Robin is safe enough at home');
    assert.ok(after.balance.some((note) => /own view is not recorded/.test(note)));
    const stale = await api(practitioner, 'PUT', version, { content: { analysis: 'Old' }, expectedRevision: revision });
    assert.equal(stale.statusCode, 409);
    const unknownField = await api(practitioner, 'PUT', version, {
      content: { mood: 'x' },
      expectedRevision: after.revision,
    });
    assert.equal(unknownField.statusCode, 400);
    const submitted = await api(practitioner, 'POST', `${version}/submit`, { expectedRevision: after.revision });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const byAuthor = await api(practitioner, 'POST', `${version}/sign-off`, { comment: 'Mine is good' });
    assert.equal(byAuthor.statusCode, 403);
    assert.match(byAuthor.body, /Only a team manager/);
    const noComment = await api(manager, 'POST', `${version}/sign-off`, { comment: '' });
    assert.equal(noComment.statusCode, 400);
    const signed = await api(manager, 'POST', `${version}/sign-off`, { comment: 'Agreed' });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(signed.json<{ status: string; signedOffBy: string }>().status, 'signed_off');
    const locked = await api(practitioner, 'PUT', version, {
      content: { analysis: 'Too late' },
      expectedRevision: signed.json<{ revision: number }>().revision,
    });
    assert.equal(locked.statusCode, 409);
    assert.match(locked.body, /signed off and locked/);
    const returnLocked = await api(manager, 'POST', `${version}/return`, { comment: 'Undo' });
    assert.equal(returnLocked.statusCode, 403);
    const next = await api(practitioner, 'POST', `/${assessmentId}/versions`);
    assert.equal(next.statusCode, 201, next.body);
    assert.equal(next.json<{ version: number }>().version, 2);
    const nextRevision = next.json<{ revision: number }>().revision;
    await api(practitioner, 'PUT', `/${assessmentId}/versions/2`, {
      content: { analysis: 'Robin is safe enough, and we keep asking' },
      expectedRevision: nextRevision,
    });
    const changes = await api(practitioner, 'GET', `/${assessmentId}/versions/2/changes`);
    assert.equal(changes.statusCode, 200);
    assert.deepEqual(changes.json(), {
      from: 1,
      to: 2,
      changes: [
        {
          field: 'analysis',
          kind: 'changed',
          before: 'Robin is safe enough at home',
          after: 'Robin is safe enough, and we keep asking',
        },
      ],
    });
    const first = await api(practitioner, 'GET', version);
    assert.equal(first.json<{ content: { analysis: string } }>().content.analysis, 'Robin is safe enough at home');
  });

  test('every change and refusal through the API is in the audit log', async () => {
    await assertAudited([
      'assessment.started',
      'assessment.draft_saved',
      'assessment.submitted',
      'assessment.signed_off',
      'assessment.new_version',
    ]);
  });

  test('the OpenAPI document describes the assessment API with its response schemas', async () => {
    const document = (await kith.app.inject({ url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const version = document.paths['/api/v1/children/{childId}/assessments/{assessmentId}/versions/{version}'];
    assert.ok(version?.get?.responses['200'] && version.put?.responses['409']);
    assert.ok(
      document.paths['/api/v1/children/{childId}/assessments/{assessmentId}/versions/{version}/sign-off']?.post,
    );
  });
});
