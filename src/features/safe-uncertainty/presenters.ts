/** Pure: shapes safe uncertainty for the pages (the grid picture, the table, the questions, the forms' choices). */
import { presentDate, type ChildSummary } from '../child-record/index.js';
import { questionKinds } from './schema.js';
import {
  GOAL,
  gridPositions,
  inOrder,
  movementBetween,
  movementNames,
  positionExplanations,
  positionNames,
  questionKindNames,
  shortPositionNames,
} from './grid.js';
import { renderGridSvg } from './grid-svg.js';
import type { Position, Question } from './service.js';

export function presentPositions(positions: readonly Position[], childName: string) {
  const ordered = inOrder(positions);
  const rows = ordered.map((position, index) => {
    const movement = movementBetween(index === 0 ? null : ordered[index - 1]!.position, position.position);
    return {
      number: index + 1,
      date: presentDate(position.assessedOn),
      name: positionNames[position.position],
      shortName: shortPositionNames[position.position],
      reasons: position.reasons,
      recordedBy: position.recordedByLabel,
      movement: movementNames[movement],
      isCurrent: index === ordered.length - 1,
    };
  });
  const current = ordered.at(-1);
  const first = ordered[0];
  let summary: string | null = null;
  if (current && first && ordered.length > 1) {
    summary =
      first.position === current.position
        ? `Since ${presentDate(first.assessedOn)} the work has stayed at ${shortPositionNames[current.position].toLowerCase()}.`
        : `Since ${presentDate(first.assessedOn)} the work has moved from ${shortPositionNames[first.position].toLowerCase()} to ${shortPositionNames[current.position].toLowerCase()}${current.position === GOAL ? ', where we aim to be' : ''}.`;
  }
  return {
    svg: renderGridSvg(ordered, {
      childName,
      describe: (point) => `${presentDate(point.assessedOn)}, ${shortPositionNames[point.position]}`,
    }),
    rows: [...rows].reverse(),
    current: current
      ? {
          name: positionNames[current.position],
          explanation: positionExplanations[current.position],
          date: presentDate(current.assessedOn),
          recordedBy: current.recordedByLabel,
          reasons: current.reasons,
          isGoal: current.position === GOAL,
        }
      : null,
    summary,
  };
}

export const gridLegend = gridPositions.map((position) => ({
  name: positionNames[position],
  explanation: positionExplanations[position],
  isGoal: position === GOAL,
}));

export function presentQuestions(questions: readonly Question[], findingHref: (id: string) => string | null) {
  const open = questions
    .filter((question) => question.finding === null)
    .map((question) => ({
      id: question.id,
      kind: questionKindNames[question.kind],
      wording: question.wording,
      raisedOn: presentDate(question.raisedOn),
      revisitOn: presentDate(question.revisitOn),
      due: question.dueForRevisit,
      raisedBy: question.recordedByLabel,
      findingHref: findingHref(question.id),
    }));
  const answered = questions
    .filter((question) => question.finding !== null)
    .sort((a, b) => (b.foundOn ?? '').localeCompare(a.foundOn ?? ''))
    .map((question) => ({
      id: question.id,
      kind: questionKindNames[question.kind],
      wording: question.wording,
      finding: question.finding,
      foundOn: presentDate(question.foundOn),
      foundBy: question.findingRecordedByLabel,
      raisedOn: presentDate(question.raisedOn),
      findingHref: findingHref(question.id),
    }));
  return { open, answered, dueCount: open.filter((question) => question.due).length };
}

/** What the record calls a child in a sentence: the name they are known by, or their first name. */
export const nameOf = (child: ChildSummary) => child.knownAs ?? child.fullName.split(' ')[0] ?? child.fullName;

const notices: Record<string, string> = {
  position_recorded: 'The position has been recorded. Earlier positions are kept, so the path over time shows.',
  question_added: 'The question has been added to what we do not know yet.',
  finding_recorded: 'What was found has been recorded. The earlier version is kept in the history.',
};

/** The banner after a save, from the page's `notice` query value; null for none or one we did not send. */
export const noticeFor = (notice: unknown): string | null =>
  typeof notice === 'string' ? (notices[notice] ?? null) : null;

/** The grid's positions as radios, with what each means. */
export const positionItems = (chosen: string) =>
  gridPositions.map((position) => ({
    value: position,
    text: positionNames[position],
    hint: { text: positionExplanations[position] },
    checked: chosen === position,
  }));

/** A question or a hypothesis, as radios. */
export const questionKindItems = (childName: string, chosen: string) =>
  questionKinds.map((kind) => ({
    value: kind,
    text: questionKindNames[kind],
    hint: {
      text:
        kind === 'question'
          ? `Something we need to find out, for example: who could collect ${childName} from school on Fridays?`
          : 'An idea we are testing about what is happening and why, to check with the family',
    },
    checked: chosen === kind,
  }));

/** The question a finding answers, at the top of its form. */
export const presentQuestionAsked = (question: Question) => ({
  kind: questionKindNames[question.kind],
  wording: question.wording,
  raisedOn: presentDate(question.raisedOn),
  revisitOn: presentDate(question.revisitOn),
  due: question.dueForRevisit,
});

/** What someone else saved while this person was writing (a stale save). */
export const presentConflict = (conflict: Question | undefined) =>
  conflict
    ? {
        finding: conflict.finding,
        foundOn: presentDate(conflict.foundOn),
        foundBy: conflict.findingRecordedByLabel ?? 'Someone',
      }
    : null;
