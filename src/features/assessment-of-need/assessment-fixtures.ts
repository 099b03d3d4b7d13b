/** The council, the people around a child and the requests the assessment's integration tests share. */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import {
  peopleAroundAChild,
  type Caller,
  type PeopleAroundAChild,
} from '../../../test/helpers/people-around-a-child.js';
import { rowsOf, withTenant } from '../../platform/db/tenancy.js';

/**
 * One application and one child with everyone around them, for a test file: `open()` in its
 * `before`, `close()` in its `after`; the requests use what `open()` made.
 */
export function assessmentTestKit() {
  const kit = {} as { kith: TestApp; people: PeopleAroundAChild };
  const open = async () => {
    kit.kith = await buildTestApp();
    kit.people = await peopleAroundAChild(kit.kith.app, kit.kith.database);
    return kit;
  };
  const close = () => kit.kith.close();

  const get = (caller: Caller, url: string) =>
    kit.kith.app.inject({ url, headers: { cookie: `kith_session=${caller.cookie}` } });
  const post = (caller: Caller, url: string, payload: Record<string, string | string[]>) =>
    kit.kith.app.inject({ method: 'POST', url, headers: { cookie: `kith_session=${caller.cookie}` }, payload });
  /** Fills a form as the page renders it, with some fields changed, and submits it. */
  async function submit(caller: Caller, url: string, changes: Record<string, string> = {}, expected = 200) {
    const form = await get(caller, url);
    assert.equal(form.statusCode, expected, `${url}: ${form.statusCode}`);
    return post(caller, url, { ...formValuesIn(form.body, url), ...changes });
  }
  const api = (caller: Caller, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
    kit.kith.app.inject({
      method,
      url: `/api/v1/children/${kit.people.childId}/assessments${path}`,
      headers: caller.headers,
      ...(payload ? { payload } : {}),
    });
  async function stored(assessmentId: string, versionNumber: number) {
    const rows = await withTenant(kit.kith.database.orm, kit.people.council.id, async (tx) =>
      rowsOf<{ status: string; developmentStrengths: string; revision: number }>(
        await tx.execute(sql`select status, development_strengths as "developmentStrengths", revision
          from need_assessment_versions where assessment_id = ${assessmentId} and version_number = ${versionNumber}`),
      ),
    );
    return rows[0]!;
  }
  const list = (childId: string) => `/children/${childId}/assessments`;
  return { open, close, get, post, submit, api, stored, list };
}
