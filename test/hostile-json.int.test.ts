/**
 * Hostile JSON through every API operation that takes a body, found in the OpenAPI document
 * itself, so a new route is covered the day it is added: each string field is sent a NUL and
 * a lone surrogate (text PostgreSQL cannot store), each date field (`format: date`) an
 * impossible date and a thirteenth month. Each must be refused with a 4xx problem naming the
 * field, and the council's data must not change. The bodies around the hostile value are
 * built from the same schema, with real ids made through the API first, so the refusal is the
 * hostile value's and not some other field's.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from './helpers/app.js';
import {
  createCouncilWithChild,
  createTestAccount,
  csrfTokenIn,
  signIn,
  signInWithCode,
  TEST_TOTP_SECRET,
} from './helpers/accounts.js';
import { rowsOf, withTenant } from '../src/platform/db/tenancy.js';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  description?: string;
}

interface Operation {
  method: string;
  path: string;
  schema: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const NUL = 'before\u0000after';
const LONE_SURROGATE = 'before\ud800after';
/** A real date in the past (some dates may not be in the future), and one soon after today (some must be). */
const A_DATE = '2024-02-29';
const SOON = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const dateFor = (name: string) => (/revisit|review|due/i.test(name) ? SOON : A_DATE);
const IMPOSSIBLE_DATES = ['2025-02-30', '2025-13-01'];

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
});
after(() => kith.close());

/** The schema a `$ref` points at (one level at a time). */
function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    assert.ok(target, `no schema ${current.$ref} in the document`);
    current = target;
  }
  return current;
}

/** The branch of a union to build an example from: the first that is not null. */
function concrete(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const resolved = resolve(document, schema);
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (branches) {
    const branch = branches.map((candidate) => resolve(document, candidate)).find((c) => c.type !== 'null');
    return branch ? concrete(document, branch) : resolved;
  }
  if (resolved.allOf?.length === 1) return concrete(document, resolved.allOf[0]!);
  if (Array.isArray(resolved.type)) return { ...resolved, type: resolved.type.find((type) => type !== 'null') };
  return resolved;
}

const isString = (schema: JsonSchema) => schema.type === 'string';

/** A plausible value for a schema: the first choice, a real date, a time, words long enough. */
function example(document: OpenApiDocument, schema: JsonSchema, name: string, ids: Record<string, unknown>): unknown {
  if (name in ids) return ids[name];
  const resolved = concrete(document, schema);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum) return resolved.enum[0];
  if (resolved.properties || resolved.type === 'object') {
    const body: Record<string, unknown> = {};
    const required = new Set(resolved.required ?? []);
    for (const [key, property] of Object.entries(resolved.properties ?? {})) {
      const inner = concrete(document, property);
      // An optional reference to another record is left out rather than made up.
      if (!required.has(key) && !(key in ids) && (inner.format === 'uuid' || /Id$/.test(key))) continue;
      body[key] = example(document, property, key, ids);
    }
    return body;
  }
  if (resolved.type === 'array') {
    if (!resolved.minItems && resolved.items && concrete(document, resolved.items).format === 'uuid') return [];
    const item = example(document, resolved.items ?? {}, name, ids);
    return Array.from({ length: Math.max(1, resolved.minItems ?? 1) }, () => item);
  }
  if (resolved.type === 'integer' || resolved.type === 'number') return Math.max(1, resolved.minimum ?? 1);
  if (resolved.type === 'boolean') return true;
  if (isString(resolved)) {
    if (resolved.format === 'date') return dateFor(name);
    if (resolved.format === 'date-time') return `${A_DATE}T10:00:00Z`;
    if (resolved.format === 'email') return 'someone@test.example';
    if (resolved.pattern && new RegExp(resolved.pattern).test(A_DATE)) return dateFor(name);
    if (/(start|end)\w*At$/.test(name)) return /end/.test(name) ? '12:00' : '10:00';
    if (/YYYY-MM-DD|date/i.test(resolved.description ?? '') || /On$/.test(name)) return dateFor(name);
    if (/HH:MM/.test(resolved.description ?? '')) return '10:00';
    return 'Plain words for a test'.padEnd(resolved.minLength ?? 0, '.');
  }
  return 'Plain words for a test';
}

interface Target {
  /** A JSON pointer into the body. */
  pointer: string;
  kind: 'text' | 'date';
}

