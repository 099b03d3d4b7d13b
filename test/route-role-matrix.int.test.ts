/**
 * Walks every registered route with every role (and with nobody signed in) and compares what
 * happens with the expected matrix below. A new route must be added here, so nobody can add
 * a route whose access was never thought about; a route that forgets to declare access does
 * not even start (see route-access.ts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RouteAccess } from '../src/platform/access/route-access.js';
import { roles, type Role } from '../src/platform/identity/roles.js';
import { totpCode } from '../src/platform/auth/totp.js';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { createTestAccount, csrfTokenIn, sessionCookieFrom, TEST_PASSWORD } from './helpers/accounts.js';
import { createTestCouncil } from './helpers/database.js';
import { withTenant } from '../src/platform/db/tenancy.js';
import { insertPerson } from '../src/features/people/queries.js';

const everyone = 'everyone';
const signedIn = 'anyone signed in';
const childViewers: Role[] = [
  'practitioner',
  'team_manager',
  'fgc_coordinator',
  'partner_agency_worker',
  'family_member',
  'young_person',
];
const childChangers: Role[] = ['practitioner', 'team_manager', 'fgc_coordinator'];
const staff: Role[] = [
  'practitioner',
  'team_manager',
  'fgc_coordinator',
  'partner_agency_worker',
  'council_administrator',
  'auditor',
];
/** Who may pass each route's gate. Record-level rules (policy.ts) are tested separately. */
const expected: Record<string, Role[] | typeof everyone | typeof signedIn | 'awaiting second factor'> = {
  'GET /': everyone,
  'GET /accessibility': everyone,
  'GET /api/docs': everyone,
  'GET /api/docs/json': everyone,
  'GET /health/live': everyone,
  'GET /health/ready': everyone,
  'GET /assets/build/:file': everyone,
  'GET /assets/govuk-frontend-*': everyone,
  'GET /sign-in': everyone,
  'POST /sign-in': everyone,
  'GET /sign-in/two-factor': 'awaiting second factor',
  'POST /sign-in/two-factor': 'awaiting second factor',
  'POST /sign-out': signedIn,
  'POST /session/keep-alive': signedIn,
  'POST /sign-out/everywhere': signedIn,
  'GET /caseload': ['practitioner', 'team_manager', 'fgc_coordinator', 'partner_agency_worker'],
  'GET /children/:childId/who-has-seen': ['team_manager', 'auditor'],
  'GET /audit': ['auditor'],
  'POST /children/:childId/open-restricted': childViewers,
  'GET /children/:childId/details': ['practitioner', 'team_manager', 'fgc_coordinator'],
  'POST /children/:childId/details': ['practitioner', 'team_manager', 'fgc_coordinator'],
  'GET /children/:childId/history': childViewers,
  'GET /restricted-access': ['team_manager'],
  'POST /restricted-access/:grantId/review': ['team_manager'],
  'GET /account': signedIn,
  'GET /account/two-factor': signedIn,
  'POST /account/two-factor': signedIn,
  'GET /account/tokens/new': staff,
  'POST /account/tokens/new': staff,
  'POST /account/tokens/:tokenId/revoke': staff,
  'GET /api/v1/me': signedIn,
  'GET /api/v1/session/csrf-token': signedIn,
  'POST /api/v1/language/check': signedIn,
  'GET /language/words': signedIn,
  'GET /admin/language': ['council_administrator'],
  'GET /admin/language/new': ['council_administrator'],
  'POST /admin/language/new': ['council_administrator'],
  'POST /admin/language/:entryId/switch': ['council_administrator'],
  'GET /api/v1/children': ['practitioner', 'team_manager', 'fgc_coordinator', 'partner_agency_worker'],
  'GET /api/v1/children/:childId': childViewers,
  'GET /api/v1/children/:childId/network': childViewers,
  'POST /api/v1/children/:childId/network/people': childChangers,
  'POST /api/v1/children/:childId/network/relationships': childChangers,
  'PUT /api/v1/children/:childId/network/relationships/:relationshipId': childChangers,
  'PUT /api/v1/children/:childId/network/people/:personId/position': childChangers,
  'GET /api/v1/children/:childId/network/possible-matches': childChangers,
  'GET /children/:childId/network/people/new': childChangers,
  'POST /children/:childId/network/people/new': childChangers,
  'GET /children/:childId/network/relationships/new': childChangers,
  'POST /children/:childId/network/relationships/new': childChangers,
  'GET /children/:childId/network/relationships/:relationshipId': childChangers,
  'POST /children/:childId/network/relationships/:relationshipId': childChangers,
  'GET /children/:childId/network/people/:personId/no-longer-involved': childChangers,
  'POST /children/:childId/network/people/:personId/no-longer-involved': childChangers,
  'GET /children/:childId/ecomap.svg': childViewers,
  'GET /children/:childId/network/people/:personId/merge': childChangers,
  'GET /children/:childId/network/people/:personId': childChangers,
  'POST /children/:childId/network/people/:personId': childChangers,
  'POST /children/:childId/network/people/:personId/merge': childChangers,
  'GET /children/:childId/genogram': childViewers,
  'GET /children/:childId/genogram.svg': childViewers,
  'GET /account/password': signedIn,
  'POST /account/password': signedIn,
  'GET /admin/users': ['council_administrator'],
  'GET /admin/users/new': ['council_administrator'],
  'POST /admin/users/new': ['council_administrator'],
  'GET /admin/users/:userId': ['council_administrator'],
  'POST /admin/users/:userId/roles': ['council_administrator'],
  'POST /admin/users/:userId/end-sessions': ['council_administrator'],
  'POST /admin/users/:userId/disable': ['council_administrator'],
  'POST /admin/users/:userId/enable': ['council_administrator'],
  'GET /admin/teams': ['council_administrator'],
  'POST /admin/teams': ['council_administrator'],
  'POST /admin/teams/:teamId/members': ['council_administrator'],
  'GET /admin/settings': ['council_administrator'],
  'POST /admin/settings': ['council_administrator'],
  'GET /admin/timescales': ['council_administrator'],
  'GET /admin/timescales/change': ['council_administrator'],
  'POST /admin/timescales/change': ['council_administrator'],
  'GET /admin/timescales/closure-days/new': ['council_administrator'],
  'POST /admin/timescales/closure-days/new': ['council_administrator'],
  'GET /admin/timescales/closure-days/:date/remove': ['council_administrator'],
  'POST /admin/timescales/closure-days/:date/remove': ['council_administrator'],
  'GET /api/v1/timescales': ['council_administrator'],
  'PUT /api/v1/timescales': ['council_administrator'],
  'POST /api/v1/timescales/closure-days': ['council_administrator'],
  'POST /api/v1/timescales/closure-days/:date': ['council_administrator'],
  'GET /children/:childId/allocation': childViewers,
  'GET /children/:childId/allocation/new': ['team_manager'],
  'POST /children/:childId/allocation/new': ['team_manager'],
  'GET /children/:childId/allocation/transfer': ['team_manager'],
  'POST /children/:childId/allocation/transfer': ['team_manager'],
  'POST /children/:childId/allocation/handovers/:noteId/read': childViewers,
  'GET /api/v1/children/:childId/allocations': childViewers,
  'POST /api/v1/children/:childId/allocations': ['team_manager'],
  'POST /api/v1/children/:childId/allocations/transfer': ['team_manager'],
  'POST /api/v1/children/:childId/allocations/handovers/:noteId/read': childViewers,
  'GET /children/:childId': childViewers,
  'GET /children/:childId/mapping': childViewers,
  'GET /children/:childId/mapping/new': childChangers,
  'POST /children/:childId/mapping/new': childChangers,
  'GET /children/:childId/mapping/compare': childViewers,
  'GET /children/:childId/mapping/:mappingId': childViewers,
  'GET /children/:childId/mapping/:mappingId/entries/new': childChangers,
  'POST /children/:childId/mapping/:mappingId/entries/new': childChangers,
  'GET /children/:childId/mapping/:mappingId/entries/:entryId': childChangers,
  'POST /children/:childId/mapping/:mappingId/entries/:entryId': childChangers,
  'GET /children/:childId/mapping/:mappingId/entries/:entryId/history': childViewers,
  'GET /children/:childId/mapping/:mappingId/scores/new': childChangers,
  'GET /children/:childId/mapping/from-visit/:visitId': childChangers,
  'POST /children/:childId/mapping/from-visit/:visitId': childChangers,
  'POST /children/:childId/mapping/:mappingId/scores/new': childChangers,
  'GET /api/v1/children/:childId/mappings': childViewers,
  'POST /api/v1/children/:childId/mappings': childChangers,
  'GET /api/v1/children/:childId/mappings/:mappingId': childViewers,
  'POST /api/v1/children/:childId/mappings/:mappingId/entries': childChangers,
  'PUT /api/v1/children/:childId/mappings/:mappingId/entries/:entryId': childChangers,
  'POST /api/v1/children/:childId/mappings/:mappingId/scores': childChangers,
  'GET /api/v1/children/:childId/scaling': childViewers,
  'GET /children/:childId/safe-uncertainty': childViewers,
  'GET /children/:childId/safe-uncertainty/positions/new': childChangers,
  'POST /children/:childId/safe-uncertainty/positions/new': childChangers,
  'GET /children/:childId/safe-uncertainty/questions/new': childChangers,
  'POST /children/:childId/safe-uncertainty/questions/new': childChangers,
  'GET /children/:childId/safe-uncertainty/questions/:questionId/finding': childChangers,
  'POST /children/:childId/safe-uncertainty/questions/:questionId/finding': childChangers,
  'GET /api/v1/children/:childId/safe-uncertainty': childViewers,
  'POST /api/v1/children/:childId/safe-uncertainty/positions': childChangers,
  'POST /api/v1/children/:childId/safe-uncertainty/questions': childChangers,
  'PUT /api/v1/children/:childId/safe-uncertainty/questions/:questionId/finding': childChangers,
  'GET /children/:childId/assessments': childViewers,
  'GET /children/:childId/assessments/new': childChangers,
  'POST /children/:childId/assessments/new': childChangers,
  'GET /children/:childId/assessments/:assessmentId/versions/:version': childViewers,
  'GET /children/:childId/assessments/:assessmentId/versions/:version/sections/:section': childChangers,
  'POST /children/:childId/assessments/:assessmentId/versions/:version/sections/:section': childChangers,
  'GET /children/:childId/assessments/:assessmentId/versions/:version/submit': childChangers,
  'POST /children/:childId/assessments/:assessmentId/versions/:version/submit': childChangers,
  // Sign-off passes the gate for those who may change records; the service then refuses, with
  // a clear message and an audit entry, anyone but a team manager who did not write it.
  'GET /children/:childId/assessments/:assessmentId/versions/:version/sign-off': childChangers,
  'POST /children/:childId/assessments/:assessmentId/versions/:version/sign-off': childChangers,
  'GET /children/:childId/assessments/:assessmentId/versions/:version/changes': childViewers,
  'POST /children/:childId/assessments/:assessmentId/new-version': childChangers,
  'GET /api/v1/children/:childId/assessments': childViewers,
  'POST /api/v1/children/:childId/assessments': childChangers,
  'GET /api/v1/children/:childId/assessments/:assessmentId/versions/:version': childViewers,
  'PUT /api/v1/children/:childId/assessments/:assessmentId/versions/:version': childChangers,
  'POST /api/v1/children/:childId/assessments/:assessmentId/versions/:version/submit': childChangers,
  'POST /api/v1/children/:childId/assessments/:assessmentId/versions/:version/sign-off': childChangers,
  'POST /api/v1/children/:childId/assessments/:assessmentId/versions/:version/return': childChangers,
  'POST /api/v1/children/:childId/assessments/:assessmentId/versions': childChangers,
  'GET /api/v1/children/:childId/assessments/:assessmentId/versions/:version/changes': childViewers,
  'GET /children/:childId/plans': childViewers,
  'GET /children/:childId/plans/new': childChangers,
  'POST /children/:childId/plans/new': childChangers,
  'GET /children/:childId/plans/:planId': childViewers,
  'GET /children/:childId/plans/:planId/goals/new': childChangers,
  'POST /children/:childId/plans/:planId/goals/new': childChangers,
  'GET /children/:childId/plans/:planId/goals/:goalId': childChangers,
  'POST /children/:childId/plans/:planId/goals/:goalId': childChangers,
  'GET /children/:childId/plans/:planId/actions/new': childChangers,
  'POST /children/:childId/plans/:planId/actions/new': childChangers,
  'GET /children/:childId/plans/:planId/actions/:actionId': childChangers,
  'POST /children/:childId/plans/:planId/actions/:actionId': childChangers,
  'POST /children/:childId/plans/:planId/share': childChangers,
  'GET /children/:childId/plans/:planId/details': childChangers,
  'POST /children/:childId/plans/:planId/details': childChangers,
  'GET /children/:childId/plans/:planId/agreed': childChangers,
  'POST /children/:childId/plans/:planId/agreed': childChangers,
  'GET /children/:childId/plans/:planId/reviews/new': childChangers,
  'POST /children/:childId/plans/:planId/reviews/new': childChangers,
  'GET /children/:childId/plans/:planId/family': childViewers,
  'GET /children/:childId/plans/:planId/family.pdf': childViewers,
  'GET /children/:childId/plans/:planId/for-child': childViewers,
  'GET /children/:childId/plans/:planId/agreement': childViewers,
  'POST /children/:childId/plans/:planId/agreement': childViewers,
  'GET /api/v1/children/:childId/plans': childViewers,
  'POST /api/v1/children/:childId/plans': childChangers,
  'GET /api/v1/children/:childId/plans/:planId': childViewers,
  'PUT /api/v1/children/:childId/plans/:planId': childChangers,
  'GET /children/:childId/visits': childViewers,
  'GET /children/:childId/visits/new': childChangers,
  'POST /children/:childId/visits/new': childChangers,
  'GET /children/:childId/visits/:visitId': childViewers,
  'GET /children/:childId/visits/:visitId/correct': childChangers,
  'POST /children/:childId/visits/:visitId/correct': childChangers,
  'GET /children/:childId/own-words': childViewers,
  'GET /children/:childId/own-words/new': childChangers,
  'POST /children/:childId/own-words/new': childChangers,
  'GET /children/:childId/taking-part': childChangers,
  'POST /children/:childId/taking-part': childChangers,
  'GET /api/v1/children/:childId/drafts/:formKey': childChangers,
  'PUT /api/v1/children/:childId/drafts/:formKey': childChangers,
  'GET /api/v1/children/:childId/visits/:visitId/lines': childViewers,
  'GET /children/:childId/direct-work/new/:tool': childChangers,
  'POST /children/:childId/direct-work/new/:tool': childChangers,
  'GET /children/:childId/direct-work/:workId': childViewers,
  'GET /children/:childId/chronology': childViewers,
  'GET /children/:childId/chronology/new': childChangers,
  'POST /children/:childId/chronology/new': childChangers,
  'POST /api/v1/children/:childId/attachments': childChangers,
  'GET /children/:childId/attachments/:attachmentId': childViewers,
  'GET /children/:childId/search': childViewers,
  'GET /search': ['practitioner', 'team_manager', 'fgc_coordinator', 'partner_agency_worker'],
  'GET /children/:childId/meetings': childViewers,
  'GET /children/:childId/meetings/new': childChangers,
  'POST /children/:childId/meetings/new': childChangers,
  'GET /children/:childId/meetings/offers/new': childChangers,
  'POST /children/:childId/meetings/offers/new': childChangers,
  'GET /children/:childId/meetings/offers/:offerId': childChangers,
  'POST /children/:childId/meetings/offers/:offerId': childChangers,
  'GET /children/:childId/meetings/:meetingId': childViewers,
  'GET /children/:childId/meetings/:meetingId/invitees': childChangers,
  'POST /children/:childId/meetings/:meetingId/invitees': childChangers,
  'GET /children/:childId/meetings/:meetingId/invitees/:inviteeId': childChangers,
  'POST /children/:childId/meetings/:meetingId/invitees/:inviteeId': childChangers,
  'GET /children/:childId/meetings/:meetingId/invitees/:inviteeId/withdraw': childChangers,
  'POST /children/:childId/meetings/:meetingId/invitees/:inviteeId/withdraw': childChangers,
  'GET /children/:childId/meetings/:meetingId/what-happened': childChangers,
  'POST /children/:childId/meetings/:meetingId/what-happened': childChangers,
  'GET /children/:childId/meetings/:meetingId/decisions': childChangers,
  'POST /children/:childId/meetings/:meetingId/decisions': childChangers,
  'GET /children/:childId/meetings/:meetingId/actions': childChangers,
  'POST /children/:childId/meetings/:meetingId/actions': childChangers,
  'GET /children/:childId/meetings/:meetingId/actions/:actionId/add-to-plan': childChangers,
  'POST /children/:childId/meetings/:meetingId/actions/:actionId/add-to-plan': childChangers,
  'GET /children/:childId/meetings/:meetingId/stages/:stage': childChangers,
  'POST /children/:childId/meetings/:meetingId/stages/:stage': childChangers,
  'GET /children/:childId/meetings/:meetingId/invitation.ics': childViewers,
  'GET /children/:childId/meetings/:meetingId/letter': childViewers,
  'GET /conferences': ['fgc_coordinator'],
  'GET /family-meetings/counts': ['team_manager'],
  'GET /api/v1/children/:childId/meetings': childViewers,
  'POST /api/v1/children/:childId/meetings': childChangers,
  'GET /api/v1/children/:childId/meetings/:meetingId': childViewers,
  'PATCH /api/v1/children/:childId/meetings/:meetingId': childChangers,
  'POST /api/v1/children/:childId/meetings/:meetingId/invitees': childChangers,
  'POST /api/v1/children/:childId/meetings/:meetingId/invitees/:inviteeId/withdrawal': childChangers,
  'POST /api/v1/children/:childId/meetings/:meetingId/decisions': childChangers,
  'POST /api/v1/children/:childId/meetings/:meetingId/actions': childChangers,
  'POST /api/v1/children/:childId/meetings/:meetingId/actions/:actionId/plan': childChangers,
  'PUT /api/v1/children/:childId/meetings/:meetingId/stages/preparation': childChangers,
  'PUT /api/v1/children/:childId/meetings/:meetingId/stages/information': childChangers,
  'PUT /api/v1/children/:childId/meetings/:meetingId/stages/private-family-time': childChangers,
  'PUT /api/v1/children/:childId/meetings/:meetingId/stages/agreement': childChangers,
  'POST /api/v1/children/:childId/family-meeting-offers': childChangers,
  'PUT /api/v1/children/:childId/family-meeting-offers/:offerId': childChangers,
  'GET /api/v1/conferences': ['fgc_coordinator'],
  'GET /api/v1/family-meetings/counts': ['team_manager'],
  'GET /children/:childId/episodes': childViewers,
  'GET /children/:childId/episodes/referrals/new': childChangers,
  'POST /children/:childId/episodes/referrals/new': childChangers,
  'GET /children/:childId/episodes/referrals/:referralId/outcome': childChangers,
  'POST /children/:childId/episodes/referrals/:referralId/outcome': childChangers,
  'GET /children/:childId/episodes/new': childChangers,
  'POST /children/:childId/episodes/new': childChangers,
  'GET /children/:childId/episodes/:episodeId/end': childChangers,
  'POST /children/:childId/episodes/:episodeId/end': childChangers,
  'GET /children/:childId/episodes/child-protection/new': childChangers,
  'POST /children/:childId/episodes/child-protection/new': childChangers,
  'GET /children/:childId/episodes/close': ['team_manager'],
  'POST /children/:childId/episodes/close': ['team_manager'],
  'GET /api/v1/children/:childId/episodes': childViewers,
  'POST /api/v1/children/:childId/episodes/referrals': childChangers,
  'PUT /api/v1/children/:childId/episodes/referrals/:referralId/outcome': childChangers,
  'POST /api/v1/children/:childId/episodes/episodes': childChangers,
  'PUT /api/v1/children/:childId/episodes/episodes/:episodeId/end': childChangers,
  'POST /api/v1/children/:childId/episodes/child-protection': childChangers,
  'POST /api/v1/children/:childId/episodes/closure': ['team_manager'],
  'GET /front-door': ['practitioner', 'team_manager'],
  'GET /front-door/contacts/new': ['practitioner', 'team_manager'],
  'POST /front-door/contacts/new': ['practitioner', 'team_manager'],
  'GET /front-door/contacts/:contactId': ['practitioner', 'team_manager'],
  'GET /front-door/contacts/:contactId/edit': ['practitioner', 'team_manager'],
  'POST /front-door/contacts/:contactId/edit': ['practitioner', 'team_manager'],
  'GET /front-door/contacts/:contactId/people/find': ['practitioner', 'team_manager'],
  'GET /front-door/contacts/:contactId/people': ['practitioner', 'team_manager'],
  'POST /front-door/contacts/:contactId/people': ['practitioner', 'team_manager'],
  'GET /front-door/contacts/:contactId/people/new': ['practitioner', 'team_manager'],
  'POST /front-door/contacts/:contactId/people/new': ['practitioner', 'team_manager'],
  'GET /front-door/contacts/:contactId/decision': ['team_manager'],
  'POST /front-door/contacts/:contactId/decision': ['team_manager'],
  'GET /front-door/contacts/:contactId/letter': ['practitioner', 'team_manager'],
  'GET /api/v1/contacts': ['practitioner', 'team_manager'],
  'POST /api/v1/contacts': ['practitioner', 'team_manager'],
  'GET /api/v1/contacts/:contactId': ['practitioner', 'team_manager'],
  'PUT /api/v1/contacts/:contactId': ['practitioner', 'team_manager'],
  'GET /api/v1/contacts/:contactId/possible-matches': ['practitioner', 'team_manager'],
  'POST /api/v1/contacts/:contactId/people': ['practitioner', 'team_manager'],
  'POST /api/v1/contacts/:contactId/decision': ['team_manager'],
};

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let kith: TestApp;
const cookies = new Map<Role, string>();
const csrfTokens = new Map<Role, string>();

