/**
 * Safe uncertainty: positions on the grid over time, and what we do not know yet. Each call
 * runs in one council transaction, asks the same access policy as the rest of the child's
 * record, and writes its audit entry (allowed or refused) in that transaction. Positions are
 * append-only; a finding is an update kept as a new version in record_versions.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { appendVersion } from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { childRecordAccess, type ChildSummary, type RequestSource } from '../child-record/index.js';
import { isDueForRevisit, isoToday } from './grid.js';
import {
  findQuestion,
  insertPosition,
  insertQuestion,
  positionsOf,
  questionsOf,
  updateFinding,
  type PositionRow,
  type QuestionRow,
} from './queries.js';
import type { Finding, NewPosition, NewQuestion } from './validation.js';
import { safeUncertaintyPaths } from './paths.js';
import { positionNames } from './grid.js';
import type { ChronologyEvent } from '../../platform/chronology/sources.js';

export const SAFE_UNCERTAINTY_QUESTION = 'safe_uncertainty_question';

export type Position = PositionRow;
export type Question = QuestionRow & { dueForRevisit: boolean };

export interface SafeUncertaintyView {
  child: ChildSummary;
  positions: Position[];
  questions: Question[];
  mayChange: boolean;
  today: string;
}

type Details = Record<string, string | number | boolean | null>;

function audit(
  tx: Tx,
  actor: Actor,
  childId: string,
  event: { action: string; outcome: 'allowed' | 'denied'; details?: Details },
  source: RequestSource,
) {
  const known = /^[0-9a-f-]{36}$/.test(childId);
  return recordAuditEvent(tx, actor.tenantId, {
    action: event.action,
    outcome: event.outcome,
    actor: { userId: actor.userId, label: actorLabel(actor) },
    childPersonId: known ? childId : null,
    subject: known ? { type: 'child_record', id: childId } : null,
    source,
    details: event.details ?? {},
  });
}

/**
 * Opens the record for this part: refused (audited, and answered as "not found") unless the
 * actor may view it, or change it when `need` is 'change'.
 */
async function open(
  tx: Tx,
  actor: Actor,
  childId: string,
  need: 'view' | 'change',
  auditAction: string,
  source: RequestSource,
  details: Details = {},
) {
  const access = await childRecordAccess(tx, actor, childId);
  if (!access.mayView || (need === 'change' && !access.mayChange)) {
    await audit(
      tx,
      actor,
      childId,
      {
        action: auditAction,
        outcome: 'denied',
        details: { ...details, reason: access.mayView ? 'read_only' : 'no_relationship' },
      },
      source,
    );
    return null;
  }
  return access;
}

const withDue = (questions: QuestionRow[], today: string): Question[] =>
  questions.map((question) => ({ ...question, dueForRevisit: isDueForRevisit(question, today) }));

export async function viewSafeUncertainty(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  part = 'safe_uncertainty',
  now: Date = new Date(),
): Promise<SafeUncertaintyView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const access = await open(tx, actor, childId, 'view', 'child_record.view', source, { part });
    if (!access) return null;
    const today = isoToday(now);
    const positions = await positionsOf(tx, actor.tenantId, childId);
    const questions = withDue(await questionsOf(tx, actor.tenantId, childId), today);
    await audit(tx, actor, childId, { action: 'child_record.view', outcome: 'allowed', details: { part } }, source);
    return { child: access.child, positions, questions, mayChange: access.mayChange, today };
  });
}

/** The child's summary for a form that changes this part, or null (audited) if they may not. */
export async function openForChange(
  database: Database,
  actor: Actor,
  childId: string,
  part: string,
  source: RequestSource,
): Promise<ChildSummary | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const access = await open(tx, actor, childId, 'change', 'child_record.view', source, { part });
    if (!access) return null;
    await audit(tx, actor, childId, { action: 'child_record.view', outcome: 'allowed', details: { part } }, source);
    return access.child;
  });
}

export type PositionSave = { outcome: 'recorded'; position: Position } | { outcome: 'not_found' };

/** Records where the work stands on the grid. Never changes an earlier position. */
export async function recordPosition(
  database: Database,
  actor: Actor,
  childId: string,
  input: NewPosition,
  source: RequestSource,
): Promise<PositionSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = 'safe_uncertainty.position_recorded';
    if (!(await open(tx, actor, childId, 'change', action, source))) return { outcome: 'not_found' as const };
    const position = await insertPosition(tx, actor.tenantId, {
      childPersonId: childId,
      position: input.position,
      reasons: input.reasons,
      assessedOn: input.assessedOn,
      recordedBy: actor.userId,
      recordedByLabel: actor.fullName,
    });
    await audit(
      tx,
      actor,
      childId,
      {
        action,
        outcome: 'allowed',
        details: { positionId: position.id, position: position.position, assessedOn: position.assessedOn },
      },
      source,
    );
    return { outcome: 'recorded' as const, position };
  });
}

