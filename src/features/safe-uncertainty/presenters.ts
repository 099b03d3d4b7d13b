/** Pure: shapes safe uncertainty for the pages (the grid picture, the table, the questions). */
import { presentDate } from '../child-record/index.js';
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
