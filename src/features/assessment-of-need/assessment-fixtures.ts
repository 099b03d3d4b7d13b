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
import { searchAuditLog } from '../../platform/audit/audit-log.js';
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
  /**
   * Asserts that each of these actions was recorded as allowed at least once, and that saving a
   * draft was refused once because it was signed off and once because it was stale.
   */
  async function assertAudited(actions: readonly string[]) {
    const { council } = kit.people;
    const log = await withTenant(kit.kith.database.orm, council.id, async (tx) =>
      Object.fromEntries(
        await Promise.all(
          actions.map(async (action) => [action, (await searchAuditLog(tx, council.id, { action })).entries] as const),
        ),
      ),
    );
    for (const [action, entries] of Object.entries(log)) {
      assert.ok(
        entries.some((entry) => entry.outcome === 'allowed'),
        `${action} allowed`,
      );
    }
    assert.ok(
      log['assessment.draft_saved']!.some(
        (entry) => entry.outcome === 'denied' && entry.details.reason === 'signed_off_locked',
      ),
    );
    assert.ok(
      log['assessment.draft_saved']!.some(
        (entry) => entry.outcome === 'denied' && entry.details.reason === 'stale_revision',
      ),
    );
  }
  return { open, close, get, post, submit, api, stored, list, assertAudited };
}
