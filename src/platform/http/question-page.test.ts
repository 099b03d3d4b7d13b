/**
 * The question-page helper's flow, with a stand-in for rendering that answers the template and
 * its context as JSON: what a GET shows, what an invalid POST shows again (with what was typed),
 * a good save's 303, a save's own errors and a stale save's 409, and 404 when nothing is found.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import formBody from '@fastify/formbody';
import Fastify from 'fastify';
import { z } from 'zod';
import type { PageContext } from '../views/render.js';
import { singleFormError } from './forms.js';
import { readText, registerQuestionPage } from './question-page.js';

interface Saved {
  childId: string;
  goal: string;
}

async function appWithAQuestionPage() {
  const app = Fastify();
  await app.register(formBody);
  app.decorateReply('render', function (template: string, context: PageContext) {
    return this.type('application/json').send({ template, context });
  });
  const saved: Saved[] = [];
  const loads: string[] = [];
  const schema = z.object({ goal: z.string().trim().min(1, 'Enter the goal in the family’s words') });
  registerQuestionPage<
    { childId: string },
    { childName: string; childId: string },
    { goal: string },
    { goal: string },
    string
  >(
    app,
    '/children/:childId/goals/new',
    { permission: 'child_record.change' },
    {
      async load(request) {
        const { childId } = request.params;
        loads.push(childId);
        return childId === 'missing' ? null : { childName: 'Mia', childId };
      },
      blank: () => ({ goal: '' }),
      read: (body) => ({ goal: readText(body, 'goal') }),
      schema,
      view: (context, values, errors, extra) => ({
        template: 'goal.njk',
        context: {
          pageTitle: `A goal for ${context.childName}`,
          values,
          extra,
          hasErrors: errors.errorList.length > 0,
        },
      }),
      async save(data, _values, request) {
        const { childId } = request.params;
        if (childId === 'gone') return 'not_found';
        if (data.goal === 'stale')
          return { errors: singleFormError('goal', 'Someone saved a change'), status: 409, extra: 'theirs' };
        if (data.goal === 'taken') return { errors: singleFormError('goal', 'That goal is already in the plan') };
        saved.push({ childId, goal: data.goal });
        return { redirect: `/children/${childId}/plans?notice=goal_added` };
      },
    },
  );
  await app.ready();
  return { app, saved, loads };
}

const post = (app: Awaited<ReturnType<typeof appWithAQuestionPage>>['app'], childId: string, goal: string) =>
  app.inject({
    method: 'POST',
    url: `/children/${childId}/goals/new`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ goal }).toString(),
  });

describe('a GOV.UK question page', () => {
  test('GET loads the context and shows the blank form', async () => {
    const { app } = await appWithAQuestionPage();
    const response = await app.inject({ method: 'GET', url: '/children/c1/goals/new' });
    assert.equal(response.statusCode, 200);
    const page = response.json();
    assert.equal(page.context.pageTitle, 'A goal for Mia');
    assert.deepEqual(page.context.values, { goal: '' });
    assert.deepEqual(page.context.errorList, []);
  });

  test('an invalid POST shows the form again with 400, the error summary and what was typed; nothing is saved', async () => {
    const { app, saved } = await appWithAQuestionPage();
    const response = await post(app, 'c1', '   ');
    assert.equal(response.statusCode, 400);
    const page = response.json();
    assert.deepEqual(page.context.errorList, [{ text: 'Enter the goal in the family’s words', href: '#goal' }]);
    assert.deepEqual(page.context.fieldErrors, { goal: { text: 'Enter the goal in the family’s words' } });
    assert.deepEqual(page.context.values, { goal: '   ' });
    assert.deepEqual(saved, []);
  });

  test('a good POST saves with the parsed data and redirects with 303, without loading the page', async () => {
    const { app, saved, loads } = await appWithAQuestionPage();
    const response = await post(app, 'c1', '  Calmer evenings  ');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/children/c1/plans?notice=goal_added');
    assert.deepEqual(saved, [{ childId: 'c1', goal: 'Calmer evenings' }]);
    assert.deepEqual(loads, []);
  });

  test('a save’s own errors show the form again with 400; a stale save with 409 and what the save gave', async () => {
    const { app } = await appWithAQuestionPage();
    const taken = await post(app, 'c1', 'taken');
    assert.equal(taken.statusCode, 400);
    assert.deepEqual(taken.json().context.errorList, [{ text: 'That goal is already in the plan', href: '#goal' }]);
    const stale = await post(app, 'c1', 'stale');
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().context.extra, 'theirs');
  });

  test('nothing to load, or nothing to save to, answers 404', async () => {
    const { app } = await appWithAQuestionPage();
    assert.equal((await app.inject({ method: 'GET', url: '/children/missing/goals/new' })).statusCode, 404);
    assert.equal((await post(app, 'missing', '')).statusCode, 404);
    assert.equal((await post(app, 'gone', 'A goal')).statusCode, 404);
  });
});
