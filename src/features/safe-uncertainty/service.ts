/**
 * Safe uncertainty: positions on the grid over time, and what we do not know yet. Each call
 * runs in one council transaction, asks the same access policy as the rest of the child's
 * record, and writes its audit entry (allowed or refused) in that transaction. Positions are
 * append-only; a finding is an update kept as a new version in record_versions.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/ids.js';
import { appendVersion } from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import type { ChronologyEvent } from '../../platform/chronology/sources.js';
import { withChildRecord, type ChildSummary, type RequestSource } from '../child-record/index.js';
import { isDueForRevisit, isoToday, positionNames } from './grid.js';
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

const notFound = { outcome: 'not_found' as const };

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
  const purpose = { need: 'view', action: 'child_record.view', source, details: { part } } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const today = isoToday(now);
    const positions = await positionsOf(record.tx, record.tenantId, childId);
    const questions = withDue(await questionsOf(record.tx, record.tenantId, childId), today);
    await record.audit('child_record.view', { part });
    return { child: record.child, positions, questions, mayChange: record.mayChange, today };
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
  const purpose = { need: 'change', action: 'child_record.view', source, details: { part } } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    await record.audit('child_record.view', { part });
    return record.child;
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
  const action = 'safe_uncertainty.position_recorded';
  const saved = await withChildRecord(database, actor, childId, { need: 'change', action, source }, async (record) => {
    const position = await insertPosition(record.tx, record.tenantId, {
      childPersonId: childId,
      position: input.position,
      reasons: input.reasons,
      assessedOn: input.assessedOn,
      recordedBy: actor.userId,
      recordedByLabel: actor.fullName,
    });
    await record.audit(action, {
      positionId: position.id,
      position: position.position,
      assessedOn: position.assessedOn,
    });
    return { outcome: 'recorded' as const, position };
  });
  return saved ?? notFound;
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
  const action = 'safe_uncertainty.question_added';
  const saved = await withChildRecord(database, actor, childId, { need: 'change', action, source }, async (record) => {
    const today = isoToday(now);
    const question = await insertQuestion(record.tx, record.tenantId, {
      childPersonId: childId,
      kind: input.kind,
      wording: input.wording,
      raisedOn: today,
      revisitOn: input.revisitOn,
      recordedBy: actor.userId,
      recordedByLabel: actor.fullName,
    });
    await appendVersion(record.tx, record.tenantId, {
      recordType: SAFE_UNCERTAINTY_QUESTION,
      recordId: question.id,
      version: 1,
      author: { userId: actor.userId, label: actorLabel(actor) },
      reason: null,
      content: questionContent(question),
    });
    await record.audit(action, { questionId: question.id, kind: question.kind });
    return { outcome: 'added' as const, question: withDue([question], today)[0]! };
  });
  return saved ?? notFound;
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

/** One of the child's questions, or undefined (an id that is not a UUID is never sent to the database). */
const questionOf = (tx: Tx, tenantId: string, childId: string, questionId: string) =>
  isUuid(questionId) ? findQuestion(tx, tenantId, childId, questionId) : Promise.resolve(undefined);

/** One question, for the form that records what was found. */
export async function questionForFinding(
  database: Database,
  actor: Actor,
  childId: string,
  questionId: string,
  source: RequestSource,
): Promise<{ child: ChildSummary; question: Question } | null> {
  const part = 'finding_form';
  const purpose = { need: 'change', action: 'child_record.view', source, details: { part } } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const question = await questionOf(record.tx, record.tenantId, childId, questionId);
    if (!question) return null;
    await record.audit('child_record.view', { part, questionId });
    return { child: record.child, question: withDue([question], isoToday())[0]! };
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
  const action = 'safe_uncertainty.finding_recorded';
  const saved = await withChildRecord(
    database,
    actor,
    childId,
    { need: 'change', action, source },
    async (record): Promise<FindingSave> => {
      const current = await questionOf(record.tx, record.tenantId, childId, questionId);
      if (!current) return notFound;
      const today = isoToday();
      const saved = await updateFinding(
        record.tx,
        record.tenantId,
        questionId,
        {
          finding: input.finding,
          foundOn: input.foundOn,
          findingRecordedBy: actor.userId,
          findingRecordedByLabel: actor.fullName,
        },
        input.expectedVersion,
      );
      if (!saved) return { outcome: 'conflict', current: withDue([current], today)[0]! };
      await appendVersion(record.tx, record.tenantId, {
        recordType: SAFE_UNCERTAINTY_QUESTION,
        recordId: questionId,
        version: saved.version,
        author: { userId: actor.userId, label: actorLabel(actor) },
        reason: current.finding === null ? null : 'What was found changed',
        content: questionContent(saved),
      });
      await record.audit(action, {
        questionId,
        version: saved.version,
        changedEarlierFinding: current.finding !== null,
      });
      return { outcome: 'saved', question: withDue([saved], today)[0]! };
    },
  );
  return saved ?? notFound;
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
    href: safeUncertaintyPaths.page.href({ childId }),
  }));
}