const emails = new Map<Role, string>();

async function signInAs(role: Role): Promise<void> {
  const email = emails.get(role)!;
  const pending = sessionCookieFrom(
    await kith.app.inject({ method: 'POST', url: '/sign-in', payload: { email, password: TEST_PASSWORD } }),
  )!;
  const codePage = await kith.app.inject({
    url: '/sign-in/two-factor',
    headers: { cookie: `kith_session=${pending}` },
  });
  // Codes are single-use: forget the last one used, as if the next 30 seconds had passed.
  await kith.database.asOwner(async (owner) => {
    await owner.query(`select set_config('kith.tenant_id', $1, true)`, [councilId]);
    await owner.query('update users set totp_last_used_step = null where email = $1', [email]);
  });
  const full = await kith.app.inject({
    method: 'POST',
    url: '/sign-in/two-factor',
    headers: { cookie: `kith_session=${pending}` },
    payload: { _csrf: csrfTokenIn(codePage.body), code: totpCode(TOTP_SECRET, Date.now()) },
  });
  const cookie = sessionCookieFrom(full)!;
  cookies.set(role, cookie);
  const page = await kith.app.inject({ url: '/accessibility', headers: { cookie: `kith_session=${cookie}` } });
  csrfTokens.set(role, csrfTokenIn(page.body));
}
let councilId = '';

