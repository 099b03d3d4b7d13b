/** One set of rules for the assessment's forms and the JSON API. Messages follow the GOV.UK pattern. */
import { z } from 'zod';
import { text } from '../../platform/http/text.js';
import { contentFields, fullFieldName, type ContentField } from './sections.js';

export const assessmentMessages = {
  enterComment: 'Enter your comment for the author',
  commentTooLong: 'Your comment must be 4,000 characters or fewer',
  chooseDecision: 'Choose whether to sign off this version or return it to the author',
  fieldTooLong: (field: ContentField) =>
    `${fullFieldName(field)} must be ${field === 'analysis' ? '20,000' : '10,000'} characters or fewer`,
} as const;

const fieldLimit = (field: ContentField) => (field === 'analysis' ? 20000 : 10000);

/** Some or all of an assessment's text; fields left out stay as they are. */
export const contentChangesSchema = z
  .object(
    Object.fromEntries(
      contentFields.map((field) => [
        field,
        text().max(fieldLimit(field), assessmentMessages.fieldTooLong(field)).optional(),
      ]),
    ) as Record<ContentField, z.ZodOptional<z.ZodString>>,
  )
  .strict()
  .meta({ id: 'AssessmentContentChanges' });

export const commentSchema = text({ error: assessmentMessages.enterComment })
  .trim()
  .min(1, assessmentMessages.enterComment)
  .max(4000, assessmentMessages.commentTooLong);

export const decisionSchema = z.object({
  decision: z.enum(['sign_off', 'return'], assessmentMessages.chooseDecision),
  comment: commentSchema,
});

/** The revision a section's form was read at (a hidden field), to refuse a stale save. */
export const expectedRevisionSchema = z.coerce.number().int().min(1);