/** Every string in the body the schema describes, and which of them are dates. */
function targets(document: OpenApiDocument, schema: JsonSchema, body: unknown, pointer = ''): Target[] {
  const resolved = concrete(document, schema);
  if (resolved.properties && body && typeof body === 'object' && !Array.isArray(body)) {
    return Object.entries(resolved.properties).flatMap(([key, property]) =>
      key in body ? targets(document, property, (body as Record<string, unknown>)[key], `${pointer}/${key}`) : [],
    );
  }
  if (resolved.type === 'object' && typeof resolved.additionalProperties === 'object') {
    // A record (a draft's fields): a new key holding text.
    return [{ pointer: `${pointer}/notes`, kind: 'text' }];
  }
  if (resolved.type === 'array' && resolved.items) return targets(document, resolved.items, undefined, `${pointer}/0`);
  if (!isString(resolved) || resolved.enum) return [];
  return [{ pointer, kind: resolved.format === 'date' ? 'date' : 'text' }];
}

/** A copy of the body with one value, named by its pointer, replaced. */
function withValueAt(body: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = pointer.split('/').slice(1);
  let parent: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    parent[key] ??= {};
    parent = parent[key] as Record<string, unknown>;
  }
  parent[keys.at(-1)!] = value;
  return copy;
}

/** Everything the council holds, table by table (sessions aside: every request touches its own). */
async function councilData(tenantId: string): Promise<Record<string, string>> {
  return withTenant(kith.database.orm, tenantId, async (tx) => {
    const tables = rowsOf<{ table: string }>(
      await tx.execute(sql`
        select c.relname as "table" from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and has_table_privilege(c.oid, 'select')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
          and c.relname not in ('sessions')
        order by 1`),
    );
    const digests: Record<string, string> = {};
    for (const { table } of tables) {
      const [row] = rowsOf<{ digest: string }>(
        await tx.execute(
          sql`select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(table)} t`,
        ),
      );
      digests[table] = row!.digest;
    }
    return digests;
  });
}

