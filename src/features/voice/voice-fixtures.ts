/**
 * What voice's page tests share: a signed-in session that fills and submits forms as rendered,
 * a practitioner with a child of their own, and a visit as a practitioner would type it.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../../test/helpers/app.js';
import { createCouncilWithChild, csrfTokenIn, signIn } from '../../../test/helpers/accounts.js';
import { formValuesIn } from '../../../test/helpers/forms.js';

/** Sessions on the test app `kith()` gives (built in the test file's `before`). */
export function voiceSessions(kith: () => TestApp) {
  async function sessionFor(email: string) {
    const cookie = await signIn(kith().app, email);
    const headers = { cookie: `kith_session=${cookie}` };
    const get = (url: string) => kith().app.inject({ url, headers });
    const csrf = csrfTokenIn((await get('/accessibility')).body);
    /** Fills a form as rendered, with some fields changed, and submits it. */
    const submit = async (url: string, changes: Record<string, string | string[]>) => {
      const page = await get(url);
      assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`);
      return kith().app.inject({
        method: 'POST',
        url,
        headers,
        payload: { ...formValuesIn(page.body, url), ...changes },
      });
    };
    const putDraft = (childId: string, formKey: string, body: object, withCsrf = true) =>
      kith().app.inject({
        method: 'PUT',
        url: `/api/v1/children/${childId}/drafts/${formKey}`,
        headers: { ...headers, ...(withCsrf ? { 'x-csrf-token': csrf } : {}) },
        payload: body,
      });
    return { get, submit, headers, putDraft, csrf };
  }

  async function practitioner() {
    const setup = await createCouncilWithChild(kith().database);
    return { ...setup, ...(await sessionFor(setup.practitioner.email)) };
  }
  return { sessionFor, practitioner };
}

export const aVisit = {
  kind: 'home_visit',
  'happened-Day': '3',
  'happened-Month': '2',
  'happened-Year': '2025',
  happenedTime: '16:15',
  place: 'At home',
  othersThere: 'Dad\nAuntie Jo',
  childSeen: 'yes',
  seenAlone: 'yes',
  seenHeardFelt: 'The flat was warm; Robin showed me the den he built with Dad.',
  childsWords: 'I like it when Dad reads to me.',
  workingWell: 'Dad walks Robin to school every day.',
  worries: 'Robin said the shouting at night scares him.',
  reflection: 'I wonder how Dad is coping since his job ended.',
  'nextStep1-who': 'Dad',
  'nextStep1-what': 'Ask Auntie Jo about Friday evenings',
  'nextStep1-byWhen-Day': '1',
  'nextStep1-byWhen-Month': '3',
  'nextStep1-byWhen-Year': '2025',
};
