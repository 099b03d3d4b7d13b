/**
 * One set of rules for recording a position, a question or hypothesis, and what was found,
 * used by the HTML forms and the JSON API alike. Messages follow the GOV.UK pattern.
 */
import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import { gridPositions, questionKinds } from './schema.js';
import { dateInputParts, isoDateFromParts, isRealIsoDate } from '../../platform/http/forms.js';

export const safeUncertaintyMessages = {
  choosePosition: 'Choose where the work stands on the grid',
  enterReasons: 'Enter the reasons for this position',
  reasonsTooLong: 'Reasons must be 4,000 characters or fewer',
  assessedReal: 'Enter the date of this position as a real date, for example 27 3 2026',
  assessedFuture: 'The date of this position must be today or in the past',
  chooseKind: 'Choose whether this is a question or a hypothesis',
  enterWording: 'Enter the question or hypothesis',
  wordingTooLong: 'The question or hypothesis must be 2,000 characters or fewer',
  revisitReal: 'Enter the date to revisit as a real date, for example 27 3 2026',
  revisitPast: 'The date to revisit must be today or in the future',
  enterFinding: 'Enter what was found',
  findingTooLong: 'What was found must be 4,000 characters or fewer',
  foundReal: 'Enter the date it was found as a real date, for example 27 3 2026',
  foundFuture: 'The date it was found must be today or in the past',
} as const;

const today = () => new Date().toISOString().slice(0, 10);

const realDate = (message: string) => isoDate(message);

/** A real date, today or in the past. */
const pastDate = (real: string, future: string) => realDate(real).refine((value) => value <= today(), future);

/** Text that must be written (kept trimmed), at most `max` characters. */
const writtenText = (max: number, enter: string, tooLong: string) =>
  text({ error: enter }).trim().min(1, enter).max(max, tooLong);

/** The date helpers every form shares, as this feature's tests and routes name them. */
export { dateInputParts as datePartsOf, isoDateFromParts, isRealIsoDate };

export const newPositionSchema = z
  .object({
    position: z.enum(gridPositions, safeUncertaintyMessages.choosePosition),
    reasons: writtenText(4000, safeUncertaintyMessages.enterReasons, safeUncertaintyMessages.reasonsTooLong),
    assessedOn: pastDate(safeUncertaintyMessages.assessedReal, safeUncertaintyMessages.assessedFuture),
  })
  .meta({ id: 'NewSafeUncertaintyPosition' });
export type NewPosition = z.infer<typeof newPositionSchema>;

export const newQuestionSchema = z
  .object({
    kind: z.enum(questionKinds, safeUncertaintyMessages.chooseKind),
    wording: writtenText(2000, safeUncertaintyMessages.enterWording, safeUncertaintyMessages.wordingTooLong),
    revisitOn: realDate(safeUncertaintyMessages.revisitReal).refine(
      (value) => value >= today(),
      safeUncertaintyMessages.revisitPast,
    ),
  })
  .meta({ id: 'NewQuestionOrHypothesis' });
export type NewQuestion = z.infer<typeof newQuestionSchema>;

export const findingSchema = z
  .object({
    finding: writtenText(4000, safeUncertaintyMessages.enterFinding, safeUncertaintyMessages.findingTooLong),
    foundOn: pastDate(safeUncertaintyMessages.foundReal, safeUncertaintyMessages.foundFuture),
  })
  .meta({ id: 'QuestionFinding' });
export type Finding = z.infer<typeof findingSchema>;

/** The version a finding's page was opened at (a form sends it as text), refused as stale when it has moved on. */
export const expectedVersionSchema = z.coerce.number().int().min(1);
