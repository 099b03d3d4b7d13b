/**
 * Schemas for POST /api/v1/language/check, kept apart from the route so they can be
 * registered, documented and tested on their own. The response describes exactly what
 * checkLanguage returns (the command line's --json prints the same).
 */
import { z } from 'zod';
import { text } from '../../platform/http/text.js';
import { audiences } from './glossary.js';

export const MAX_TEXT_LENGTH = 100_000;

const findingKinds = ['label-or-blame', 'plain-english'] as const;

export const languageFindingSchema = z.object({
  entryId: z
    .string()
    .describe(
      'A glossary entry (G01 to G80, or a council’s own) or a plain-English check: long-sentence, passive-voice, long-word, initials',
    ),
  kind: z.enum(findingKinds),
  severity: z.enum(['flag', 'suggest', 'describe']),
  start: z.number().int().min(0).describe('Offset of the first character, in UTF-16 code units as JavaScript counts'),
  end: z.number().int().min(0).describe('Offset just after the last character'),
  matched: z.string(),
  why: z.string(),
  alternatives: z.array(z.string()),
});

export const readabilitySchema = z.object({
  formula: z.string(),
  readingAge: z.number().nullable().describe('UK reading age in years; null when there are no words'),
  target: z.number().nullable().describe('9 for children, 11 for families, null for professional notes'),
  withinTarget: z.boolean().nullable(),
  sentences: z.number().int(),
  words: z.number().int(),
  syllables: z.number().int(),
  averageSentenceWords: z.number(),
  fleschReadingEase: z.number().nullable(),
  longSentences: z.number().int(),
  passiveVerbs: z.number().int(),
  longWords: z.number().int(),
  unexplainedInitials: z.number().int(),
});

export const balanceSchema = z.object({
  strengths: z.number().int(),
  worries: z.number().int(),
  childsView: z.number().int(),
  notes: z.array(z.string()),
});

const section = z.array(text().max(4000)).max(200);

export const languageCheckRequest = z
  .object({
    text: text().max(MAX_TEXT_LENGTH),
    audience: z.enum(audiences).default('professional'),
    /** Only one kind of suggestion; both when left out. */
    kind: z.enum(findingKinds).optional(),
    /** Sections of an assessment or plan, for the balance check. */
    balance: z.object({ strengths: section, worries: section, childsView: section }).optional(),
  })
  .meta({ id: 'LanguageCheckRequest' });

export const languageCheckResponse = z
  .object({
    audience: z.enum(audiences),
    findings: z.array(languageFindingSchema),
    readability: readabilitySchema,
    balance: balanceSchema.optional(),
  })
  .meta({ id: 'LanguageCheck' });

export type LanguageCheckRequest = z.infer<typeof languageCheckRequest>;
export type LanguageCheckResponse = z.infer<typeof languageCheckResponse>;
