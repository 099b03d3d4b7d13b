/**
 * Walks every route that opens a child's record, on the demo council's story (Mia Thompson's
 * record, with its network, mappings, assessment, plan, visits and meetings), three times:
 *
 * - as Alex Morgan, Mia's allocated practitioner: every route writes an audit entry about Mia's
 *   record, and a page or answer that shows something writes the action its route declares;
 * - as Sarah Thompson, Mia's mother, with whom the record is shared, and as Mia herself: every
 *   route not made for them answers exactly as if Mia's record did not exist, and writes a
 *   refusal, never an "allowed" entry.
 *
 * Real ids come from crawling the record's own pages as Alex (links and form actions), so a new
 * route is walked with real records as soon as a page links to it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { opensAChildsRecord, type RegisteredRoute } from '../src/platform/access/route-access.js';
import { audienceOf } from '../src/platform/access/policy.js';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { demoCouncil } from '../src/demo/demo-family.js';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { csrfTokenIn, signIn } from './helpers/accounts.js';
import { parseHtml, textOf } from './helpers/html.js';

const NO_SUCH_CHILD = '00000000-0000-4000-8000-00000000dead';
let kith: TestApp;
let miaId = '';
let tenantId = '';
const params = new Map<string, string>();

interface Caller {
  cookie: string;
  csrf: string;
}
const callers: Record<'alex' | 'sarah' | 'mia', Caller> = {
  alex: { cookie: '', csrf: '' },
  sarah: { cookie: '', csrf: '' },
  mia: { cookie: '', csrf: '' },
};

async function signInDemo(email: string): Promise<Caller> {
  const cookie = await signIn(kith.app, email, DEMO_PASSWORD);
  const page = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  return { cookie, csrf: csrfTokenIn(page.body) };
}

/**
 * A route's URL as a regular expression capturing its params, with a key for each param that
 * names where it stands (so a plan's action and a meeting's action are told apart).
 */
function matcherFor(route: RegisteredRoute): { keys: string[]; pattern: RegExp } {
  const keys: string[] = [];
  const source = route.url
    .replace(/[.]/g, '\\.')
    .replace(/:([A-Za-z]+)/g, (name: string, _n: string, offset: number) => {
      keys.push(route.url.slice(0, offset) + name);
      return '([^/?#]+)';
    });
  return { keys, pattern: new RegExp(`^${source}$`) };
}

/** Crawls Mia's record as Alex, learning a real value for every route parameter it can. */
async function learnParams(routes: RegisteredRoute[]): Promise<void> {
  const matchers = routes.map(matcherFor);
  const seen = new Set<string>();
  const queue = [`/children/${miaId}`];
  while (queue.length > 0 && seen.size < 400) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const page = await kith.app.inject({ url, headers: { cookie: `kith_session=${callers.alex.cookie}` } });
    if (page.statusCode !== 200 || !String(page.headers['content-type']).includes('text/html')) continue;
    const document = parseHtml(page.body);
    const addresses = [
      ...document.querySelectorAll('a[href]').map((link) => link.getAttribute('href')!),
      ...document.querySelectorAll('form[action]').map((form) => form.getAttribute('action')!),
    ];
    for (const address of addresses) {
      const path = address.split(/[?#]/)[0]!;
      if (!path.startsWith(`/children/${miaId}`)) continue;
      // As the router does: a route with fewer params (more fixed words) wins ("mapping/new").
      const best = matchers
        .map((matcher) => ({ matcher, match: matcher.pattern.exec(path) }))
        .filter(({ match }) => match !== null)
        .sort((a, b) => a.matcher.keys.length - b.matcher.keys.length)[0];
      best?.matcher.keys.forEach((key, index) => {
        if (!params.has(key)) params.set(key, decodeURIComponent(best.match![index + 1]!));
      });
      if (!seen.has(path)) queue.push(path);
    }
  }
}

function concrete(url: string, childId: string): string {
  return url.replace(/:([A-Za-z]+)/g, (name: string, bare: string, offset: number) => {
    if (bare === 'childId') return childId;
    const known =
      params.get(url.slice(0, offset) + name) ??
      params.get((url.slice(0, offset) + name).replace(/^\/api\/v1/, '')) ??
      [...params].find(([key]) => key.endsWith(`/${name}`) && !key.includes('/api/'))?.[1];
    return encodeURIComponent(known ?? 'not-a-real-id');
  });
}

async function call(route: RegisteredRoute, caller: Caller, childId: string): Promise<LightMyRequestResponse> {
  const options: InjectOptions = {
    method: route.method,
    url: concrete(route.url, childId),
    headers: { cookie: `kith_session=${caller.cookie}`, 'x-csrf-token': caller.csrf },
  };
  if (route.method !== 'GET') options.payload = route.url.startsWith('/api/') ? {} : { _csrf: caller.csrf };
  return kith.app.inject(options);
}

type Entry = {
  action: string;
  outcome: string;
  details: Record<string, unknown>;
};
async function newestSequence(): Promise<number> {
  const rows = await kith.database.asOwner(async (owner) => {
    await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
    return owner.query<{ newest: string | null }>('select max(sequence) as newest from audit_events');
  });
  return Number(rows[0]?.newest ?? 0);
}
async function entriesAboutMiaSince(sequence: number): Promise<Entry[]> {
  const rows = await kith.database.asOwner(async (owner) => {
    await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
    return owner.query<Entry>(
      'select action, outcome, details from audit_events where sequence > $1 and child_person_id = $2 order by sequence',
      [sequence, miaId],
    );
  });
  return rows;
}

/** What a person can tell from an answer: its status, and its title or problem detail. */
function visibleShape(response: LightMyRequestResponse): string {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('json')) {
    const body = response.json<{ status?: number; detail?: string; title?: string }>();
    return `${response.statusCode} ${body.title ?? ''} ${body.detail ?? ''}`;
  }
  if (type.includes('html')) return `${response.statusCode} ${textOf(parseHtml(response.body), 'title')}`;
  return `${response.statusCode} ${type}`;
}

