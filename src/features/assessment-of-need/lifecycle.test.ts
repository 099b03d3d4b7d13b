import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decideSignOff,
  isEditable,
  isLocked,
  mayRead,
  mayStartNewVersion,
  nextStatus,
  type SignOffQuestion,
} from './lifecycle.js';

describe('the life of a version', () => {
  test('draft -> submitted -> signed off, or returned to draft; nothing else', () => {
    assert.equal(nextStatus('draft', 'edit'), 'draft');
    assert.equal(nextStatus('draft', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'sign_off'), 'signed_off');
    assert.equal(nextStatus('submitted', 'return'), 'draft');
    assert.equal(nextStatus('draft', 'sign_off'), null, 'a draft cannot be signed off without being submitted');
    assert.equal(nextStatus('submitted', 'edit'), null, 'a submitted version waits for the manager');
    assert.equal(nextStatus('submitted', 'submit'), null);
    for (const action of ['edit', 'submit', 'sign_off', 'return'] as const) {
      assert.equal(nextStatus('signed_off', action), null, `signed off cannot ${action}`);
    }
  });

  test('signed off is locked; only a draft is editable', () => {
    assert.equal(isLocked('signed_off'), true);
    assert.equal(isLocked('submitted'), false);
    assert.equal(isEditable('draft'), true);
    assert.equal(isEditable('submitted'), false);
    assert.equal(isEditable('signed_off'), false);
  });

  test('a new version can start only when the latest version is signed off', () => {
    assert.equal(mayStartNewVersion([]), false);
    assert.equal(mayStartNewVersion([{ versionNumber: 1, status: 'draft' }]), false);
    assert.equal(mayStartNewVersion([{ versionNumber: 1, status: 'submitted' }]), false);
    assert.equal(mayStartNewVersion([{ versionNumber: 1, status: 'signed_off' }]), true);
    assert.equal(
      mayStartNewVersion([
        { versionNumber: 2, status: 'draft' },
        { versionNumber: 1, status: 'signed_off' },
      ]),
      false,
    );
  });

  test('read-only viewers (partner agency, family, young person) read signed-off versions only', () => {
    assert.equal(mayRead('signed_off', false), true);
    assert.equal(mayRead('draft', false), false);
    assert.equal(mayRead('submitted', false), false);
    assert.equal(mayRead('draft', true), true);
  });
});

describe('who may sign off', () => {
  const manager = 'manager-1';
  const author = 'worker-1';
  const question = (
    changes: Partial<Omit<SignOffQuestion, 'version'>> & { version?: Partial<SignOffQuestion['version']> } = {},
  ): SignOffQuestion => ({
    actor: changes.actor ?? { userId: manager, roles: ['team_manager' as const] },
    mayChangeRecord: changes.mayChangeRecord ?? true,
    version: {
      status: 'submitted' as const,
      authorUserId: author,
      submittedBy: author,
      contributorIds: [author],
      ...changes.version,
    },
  });

  test('a team manager who may change the record and wrote none of it', () => {
    assert.deepEqual(decideSignOff(question()), { allowed: true });
  });

  test('not a practitioner, coordinator or partner agency worker', () => {
    for (const role of ['practitioner', 'fgc_coordinator', 'partner_agency_worker', 'family_member'] as const) {
      assert.deepEqual(decideSignOff(question({ actor: { userId: manager, roles: [role] } })), {
        allowed: false,
        reason: 'not_a_manager',
      });
    }
  });

  test('not a manager from another team (who may not change this child’s record)', () => {
    assert.deepEqual(decideSignOff(question({ mayChangeRecord: false })), {
      allowed: false,
      reason: 'no_relationship',
    });
  });

  test('not the author, the person who submitted it, or anyone who wrote part of it', () => {
    for (const version of [
      { authorUserId: manager },
      { submittedBy: manager },
      { contributorIds: [author, manager] },
    ]) {
      assert.deepEqual(decideSignOff(question({ version })), { allowed: false, reason: 'own_work' });
    }
  });

  test('only while it is waiting for sign-off', () => {
    assert.deepEqual(decideSignOff(question({ version: { status: 'draft' } })), {
      allowed: false,
      reason: 'not_submitted',
    });
    assert.deepEqual(decideSignOff(question({ version: { status: 'signed_off' } })), {
      allowed: false,
      reason: 'not_submitted',
    });
  });
});