before(async () => {
  kith = await buildTestApp();
  const council = await createTestCouncil(kith.database, 'Matrix');
  councilId = council.id;
  for (const role of roles) {
    const kind = role === 'family_member' ? 'family' : role === 'young_person' ? 'young_person' : 'staff';
    const personId =
      kind === 'staff'
        ? undefined
        : await withTenant(kith.database.orm, council.id, (tx) =>
            insertPerson(tx, council.id, { fullName: `Person for ${role}` }),
          );
    const { email } = await createTestAccount(kith.database, council.id, {
      roles: [role],
      totpSecret: TOTP_SECRET,
      kind,
      personId,
    });
    emails.set(role, email);
    await signInAs(role);
  }
});
after(() => kith.close());

function concreteUrl(url: string): string {
  return url
    .replace(':childId', '00000000-0000-4000-8000-000000000001')
    .replace(':userId', '00000000-0000-4000-8000-000000000002')
    .replace(':teamId', '00000000-0000-4000-8000-000000000003')
    .replace(':grantId', '00000000-0000-4000-8000-000000000004')
    .replace(':tokenId', 'kpat_doesnotexist')
    .replace(':relationshipId', '00000000-0000-4000-8000-000000000005')
    .replace(':personId', '00000000-0000-4000-8000-000000000006')
    .replace(':entryId', 'G99')
    .replace(':questionId', '00000000-0000-4000-8000-000000000007')
    .replace(':assessmentId', '00000000-0000-4000-8000-000000000008')
    .replace(':version', '1')
    .replace(':section', 'development')
    .replace(':visitId', '00000000-0000-4000-8000-000000000007')
    .replace(':formKey', 'visit-new')
    .replace(':tool', 'three_houses')
    .replace(':workId', '00000000-0000-4000-8000-000000000008')
    .replace(':attachmentId', '00000000-0000-4000-8000-000000000009')
    .replace(':file', 'no-such-file.css')
    .replace(/\/assets\/govuk-frontend-[^/]+\/\*/, '/assets/govuk-frontend-x/images/favicon.ico');
}

