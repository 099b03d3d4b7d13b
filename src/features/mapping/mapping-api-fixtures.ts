/**
 * What the mapping API tests share: a signed-in caller, a child with their mum in their network
 * and a practitioner who works with them, and a mapping started through the API.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../../test/helpers/app.js';
import {
  createCouncilWithChild,
  createTestAccount,
  csrfTokenIn,
  shareRecordWith,
  signIn,
} from '../../../test/helpers/accounts.js';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { insertMember } from '../network/queries.js';
import { insertPerson } from '../people/queries.js';

export interface Caller {
  headers: Record<string, string>;
}

export const api = (childId: string) => `/api/v1/children/${childId}`;

/** A partner agency worker the child's record is shared with (the school's agreement): they may read it only. */
export async function partnerSharedWith(database: Database, councilId: string, childPersonId: string) {
  const partner = await createTestAccount(database, councilId, { roles: ['partner_agency_worker'] });
  await shareRecordWith(database, councilId, {
    childPersonId,
    userId: partner.userId,
    audience: 'partner_agency',
    agreement: 'School agreement',
  });
  return partner;
}

/** The helpers, for the test app `kith()` gives (built in the test file's `before`). */
export function mappingApiFixtures(kith: () => TestApp) {
  async function callerFor(email: string): Promise<Caller> {
    const cookie = await signIn(kith().app, email);
    const page = await kith().app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
    return { headers: { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(page.body) } };
  }

  /** A child with their mum in their network, and a practitioner who works with them. */
  async function childWithMum() {
    const setup = await createCouncilWithChild(kith().database);
    const mumId = await withTenant(kith().database.orm, setup.council.id, async (tx) => {
      const id = await insertPerson(tx, setup.council.id, { fullName: 'Sarah Test', gender: 'female' });
      await insertMember(tx, setup.council.id, { childPersonId: setup.childId, personId: id, circle: 'family' });
      return id;
    });
    return { ...setup, mumId, caller: await callerFor(setup.practitioner.email) };
  }

  async function startMapping(caller: Caller, childId: string, heldOn = '2026-06-10') {
    const response = await kith().app.inject({
      method: 'POST',
      url: `${api(childId)}/mappings`,
      headers: caller.headers,
      payload: { title: 'First mapping', heldOn, whoTookPart: 'Sarah, Robin, Nan, Alex' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ mappingId: string }>().mappingId;
  }

  return { callerFor, childWithMum, startMapping };
}
