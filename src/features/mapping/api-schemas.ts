/**
 * The mapping API's shapes: what it answers (entries, scores, mappings) and what it accepts,
 * described for the OpenAPI document, and the rows presented in those shapes.
 */
import { z } from 'zod';
import { text } from '../../platform/http/text.js';
import { isoDate } from '../../platform/http/dates.js';
import { defaultScale } from './domain.js';
import { mappingSections, viewKinds } from './schema.js';
import type { MappingEntryRow, ScalingScoreRow } from './queries.js';
import { entryContentOf } from './service/entries.js';

export const childParams = z.object({ childId: z.string().max(64) });
export const mappingParams = z.object({ childId: z.string().max(64), mappingId: z.string().max(64) });
export const entryParams = mappingParams.extend({ entryId: z.string().max(64) });

export const entrySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    section: z.enum(mappingSections),
    statement: z
      .string()
      .describe('The entry in words; for danger statements and safety goals, built from their parts'),
    harmSeverity: z.string().nullable(),
    harmFrequency: z.string().nullable(),
    harmWhen: z.string().nullable(),
    worriedWho: z.string().nullable(),
    couldHappen: z.string().nullable(),
    becauseOf: z.string().nullable(),
    inCircumstances: z.string().nullable(),
    goalWho: z.string().nullable(),
    goalWillBeDoing: z.string().nullable(),
    goalHowWeWillKnow: z.string().nullable(),
    stepOwnerPersonId: z.uuid().nullable(),
    stepOwnerName: z.string().nullable(),
    stepDueOn: z.string().nullable(),
    viewOfKind: z.enum(viewKinds),
    viewOfPersonId: z.uuid().nullable(),
    viewOfName: z.string(),
    source: z.object({ type: z.string(), id: z.uuid().nullable(), label: z.string().nullable() }).nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MappingEntry' });

export const scoreSchema = z
  .object({
    id: z.uuid(),
    scoredOn: z.string(),
    scorerKind: z.enum(viewKinds),
    scorerPersonId: z.uuid().nullable(),
    scorerName: z.string(),
    score: z.number().int().min(0).max(10),
    reason: z.string(),
    recordedBy: z.string(),
  })
  .meta({ id: 'ScalingScore' });

export const mappingSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: z.string(),
    childIds: z.array(z.uuid()),
    entriesBySection: z.record(z.string(), z.number()),
    scoreCount: z.number().int(),
  })
  .meta({ id: 'MappingSummary' });

export const mappingSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: z.string(),
    whoTookPart: z.string().nullable(),
    childIds: z.array(z.uuid()),
    scalingQuestion: z.string(),
    scaleZeroMeans: z.string(),
    scaleTenMeans: z.string(),
    entries: z.array(entrySchema),
    scores: z.array(scoreSchema),
    balance: z
      .object({
        strengths: z.number().int(),
        worries: z.number().int(),
        childsView: z.number().int(),
        notes: z.array(z.string()).describe('Gentle notes on what is missing; they never block a save'),
      })
      .meta({ id: 'Balance' }),
  })
  .meta({ id: 'Mapping' });

const optionalText = (max: number) => text().max(max).nullable().optional();
const entryShape = {
  section: z.enum(mappingSections),
  statement: optionalText(4000).describe('Not used for danger statements and safety goals: their parts make it'),
  harmSeverity: optionalText(500),
  harmFrequency: optionalText(500),
  harmWhen: optionalText(500),
  worriedWho: optionalText(500).describe('Danger statements: who is worried (required)'),
  couldHappen: optionalText(2000).describe('Danger statements: what could happen to the child (required)'),
  becauseOf: optionalText(2000).describe('Danger statements: because of which adult behaviour (required)'),
  inCircumstances: optionalText(2000),
  goalWho: optionalText(500).describe('Safety goals: who will be doing it (required)'),
  goalWillBeDoing: optionalText(2000).describe('Safety goals: what they will be doing (required)'),
  goalHowWeWillKnow: optionalText(2000),
  stepOwnerPersonId: z.uuid().nullable().optional().describe('Next steps: someone in the child’s network'),
  stepOwnerName: optionalText(200).describe('Next steps: or a name'),
  stepDueOn: isoDate().nullable().optional().describe('Next steps: by when (required)'),
  viewOfKind: z.enum(viewKinds),
  viewOfPersonId: z.uuid().nullable().optional(),
  viewOfName: optionalText(200).describe('Filled from the person when viewOfPersonId is given'),
};
export const entryBody = z.object(entryShape).meta({ id: 'NewMappingEntry' });
export const entryChangeBody = z
  .object({
    ...entryShape,
    expectedVersion: z.number().int().min(1).describe('The version you started from; a stale one gets 409'),
    reason: optionalText(2000),
  })
  .meta({ id: 'MappingEntryChange' });

export const newMappingBody = z
  .object({
    title: text().max(200),
    heldOn: isoDate(),
    whoTookPart: optionalText(2000),
    siblingIds: z.array(z.uuid()).max(20).default([]).describe('Brothers and sisters this mapping is also about'),
    scalingQuestion: text().max(500).default(defaultScale.scalingQuestion),
    scaleZeroMeans: text().max(500).default(defaultScale.scaleZeroMeans),
    scaleTenMeans: text().max(500).default(defaultScale.scaleTenMeans),
  })
  .meta({ id: 'NewMapping' });

export const scoreBody = z
  .object({
    scorerKind: z.enum(viewKinds),
    scorerPersonId: z.uuid().nullable().optional(),
    scorerName: optionalText(200),
    score: z.number().int().min(0).max(10).describe('0 and 10 as the mapping defines them'),
    reason: text().max(4000),
    scoredOn: isoDate().optional().describe('Defaults to today'),
  })
  .meta({ id: 'NewScalingScore' });

export function presentEntry(entry: MappingEntryRow): z.infer<typeof entrySchema> {
  return {
    id: entry.id,
    version: entry.version,
    ...entryContentOf(entry),
    source: entry.sourceType ? { type: entry.sourceType, id: entry.sourceId, label: entry.sourceLabel } : null,
    updatedAt: entry.updatedAt.toISOString(),
  };
}

export const presentScore = (score: ScalingScoreRow): z.infer<typeof scoreSchema> => ({
  id: score.id,
  scoredOn: score.scoredOn,
  scorerKind: score.scorerKind,
  scorerPersonId: score.scorerPersonId,
  scorerName: score.scorerName,
  score: score.score,
  reason: score.reason,
  recordedBy: score.recordedByLabel,
});
