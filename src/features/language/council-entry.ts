/**
 * A council's own word, as typed in the form: what it is, how it is written (one per line),
 * why it matters, what to write instead (one per line), how it is suggested and where.
 * Messages follow the GOV.UK pattern.
 */
import { z } from 'zod';
import { parsePattern } from './pattern-language.js';

/** The non-empty lines of a text box, trimmed. */
export const linesOf = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export const councilEntryFormSchema = z.object({
  term: z.string().trim().min(1, 'Enter the word or phrase').max(120, 'The word must be 120 characters or fewer'),
  patterns: z
    .array(
      z
        .string()
        .regex(/^[\p{L}\p{N}'’| -]+$/u, 'Words to look for can use letters, numbers, hyphens, apostrophes and | only')
        .max(200)
        .refine((pattern) => parsePattern(pattern).ok, 'Each way it is written needs a word on each side of a |'),
    )
    .min(1, 'Enter at least one way the word is written')
    .max(40),
  why: z
    .string()
    .trim()
    .min(10, 'Explain why it matters, in at least 10 characters')
    .max(600, 'The reason must be 600 characters or fewer'),
  alternatives: z.array(z.string().max(200)).min(1, 'Enter at least one thing to write instead').max(10),
  severity: z.enum(['flag', 'describe', 'suggest']),
  audiences: z.array(z.enum(['professional', 'family', 'child'])).min(1, 'Choose who reads the writing it applies to'),
});

export type CouncilEntryForm = z.infer<typeof councilEntryFormSchema>;