function routeKey(method: string, url: string): string {
  return `${method} ${url.replace(/\/assets\/govuk-frontend-[^/]+\/\*$/, '/assets/govuk-frontend-*')}`;
}

test('every route is in the expected matrix, and every role meets exactly the access expected', async () => {
  const routes = kith.routes.filter((route) => route.method !== 'HEAD');
  const keys = routes.map((route) => routeKey(route.method, route.url));
  assert.deepEqual([...keys].sort(), Object.keys(expected).sort(), 'the matrix lists exactly the registered routes');

  let combinations = 0;
  for (const route of routes) {
    const rule = expected[routeKey(route.method, route.url)]!;
    const access: RouteAccess = route.access;
    for (const role of [...roles, null]) {
      combinations += 1;
      const cookie = role ? cookies.get(role) : undefined;
      const response = await kith.app.inject({
        method: route.method as 'GET' | 'POST' | 'PUT',
        url: concreteUrl(route.url),
        headers: cookie ? { cookie: `kith_session=${cookie}` } : {},
        ...(route.method !== 'GET' ? { payload: role ? { _csrf: csrfTokens.get(role) } : {} } : {}),
      });
      const where = `${route.method} ${route.url} as ${role ?? 'nobody'} (declared ${JSON.stringify(access)})`;
      const refusedAtGate =
        response.statusCode === 401 ||
        response.statusCode === 403 ||
        // Sent to sign in (a successful sign-out also lands there, but says so: ?signedOut=).
        (response.statusCode === 303 &&
          String(response.headers.location).startsWith('/sign-in') &&
          !String(response.headers.location).includes('signedOut'));
      let allowed: boolean;
      if (rule === everyone) allowed = true;
      else if (rule === 'awaiting second factor')
        allowed = false; // nobody here is half signed in
      else if (rule === signedIn) allowed = role !== null;
      else allowed = role !== null && rule.includes(role);
      assert.equal(!refusedAtGate, allowed, `${where}: got ${response.statusCode} ${response.headers.location ?? ''}`);
      // Signing out ended that session: sign the role in again for the routes after.
      if (route.url.startsWith('/sign-out') && role) await signInAs(role);
    }
  }
  console.log(
    `route × role matrix: ${routes.length} routes × ${roles.length + 1} callers = ${combinations} combinations checked`,
  );
});