test('NUL, lone surrogates and impossible dates in any JSON body are refused with a problem naming the field, and change nothing', async () => {
  const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  const headers = { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(page.body) };
  // A route only managers may pass (deciding a contact at the front door) refuses the practitioner
  // at its gate, before the body is read; its body is then sent again by a team manager.
  const manager = await createTestAccount(kith.database, council.id, {
    roles: ['team_manager'],
    totpSecret: TEST_TOTP_SECRET,
  });
  const managerCookie = await signInWithCode(kith.app, manager.email, TEST_TOTP_SECRET);
  const managerPage = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${managerCookie}` } });
  const managerHeaders = { cookie: `kith_session=${managerCookie}`, 'x-csrf-token': csrfTokenIn(managerPage.body) };
  // The council's timescale policy is changed only by its administrators.
  const admin = await createTestAccount(kith.database, council.id, {
    roles: ['council_administrator'],
    totpSecret: TEST_TOTP_SECRET,
  });
  const adminCookie = await signInWithCode(kith.app, admin.email, TEST_TOTP_SECRET);
  const adminPage = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${adminCookie}` } });
  const adminHeaders = { cookie: `kith_session=${adminCookie}`, 'x-csrf-token': csrfTokenIn(adminPage.body) };
  const call = (method: string, url: string, payload?: unknown, as: Record<string, string> = headers) =>
    kith.app.inject({
      method: method as 'POST',
      url,
      headers: payload === undefined ? as : { ...as, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });

  const documentResponse = await kith.app.inject({ url: '/api/docs/json' });
  assert.equal(documentResponse.statusCode, 200);
  const document = documentResponse.json<OpenApiDocument>();
  const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) => {
      const schema = operation.requestBody?.content['application/json']?.schema;
      return schema ? [{ method: method.toUpperCase(), path, schema }] : [];
    }),
  );
  assert.ok(operations.length >= 30, `expected the API's operations with a body, found ${operations.length}`);
  const operation = (method: string, path: string) => {
    const found = operations.find((candidate) => candidate.method === method && candidate.path === path);
    assert.ok(found, `${method} ${path} is not in the document`);
    return found;
  };

  // Real ids for every path parameter, each made through the API with a body built from its schema.
  const ids: Record<string, unknown> = {
    childId,
    formKey: 'visit-new',
    version: 1,
    date: '2026-12-29',
    noteId: '00000000-0000-4000-8000-00000000000a',
  };
  const urlOf = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
      assert.ok(name in ids, `no id for the path parameter {${name}} of ${path}: make one in this test`);
      return String(ids[name]);
    });
  const make = async (name: string, path: string, answer: (body: Record<string, unknown>) => unknown) => {
    const body = example(document, operation('POST', path).schema, '', ids);
    const response = await call('POST', urlOf(path), body);
    assert.ok(response.statusCode < 300, `POST ${path}: ${response.statusCode} ${response.body}`);
    ids[name] = answer(response.body ? response.json() : {});
  };
  const idIn = (body: Record<string, unknown>) =>
    Object.entries(body).find(([key, value]) => /id$/i.test(key) && typeof value === 'string')?.[1];
  await make('personId', '/api/v1/children/{childId}/network/people', idIn);
  await make('toPersonId', '/api/v1/children/{childId}/network/people', idIn);
  ids.fromPersonId = ids.personId;
  await make('relationshipId', '/api/v1/children/{childId}/network/relationships', idIn);
  await make('mappingId', '/api/v1/children/{childId}/mappings', idIn);
  await make('entryId', '/api/v1/children/{childId}/mappings/{mappingId}/entries', idIn);
  await make('planId', '/api/v1/children/{childId}/plans', idIn);
  await make('questionId', '/api/v1/children/{childId}/safe-uncertainty/questions', idIn);
  await make('meetingId', '/api/v1/children/{childId}/meetings', idIn);
  await make('inviteeId', '/api/v1/children/{childId}/meetings/{meetingId}/invitees', idIn);
  await make('actionId', '/api/v1/children/{childId}/meetings/{meetingId}/actions', idIn);
  const meeting = await call('GET', urlOf('/api/v1/children/{childId}/meetings/{meetingId}'));
  ids.actionId = meeting.json<{ actions: { id: string }[] }>().actions[0]?.id;
  await make('offerId', '/api/v1/children/{childId}/family-meeting-offers', idIn);
  await make('contactId', '/api/v1/contacts', idIn);
  await make('referralId', '/api/v1/children/{childId}/episodes/referrals', idIn);
  const episode = await call('POST', urlOf('/api/v1/children/{childId}/episodes/episodes'), {
    kind: 'child_protection',
    startsOn: '2026-01-05',
    primaryNeedCode: 'N1',
    leadPractitioner: 'Alex Morgan',
    planCategories: ['neglect'],
  });
  assert.equal(episode.statusCode, 201, episode.body);
  ids.episodeId = episode.json<{ id: string }>().id;
  const assessment = await call('POST', urlOf('/api/v1/children/{childId}/assessments'));
  assert.equal(assessment.statusCode, 201, assessment.body);
  ids.assessmentId = assessment.json<{ assessmentId: string }>().assessmentId;
  // The versions to send are the ones just made: nothing below may change them.
  ids.expectedVersion = 1;
  ids.expectedRevision = assessment.json<{ revision: number }>().revision;

  const before = await councilData(council.id);
  const failures: string[] = [];
  let sent = 0;
  let dateFields = 0;
  for (const { method, path, schema } of operations) {
    const body = example(document, schema, '', ids);
    const url = urlOf(path);
    for (const target of targets(document, schema, body)) {
      const values = target.kind === 'date' ? [...IMPOSSIBLE_DATES, NUL] : [NUL, LONE_SURROGATE];
      if (target.kind === 'date') dateFields += 1;
      for (const value of values) {
        sent += 1;
        const hostile = withValueAt(body, target.pointer, value);
        let response = await call(method, url, hostile);
        if (response.statusCode === 403) response = await call(method, url, hostile, managerHeaders);
        if (response.statusCode === 403) response = await call(method, url, hostile, adminHeaders);
        const where = `${method} ${path} ${target.pointer} = ${JSON.stringify(value)}`;
        if (response.statusCode < 400 || response.statusCode >= 500) {
          failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          continue;
        }
        if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
          failures.push(`${where}: ${response.statusCode} is not a problem response`);
          continue;
        }
        const pointers = (response.json<{ errors?: { pointer: string }[] }>().errors ?? []).map((e) => e.pointer);
        // 400 from a route's schema points into the body; 422 from the service's rules names the field itself.
        if (!pointers.some((pointer) => pointer === `/body${target.pointer}` || pointer === target.pointer)) {
          failures.push(
            `${where}: ${response.statusCode} does not name the field (${pointers.join(', ') || 'no errors'})`,
          );
        }
      }
    }
  }
  assert.ok(sent > 200, `expected hundreds of hostile bodies, sent ${sent}`);
  assert.deepEqual(failures, [], `${failures.length} of ${sent} hostile bodies were not refused by name`);
  assert.ok(dateFields >= 15, `expected the date fields to say format: date, found ${dateFields}`);
  assert.deepEqual(await councilData(council.id), before, 'nothing the council holds changed');
});
