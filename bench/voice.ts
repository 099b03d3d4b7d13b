/**
 * `node --import tsx bench/voice.ts` (set DATABASE_URL for PostgreSQL): how long saving a
 * draft takes through the whole app (session, access check, save, audit; target p95 under
 * 30 ms), and how long full-text search takes over a synthetic council of CHILDREN children
 * with VISITS visits each (default 1,000 × 100; target p95 under 150 ms at 20,000 children
 * and two million visits, which this machine has not been able to try).
 */
import { buildTestApp } from '../test/helpers/app.js';
import { createCouncilWithChild, csrfTokenIn, signIn } from '../test/helpers/accounts.js';
import { withTenant } from '../src/platform/db/tenancy.js';
import { searchRecords } from '../src/features/voice/queries.js';

const CHILDREN = Number(process.env.CHILDREN ?? 1000);
const VISITS_PER_CHILD = Number(process.env.VISITS ?? 100);
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

function percentiles(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`;
}

const kith = await buildTestApp();
const setup = await createCouncilWithChild(kith.database);
const cookie = await signIn(kith.app, setup.practitioner.email);
const headers = { cookie: `kith_session=${cookie}` };
const csrf = csrfTokenIn((await kith.app.inject({ url: '/accessibility', headers })).body);
const note = 'Mia showed me the garden she is planting with Nan Pat. '.repeat(80);
let version = 0;
const saves: number[] = [];
for (let index = 0; index < 300; index += 1) {
  const started = performance.now();
  const response = await kith.app.inject({
    method: 'PUT',
    url: `/api/v1/children/${setup.childId}/drafts/visit-new`,
    headers: { ...headers, 'x-csrf-token': csrf },
    payload: { content: { seenHeardFelt: `${note}${index}`, kind: 'home_visit' }, expectedVersion: version },
  });
  if (response.statusCode !== 200) throw new Error(`draft save answered ${response.statusCode}`);
  version = response.json<{ version: number }>().version;
  if (index >= 50) saves.push(performance.now() - started);
}
console.log(`Draft save (${database}), ${saves.length} saves of a 4.5 KB note: ${percentiles(saves)}`);

const tenantId = setup.council.id;
const childIds = await kith.database.asOwner(async (owner) => {
  await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
  const children = await owner.query<{ id: string }>(
    `insert into people (tenant_id, full_name) select $1, 'Child ' || g from generate_series(1, $2) g returning id`,
    [tenantId, CHILDREN],
  );
  await owner.query(
    `insert into child_records (tenant_id, person_id, reference)
     select $1, id, 'S' || upper(substr(replace(id::text, '-', ''), 1, 8)) from people
      where tenant_id = $1 and full_name like 'Child %'`,
    [tenantId],
  );
  const words = ['football', 'school', 'garden', 'nan', 'reading', 'dog', 'swimming', 'bedroom', 'music', 'park'];
  const more = ['homework', 'cooking', 'bike', 'cousins', 'drawing', 'dentist', 'bus', 'birthday', 'rabbit', 'library'];
  await owner.query(
    `insert into visits (tenant_id, child_person_id, kind, happened_at, child_seen, seen_alone, seen_heard_felt,
                         childs_words, working_well, recorded_by_label)
     select $1, c.person_id, 'home_visit', now() - (g || ' days')::interval, true, true,
            'We talked about ' || ($3::text[])[1 + (g * 7 + abs(hashtext(c.person_id::text))) % 20] || ' and ' ||
              ($3::text[])[1 + (g * 13) % 20] || '. The home was calm and warm; everyone had a cup of tea.',
            'I like ' || ($3::text[])[1 + (g * 3 + 5) % 20], 'Mum walks to school every day', 'Synthetic'
       from child_records c, generate_series(1, $2) g
      where c.tenant_id = $1 and c.person_id <> $4`,
    [tenantId, VISITS_PER_CHILD, [...words, ...more], setup.childId],
  );
  await owner.query('analyze visits');
  return children.map((child) => child.id);
});

async function timeSearch(label: string, ids: string[], terms: string) {
  const times: number[] = [];
  for (let index = 0; index < 40; index += 1) {
    const started = performance.now();
    await withTenant(kith.database.orm, tenantId, (tx) => searchRecords(tx, tenantId, ids, terms));
    if (index >= 10) times.push(performance.now() - started);
  }
  console.log(`Search, ${label}: ${percentiles(times)}`);
}
console.log(`${CHILDREN} children × ${VISITS_PER_CHILD} visits = ${CHILDREN * VISITS_PER_CHILD} visits (${database})`);
await timeSearch('one child', [childIds[0]!], 'football');
await timeSearch('a caseload of 30 children', childIds.slice(0, 30), 'football');
await timeSearch(`all ${CHILDREN} children, a rare phrase`, childIds, '"rabbit and dentist"');
await timeSearch(`all ${CHILDREN} children, a common word (best 50)`, childIds, 'football');
await kith.close();
