import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { familyRoles, staffRoles, type Role } from '../identity/roles.js';
import {
  audienceOf,
  decideChildRecordAccess,
  professionalsOnly,
  recordAudiences,
  type ActorRelationships,
  type ChildRecordFacts,
} from './policy.js';

const child = 'child-1';
const record = (overrides: Partial<ChildRecordFacts> = {}): ChildRecordFacts => ({
  childPersonId: child,
  isRestricted: false,
  allocatedUserIds: ['worker'],
  allocatedTeamIds: ['team-a'],
  shares: [
    { userId: 'teacher', audience: 'partner_agency' },
    { userId: 'mum', audience: 'family' },
  ],
  restrictedGrantUserIds: [],
  ...overrides,
});
const actor = (userId: string, roles: Role[], overrides: Partial<ActorRelationships> = {}): ActorRelationships => ({
  userId,
  roles,
  personId: null,
  teamIds: [],
  managedTeamIds: [],
  servedAudiences: recordAudiences,
  ...overrides,
});
const decide = (who: ActorRelationships, action: 'view' | 'change' = 'view', facts = record()) =>
  decideChildRecordAccess(who, action, facts);

describe('access to a child’s record', () => {
  test('the allocated practitioner may view and change', () => {
    assert.deepEqual(decide(actor('worker', ['practitioner']), 'change'), { allowed: true, basis: 'allocated' });
  });
  test('a practitioner in the allocated team may; one in another team may not', () => {
    assert.equal(decide(actor('colleague', ['practitioner'], { teamIds: ['team-a'] })).allowed, true);
    assert.deepEqual(decide(actor('stranger', ['practitioner'], { teamIds: ['team-b'] })), {
      allowed: false,
      reason: 'no_relationship',
    });
  });
  test('a manager sees their teams’ children only', () => {
    assert.equal(decide(actor('manager', ['team_manager'], { managedTeamIds: ['team-a'] }), 'change').allowed, true);
    assert.equal(decide(actor('manager', ['team_manager'], { managedTeamIds: ['team-b'] })).allowed, false);
    // Being a member (not manager) of the team is not enough for a manager role alone.
    assert.equal(decide(actor('manager', ['team_manager'], { teamIds: ['team-a'] })).allowed, false);
  });
  test('a partner agency worker reads only what was shared with them, and cannot change it', () => {
    assert.deepEqual(decide(actor('teacher', ['partner_agency_worker'])), {
      allowed: true,
      basis: 'shared_with_agency',
    });
    assert.deepEqual(decide(actor('teacher', ['partner_agency_worker']), 'change'), {
      allowed: false,
      reason: 'read_only',
    });
    assert.equal(decide(actor('other-teacher', ['partner_agency_worker'])).allowed, false);
  });
  test('a family member reads their family’s shared record; a share to a different audience does not count', () => {
    assert.equal(decide(actor('mum', ['family_member'])).allowed, true);
    assert.equal(decide(actor('teacher', ['family_member'])).allowed, false);
  });
  test('a young person reads their own record and no one else’s', () => {
    assert.deepEqual(decide(actor('mia-account', ['young_person'], { personId: child })), {
      allowed: true,
      basis: 'own_record',
    });
    assert.equal(decide(actor('leo-account', ['young_person'], { personId: 'child-2' })).allowed, false);
  });
  test('a family member or young person opens only what is made for them, whatever their relationship', () => {
    const professionalPage = { servedAudiences: professionalsOnly };
    assert.deepEqual(decide(actor('mum', ['family_member'], professionalPage)), {
      allowed: false,
      reason: 'not_made_for_this_audience',
    });
    assert.deepEqual(decide(actor('mia-account', ['young_person'], { personId: child, ...professionalPage })), {
      allowed: false,
      reason: 'not_made_for_this_audience',
    });
    const familyVersion = { servedAudiences: ['professionals', 'family'] as const };
    assert.equal(decide(actor('mum', ['family_member'], familyVersion)).allowed, true);
    assert.equal(decide(actor('mia-account', ['young_person'], { personId: child, ...familyVersion })).allowed, false);
    assert.equal(decide(actor('worker', ['practitioner'], professionalPage), 'change').allowed, true);
  });
  test('every role, on every combination of audiences served: allowed only when its audience is served', () => {
    const everyRole: Role[] = [...staffRoles, ...familyRoles];
    const combinations = [[], ...recordAudiences.map((one) => [one]), recordAudiences.filter((a) => a !== 'family')];
    for (const role of everyRole) {
      for (const served of combinations) {
        const who = actor(role === 'young_person' ? 'mia-account' : 'someone', [role], {
          personId: role === 'young_person' ? child : null,
          teamIds: ['team-a'],
          managedTeamIds: ['team-a'],
          servedAudiences: served,
        });
        const decision = decide(who);
        if (!served.includes(audienceOf([role]))) {
          assert.deepEqual(
            decision,
            { allowed: false, reason: 'not_made_for_this_audience' },
            `${role} on ${served.join(',')}`,
          );
        } else {
          assert.notEqual(
            !decision.allowed && decision.reason,
            'not_made_for_this_audience',
            `${role} on ${served.join(',')}`,
          );
        }
      }
    }
  });
  test('administrators and auditors have no access to records by role alone', () => {
    assert.equal(decide(actor('admin', ['council_administrator'], { teamIds: ['team-a'] })).allowed, false);
    assert.equal(decide(actor('auditor', ['auditor'])).allowed, false);
  });
  test('restricted: the allocated worker as usual; a team colleague must give a reason; a grant opens it', () => {
    const restricted = record({ isRestricted: true });
    assert.equal(decide(actor('worker', ['practitioner']), 'view', restricted).allowed, true);
    const colleague = actor('colleague', ['practitioner'], { teamIds: ['team-a'] });
    assert.deepEqual(decide(colleague, 'view', restricted), { allowed: false, reason: 'restricted_reason_needed' });
    assert.deepEqual(decide(colleague, 'view', record({ isRestricted: true, restrictedGrantUserIds: ['colleague'] })), {
      allowed: true,
      basis: 'team_with_restricted_grant',
    });
    // A partner agency worker cannot open a restricted record even with a share.
    assert.deepEqual(decide(actor('teacher', ['partner_agency_worker']), 'view', restricted), {
      allowed: false,
      reason: 'no_relationship',
    });
  });
  test('no role, no access', () => {
    assert.equal(decide(actor('worker', [])).allowed, false);
  });
});