export type QuestionSave = { outcome: 'added'; question: Question } | { outcome: 'not_found' };

export async function addQuestion(
  database: Database,
  actor: Actor,
  childId: string,
  input: NewQuestion,
  source: RequestSource,
  now: Date = new Date(),
): Promise<QuestionSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = 'safe_uncertainty.question_added';
    if (!(await open(tx, actor, childId, 'change', action, source))) return { outcome: 'not_found' as const };
    const today = isoToday(now);
    const question = await insertQuestion(tx, actor.tenantId, {
      childPersonId: childId,
      kind: input.kind,
      wording: input.wording,
      raisedOn: today,
      revisitOn: input.revisitOn,
      recordedBy: actor.userId,
      recordedByLabel: actor.fullName,
    });
    await appendVersion(tx, actor.tenantId, {
      recordType: SAFE_UNCERTAINTY_QUESTION,
      recordId: question.id,
      version: 1,
      author: { userId: actor.userId, label: actorLabel(actor) },
      reason: null,
      content: questionContent(question),
    });
    await audit(
      tx,
      actor,
      childId,
      { action, outcome: 'allowed', details: { questionId: question.id, kind: question.kind } },
      source,
    );
    return { outcome: 'added' as const, question: withDue([question], today)[0]! };
  });
}

const questionContent = (question: QuestionRow) => ({
  kind: question.kind,
  wording: question.wording,
  raisedOn: question.raisedOn,
  revisitOn: question.revisitOn,
  finding: question.finding,
  foundOn: question.foundOn,
  findingRecordedByLabel: question.findingRecordedByLabel,
});

/** One question, for the form that records what was found. */
export async function questionForFinding(
  database: Database,
  actor: Actor,
  childId: string,
  questionId: string,
  source: RequestSource,
): Promise<{ child: ChildSummary; question: Question } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const access = await open(tx, actor, childId, 'change', 'child_record.view', source, { part: 'finding_form' });
    if (!access) return null;
    const question = /^[0-9a-f-]{36}$/.test(questionId)
      ? await findQuestion(tx, actor.tenantId, childId, questionId)
      : undefined;
    if (!question) return null;
    await audit(
      tx,
      actor,
      childId,
      { action: 'child_record.view', outcome: 'allowed', details: { part: 'finding_form', questionId } },
      source,
    );
    return { child: access.child, question: withDue([question], isoToday())[0]! };
  });
}

export type FindingSave =
  { outcome: 'saved'; question: Question } | { outcome: 'conflict'; current: Question } | { outcome: 'not_found' };

/**
 * Records what was found for a question or hypothesis (or changes it). The earlier state is
 * kept in record_versions; a save from an out-of-date page is refused with what is there now.
 */
export async function recordFinding(
  database: Database,
  actor: Actor,
  childId: string,
  questionId: string,
  input: Finding & { expectedVersion: number },
  source: RequestSource,
): Promise<FindingSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = 'safe_uncertainty.finding_recorded';
    if (!(await open(tx, actor, childId, 'change', action, source))) return { outcome: 'not_found' as const };
    const current = /^[0-9a-f-]{36}$/.test(questionId)
      ? await findQuestion(tx, actor.tenantId, childId, questionId)
      : undefined;
    if (!current) return { outcome: 'not_found' as const };
    const today = isoToday();
    const saved = await updateFinding(
      tx,
      actor.tenantId,
      questionId,
      {
        finding: input.finding,
        foundOn: input.foundOn,
        findingRecordedBy: actor.userId,
        findingRecordedByLabel: actor.fullName,
      },
      input.expectedVersion,
    );
    if (!saved) return { outcome: 'conflict' as const, current: withDue([current], today)[0]! };
    await appendVersion(tx, actor.tenantId, {
      recordType: SAFE_UNCERTAINTY_QUESTION,
      recordId: questionId,
      version: saved.version,
      author: { userId: actor.userId, label: actorLabel(actor) },
      reason: current.finding === null ? null : 'What was found changed',
      content: questionContent(saved),
    });
    await audit(
      tx,
      actor,
      childId,
      {
        action,
        outcome: 'allowed',
        details: { questionId, version: saved.version, changedEarlierFinding: current.finding !== null },
      },
      source,
    );
    return { outcome: 'saved' as const, question: withDue([saved], today)[0]! };
  });
}

/** Each position recorded on the grid, as an event in the child's chronology. */
export async function safeUncertaintyChronologyEvents(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<ChronologyEvent[]> {
  return (await positionsOf(tx, tenantId, childId)).map((position) => ({
    occurredAt: position.assessedOn,
    type: 'safe_uncertainty',
    title: `Where the work stands: ${positionNames[position.position]}`,
    details: null,
    byline: position.recordedByLabel,
    href: safeUncertaintyPaths.page(childId),
  }));
}