/**
 * A page writes the action its route declares; a form page whose declaration names what saving
 * it records (its POST's action) writes the view it shows instead.
 */
function writesWhatItDeclares(route: RegisteredRoute, action: string): boolean {
  if (action === route.audit) return true;
  const isFormPage = kith.routes.some((other) => other.method === 'POST' && other.url === route.url);
  return isFormPage && (action === 'child_record.view' || action.endsWith('.view'));
}

const childRecordRoutes = () => kith.routes.filter((route) => route.method !== 'HEAD' && opensAChildsRecord(route.url));

before(async () => {
  kith = await buildTestApp();
  await seedDemo(kith.database);
  callers.alex = await signInDemo('alex.morgan@demo-borough.example');
  callers.sarah = await signInDemo('sarah.thompson@family.example');
  callers.mia = await signInDemo('mia.thompson@family.example');
  const caseload = await kith.app.inject({
    url: '/caseload',
    headers: { cookie: `kith_session=${callers.alex.cookie}` },
  });
  miaId = /href="\/children\/([0-9a-f-]{36})">Mia Thompson/.exec(caseload.body)![1]!;
  tenantId = await kith.database.asOwner(async (owner) => {
    const rows = await owner.query<{ id: string }>('select id from tenants where slug = $1', [demoCouncil.slug]);
    return rows[0]!.id;
  });
  assert.ok(tenantId);
  await learnParams(childRecordRoutes());
});
after(() => kith.close());

test('as a family member and as the young person, every route not made for them looks like a missing record', async () => {
  const routes = childRecordRoutes();
  let refused = 0;
  for (const [name, caller, roles] of [
    ['Sarah', callers.sarah, ['family_member']],
    ['Mia', callers.mia, ['young_person']],
  ] as const) {
    for (const route of routes) {
      if (route.audiences.includes(audienceOf(roles))) continue;
      const before = await newestSequence();
      const real = await call(route, caller, miaId);
      const entries = await entriesAboutMiaSince(before);
      const missing = await call(route, caller, NO_SUCH_CHILD);
      const where = `${route.method} ${route.url} as ${name}`;
      assert.equal(visibleShape(real), visibleShape(missing), `${where}: answers as if the record did not exist`);
      assert.ok(
        entries.every((entry) => entry.outcome !== 'allowed'),
        `${where}: wrote an allowed entry: ${JSON.stringify(entries)}`,
      );
      if (route.method === 'GET' && real.statusCode !== 403) {
        assert.ok(
          entries.some((entry) => entry.outcome === 'denied'),
          `${where}: the refusal is in the audit log`,
        );
      }
      refused += 1;
    }
  }
  assert.ok(refused > 200, `walked ${refused} refusals`);
  console.log(`family and young person: ${refused} route refusals checked on Mia's real record`);
});

test('the family’s and the child’s versions still open for them', async () => {
  const planId = concrete('/:planId', miaId).slice(1);
  assert.ok(planId, 'the crawl found Mia’s plan');
  const family = await kith.app.inject({
    url: `/children/${miaId}/plans/${planId}/family`,
    headers: { cookie: `kith_session=${callers.sarah.cookie}` },
  });
  assert.equal(family.statusCode, 200);
  const forMia = await kith.app.inject({
    url: `/children/${miaId}/plans/${planId}/for-child`,
    headers: { cookie: `kith_session=${callers.mia.cookie}` },
  });
  assert.equal(forMia.statusCode, 200);
});

test('as the allocated practitioner, every answer that shows something of Mia’s record writes its audit entry', async () => {
  const routes = childRecordRoutes().sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
  const silent: string[] = [];
  const undeclared: string[] = [];
  const byDeclaration: string[] = [];
  let showing = 0;
  for (const route of routes) {
    const before = await newestSequence();
    const response = await call(route, callers.alex, miaId);
    const entries = await entriesAboutMiaSince(before);
    const where = `${route.method} ${route.url} → ${response.statusCode}`;
    // A success, or a form page shown again with its errors, shows something of the record.
    const shows =
      (response.statusCode >= 200 && response.statusCode < 300) ||
      (response.statusCode === 400 && !route.url.startsWith('/api/'));
    if (!shows) continue;
    showing += 1;
    if (entries.length === 0) silent.push(where);
    else if (route.method === 'GET' && !entries.some((entry) => writesWhatItDeclares(route, entry.action))) {
      undeclared.push(`${where} wrote ${entries.map((entry) => entry.action).join(', ')}, declared ${route.audit}`);
    }
    if (entries.some((entry) => entry.details.recordedBy === 'route declaration')) byDeclaration.push(where);
  }
  assert.deepEqual(silent, [], 'answers that showed the record and wrote no audit entry about the child');
  assert.deepEqual(undeclared, [], 'pages that did not write the audit action they declare');
  assert.ok(showing > 100, `${showing} answers showed the record`);
  console.log(
    `practitioner: ${showing} answers from ${routes.length} child-record routes showed Mia’s record, each audited; ` +
      `${byDeclaration.length} by their route declaration alone: ${byDeclaration.join('; ')}`,
  );
});
