/**
 * Withdrawing an invitation before a meeting: on the pages after a confirmation, and in the API.
 * The invitation stays in the meeting's record, marked withdrawn; someone who came, or a meeting
 * already held, cannot have it withdrawn.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { versionsOf } from '../../platform/history/record-history.js';
import { presentDate } from '../child-record/index.js';
import { todayInUk } from '../plans/plan-rules.js';
import { familyForConference, type Caller } from './meetings-fixtures.js';
import { meetingInvitees } from './schema.js';

const kith = testAppPerFile();

type Payload = Record<string, unknown>;
const api = (childId: string) => `/api/v1/children/${childId}`;
const call = (caller: Caller, method: 'GET' | 'POST', url: string, payload?: Payload) =>
  kith.app.inject({ method, url, headers: caller.headers, ...(payload ? { payload } : {}) });
const page = (caller: Caller, url: string) => kith.app.inject({ url, headers: { cookie: caller.headers.cookie! } });
const post = (caller: Caller, url: string, payload: Record<string, string | string[]>) =>
  kith.app.inject({ method: 'POST', url, headers: { cookie: caller.headers.cookie! }, payload });

interface InviteeJson {
  id: string;
  name: string;
  attendance: string;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
}

/** A network meeting with Mum and Nan invited from Robin's world and a nurse typed in, who came. */
async function meetingWithInvitees(family: Awaited<ReturnType<typeof familyForConference>>, heldOn = '2030-05-01') {
  const { childId, practitioner } = family;
  const planned = await call(practitioner, 'POST', `${api(childId)}/meetings`, {
    kind: 'network_meeting',
    heldOn,
    place: 'Nan’s house',
  });
  assert.equal(planned.statusCode, 201, planned.body);
  const { meetingId } = planned.json<{ meetingId: string }>();
  const meeting = `${api(childId)}/meetings/${meetingId}`;
  const invite = async (body: Payload) => {
    const invited = await call(practitioner, 'POST', `${meeting}/invitees`, body);
    assert.equal(invited.statusCode, 201, invited.body);
    return invited.json<{ inviteeId: string }>().inviteeId;
  };
  const mum = await invite({ personId: family.mumId });
  const nan = await invite({ personId: family.nanId });
  const nurse = await invite({ name: 'Alex Nurse', relationship: 'school nurse', circle: 'professional' });
  const inviteePage = `/children/${childId}/meetings/${meetingId}/invitees/${nurse}`;
  const form = await page(practitioner, inviteePage);
  const came = await post(practitioner, inviteePage, { ...formValuesIn(form.body), attendance: 'came' });
  assert.equal(came.statusCode, 303, came.body.slice(0, 300));
  return { meetingId, meeting, page: `/children/${childId}/meetings/${meetingId}`, invitees: { mum, nan, nurse } };
}

test('on the pages: a confirmation, then the invitation is withdrawn and stays in the record', async () => {
  const family = await familyForConference(kith);
  const { practitioner, mum, council, childId } = family;
  const { page: meetingPage, invitees, meetingId } = await meetingWithInvitees(family);

  const before = await page(practitioner, meetingPage);
  const withdrawHref = `${meetingPage}/invitees/${invitees.mum}/withdraw`;
  assert.match(
    before.body,
    new RegExp(`href="${withdrawHref}">Withdraw<span class="govuk-visually-hidden"> Jo Test’s</span> invitation`),
  );
  assert.doesNotMatch(before.body, new RegExp(`invitees/${invitees.nurse}/withdraw`), 'the nurse came');
  assert.equal((await page(mum, meetingPage)).statusCode, 200, 'Mum is invited, so she sees the meeting');

  const confirm = await page(practitioner, withdrawHref);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Are you sure you want to withdraw Jo Test’s invitation\?/);
  assert.match(confirm.body, /Jo Test will no longer be invited/);
  assert.match(confirm.body, /name="_csrf"/);
  assert.match(confirm.body, /govuk-button--warning/);

  // Without the form's CSRF token nothing happens.
  const forged = await post(practitioner, withdrawHref, { reason: 'Forged' });
  assert.equal(forged.statusCode, 403);

  const withdrawn = await post(practitioner, withdrawHref, {
    ...formValuesIn(confirm.body),
    reason: 'Invited by mistake',
  });
  assert.equal(withdrawn.statusCode, 303, withdrawn.body.slice(0, 500));
  assert.equal(withdrawn.headers.location, `${meetingPage}?notice=invitation-withdrawn`);
  const shown = await page(practitioner, withdrawn.headers.location);
  assert.match(shown.body, /The invitation has been withdrawn/);
  assert.match(shown.body, new RegExp(`Invitation withdrawn on ${presentDate(todayInUk())}: Invited by mistake`));
  assert.doesNotMatch(shown.body, new RegExp(`invitees/${invitees.mum}"`), 'no Change link for a withdrawn invitation');
  assert.doesNotMatch(shown.body, new RegExp(`invitees/${invitees.mum}/withdraw`));

  // Kept, not deleted: the row is there, marked withdrawn; Mum no longer sees the meeting.
  const row = await withTenant(kith.database.orm, council.id, async (tx) => {
    const [found] = await tx
      .select()
      .from(meetingInvitees)
      .where(and(eq(meetingInvitees.tenantId, council.id), eq(meetingInvitees.id, invitees.mum)));
    return found!;
  });
  assert.ok(row.withdrawnAt);
  assert.equal(row.withdrawalReason, 'Invited by mistake');
  assert.equal((await page(mum, meetingPage)).statusCode, 404);

  // Asking again, or for someone who came: the page says why, with nothing to press.
  const again = await page(practitioner, withdrawHref);
  assert.match(again.body, /Jo Test’s invitation has already been withdrawn/);
  assert.doesNotMatch(again.body, /govuk-button--warning/);
  const cameConfirm = await page(practitioner, `${meetingPage}/invitees/${invitees.nurse}/withdraw`);
  assert.match(cameConfirm.body, /Alex Nurse came to the meeting, so their invitation cannot be withdrawn/);
  const cameRefused = await post(practitioner, `${meetingPage}/invitees/${invitees.nurse}/withdraw`, {
    ...formValuesIn(confirm.body),
  });
  assert.equal(cameRefused.statusCode, 400);
  assert.match(cameRefused.body, /There is a problem/);

  const { entries } = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { childPersonId: childId }),
  );
  assert.ok(
    entries.some((entry) => entry.action === 'meeting.invitation_withdrawn' && entry.subjectId === meetingId),
    'audited on the child’s record',
  );
});

