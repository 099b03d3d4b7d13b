/**
 * The life of one version of an assessment of need: draft -> submitted -> signed off by a
 * manager with their comment, or returned to draft with a comment. Signed off is locked for
 * good; changes after that go in a new version. Pure: every rule here is a unit test, and the
 * database keeps the same lock with a trigger (migrations/0013).
 */
import { hasPermission, type Role } from '../../platform/identity/roles.js';
import type { AssessmentStatus } from './schema.js';

export type { AssessmentStatus };
export type LifecycleAction = 'edit' | 'submit' | 'sign_off' | 'return';

export const statusNames: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for sign-off',
  signed_off: 'Signed off',
};

const moves: Record<LifecycleAction, Partial<Record<AssessmentStatus, AssessmentStatus>>> = {
  edit: { draft: 'draft' },
  submit: { draft: 'submitted' },
  sign_off: { submitted: 'signed_off' },
  return: { submitted: 'draft' },
};

/** The status an action leads to, or null when it is not possible from this status. */
export function nextStatus(status: AssessmentStatus, action: LifecycleAction): AssessmentStatus | null {
  return moves[action][status] ?? null;
}

export const isLocked = (status: AssessmentStatus) => status === 'signed_off';
export const isEditable = (status: AssessmentStatus) => nextStatus(status, 'edit') !== null;

/**
 * Whether a new version may be started: the latest version is signed off (so nothing is being
 * worked on). A draft or a version waiting for sign-off is worked on instead.
 */
export function mayStartNewVersion(versions: readonly { versionNumber: number; status: AssessmentStatus }[]): boolean {
  const latest = [...versions].sort((a, b) => b.versionNumber - a.versionNumber)[0];
  return latest !== undefined && latest.status === 'signed_off';
}

export type SignOffRefusal = 'not_a_manager' | 'no_relationship' | 'own_work' | 'not_submitted';

export const signOffRefusalMessages: Record<SignOffRefusal, string> = {
  not_a_manager: 'Only a team manager can sign off an assessment or return it. Nothing has changed.',
  no_relationship:
    'Only a manager of the team this child is allocated to can sign off their assessment. Nothing has changed.',
  own_work:
    'You wrote or submitted part of this version, so another manager must sign it off or return it. Nothing has changed.',
  not_submitted:
    'This version is not waiting for sign-off, so it cannot be signed off or returned. Nothing has changed.',
};

export interface SignOffQuestion {
  actor: { userId: string; roles: readonly Role[] };
  /** Whether the actor may change this child's record (the access policy's answer). */
  mayChangeRecord: boolean;
  version: {
    status: AssessmentStatus;
    authorUserId: string;
    submittedBy: string | null;
    /** Everyone who saved a change to this version's content. */
    contributorIds: readonly string[];
  };
}

/**
 * Who may sign off (or return) a version: a team manager (the assessment.sign_off permission)
 * who may change this child's record, who did not write or submit any of it, and only while
 * it is waiting for sign-off.
 */
export function decideSignOff(
  question: SignOffQuestion,
): { allowed: true } | { allowed: false; reason: SignOffRefusal } {
  const { actor, version } = question;
  if (!hasPermission(actor.roles, 'assessment.sign_off')) return { allowed: false, reason: 'not_a_manager' };
  if (!question.mayChangeRecord) return { allowed: false, reason: 'no_relationship' };
  if (
    version.authorUserId === actor.userId ||
    version.submittedBy === actor.userId ||
    version.contributorIds.includes(actor.userId)
  ) {
    return { allowed: false, reason: 'own_work' };
  }
  if (version.status !== 'submitted') return { allowed: false, reason: 'not_submitted' };
  return { allowed: true };
}

/**
 * Who sees which versions: those who may change the record see every version, drafts too;
 * those who may only read it (partner agencies, the family, the young person) see signed-off
 * versions only: a draft is work in progress, not yet the council's assessment.
 */
export function mayRead(status: AssessmentStatus, mayChangeRecord: boolean): boolean {
  return mayChangeRecord || status === 'signed_off';
}
