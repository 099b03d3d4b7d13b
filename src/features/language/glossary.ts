/**
 * The glossary the language companion checks against. The built-in list ships as data
 * (glossary.json); councils can add, change and switch off entries, and their entries are
 * checked by the same schema before they are used.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const audiences = ['professional', 'family', 'child'] as const;
export type Audience = (typeof audiences)[number];

export const glossaryCategories = [
  'care_system',
  'labels_about_children',
  'blaming_families',
  'victim_blaming',
  'plain_english',
] as const;

/**
 * One pattern is a run of words separated by spaces; `a|b|c` offers alternatives for one
 * word. A word written with capitals (LAC, DNA'd, CiC) matches exactly as written, so an
 * acronym never matches inside an ordinary word; every other word matches in any case.
 */
const pattern = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}'’|\- ]+$/u, 'Patterns use words, hyphens, apostrophes, spaces and | only');

export const glossaryEntrySchema = z.object({
  id: z.string().regex(/^[A-Z]{1,3}\d{1,4}$/, 'An id is a letter and a number, like G12 or C3'),
  term: z.string().trim().min(1).max(120),
  category: z.enum(glossaryCategories),
  /** flag: a word with alternatives; suggest: a gentle hint; describe: say what happened instead. */
  severity: z.enum(['flag', 'suggest', 'describe']),
  /** Which kinds of writing the entry applies to (all, when not given). */
  audiences: z.array(z.enum(audiences)).min(1).optional(),
  patterns: z.array(pattern).min(1).max(40),
  caseSensitivePatterns: z.array(z.string()).optional(),
  /** Words just before a match that mean another sense ("work placement"). */
  notPrecededBy: z.array(pattern).max(20).optional(),
  /** Words just after a match that mean another sense ("contact details"). */
  notFollowedBy: z.array(pattern).max(20).optional(),
  /** A judgement that a negation reverses ("the home was not chaotic") is left alone. */
  negatable: z.boolean().optional(),
  why: z.string().trim().min(1).max(600),
  alternatives: z.array(z.string().trim().min(1).max(200)).min(1).max(10),
  /** A council may switch a built-in entry off. */
  enabled: z.boolean().optional(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const glossarySchema = z
  .array(glossaryEntrySchema)
  .refine(
    (entries) => new Set(entries.map((entry) => entry.id)).size === entries.length,
    'Each entry needs its own id',
  );

let builtIn: GlossaryEntry[] | null = null;

/** The built-in glossary, read once and checked against the schema. */
export function builtInGlossary(): GlossaryEntry[] {
  builtIn ??= glossarySchema.parse(
    JSON.parse(readFileSync(new URL('./glossary.json', import.meta.url), 'utf8')) as unknown,
  );
  return builtIn;
}

/** A council's glossary: the built-in entries with its own changes, additions and switched-off entries. */
export function councilGlossary(changes: readonly GlossaryEntry[]): GlossaryEntry[] {
  const byId = new Map(builtInGlossary().map((entry) => [entry.id, entry]));
  for (const change of glossarySchema.parse(changes)) byId.set(change.id, change);
  return [...byId.values()].filter((entry) => entry.enabled !== false);
}