test('in the API: withdrawn once, kept in the meeting’s history, refused once the meeting is held or for someone who came', async () => {
  const family = await familyForConference(kith);
  const { childId, practitioner, coordinator, reader, stranger, mum, council } = family;
  const { meeting, meetingId, invitees } = await meetingWithInvitees(family);
  const withdraw = (caller: Caller, inviteeId: string, body: Payload = {}) =>
    call(caller, 'POST', `${meeting}/invitees/${inviteeId}/withdrawal`, body);

  assert.equal((await withdraw(reader, invitees.mum)).statusCode, 403);
  assert.equal((await withdraw(mum, invitees.mum)).statusCode, 403);
  assert.equal((await withdraw(stranger, invitees.mum)).statusCode, 404);
  assert.equal((await withdraw(practitioner, '00000000-0000-4000-8000-000000000000')).statusCode, 404);
  const tooLong = await withdraw(practitioner, invitees.mum, { reason: 'x'.repeat(2001) });
  assert.equal(tooLong.statusCode, 400);

  const done = await withdraw(coordinator, invitees.mum, { reason: 'She asked not to come' });
  assert.equal(done.statusCode, 204, done.body);
  const again = await withdraw(practitioner, invitees.mum);
  assert.equal(again.statusCode, 422);
  assert.match(again.json<{ detail: string }>().detail, /already been withdrawn/);
  const came = await withdraw(practitioner, invitees.nurse);
  assert.equal(came.statusCode, 422);
  assert.match(came.json<{ detail: string }>().detail, /Alex Nurse came to the meeting/);

  const read = (await call(practitioner, 'GET', meeting)).json<{ invitees: InviteeJson[] }>();
  const mumNow = read.invitees.find((invitee) => invitee.id === invitees.mum)!;
  assert.equal(mumNow.withdrawnOn, todayInUk());
  assert.equal(mumNow.withdrawalReason, 'She asked not to come');
  assert.equal(read.invitees.find((invitee) => invitee.id === invitees.nan)!.withdrawnOn, null);
  assert.equal((await call(mum, 'GET', meeting)).statusCode, 404, 'Mum is no longer invited');
  const mumsList = (await call(mum, 'GET', `${api(childId)}/meetings`)).json<{ meetings: unknown[] }>();
  assert.equal(mumsList.meetings.length, 0);

  // The meeting's history keeps who was invited and that the invitation was withdrawn.
  const versions = await withTenant(kith.database.orm, council.id, (tx) =>
    versionsOf(tx, council.id, 'meeting', meetingId),
  );
  const latest = versions[0]!.content as { invitees: { id: string; withdrawnAt: string | null }[] };
  assert.ok(latest.invitees.find((invitee) => invitee.id === invitees.mum)!.withdrawnAt);
  const earlier = versions[1]!.content as { invitees: { id: string; withdrawnAt: string | null }[] };
  assert.equal(earlier.invitees.find((invitee) => invitee.id === invitees.mum)!.withdrawnAt, null);

  // Invited again later: a new invitation, the withdrawn one still in the record.
  const reinvited = await call(practitioner, 'POST', `${meeting}/invitees`, { personId: family.mumId });
  assert.equal(reinvited.statusCode, 201, reinvited.body);
  assert.equal((await call(mum, 'GET', meeting)).statusCode, 200);

  // A meeting already held: its invitations stay as they were.
  const held = await meetingWithInvitees(family, '2020-01-15');
  const late = await call(practitioner, 'POST', `${held.meeting}/invitees/${held.invitees.nan}/withdrawal`, {});
  assert.equal(late.statusCode, 422);
  assert.match(late.json<{ detail: string }>().detail, /has been held/);
});
