/**
 * The glossary the language companion checks against. The built-in list ships as data
 * (glossary.json, entries G01 to G80). Councils can add, change and switch off entries; their
 * entries are checked by the same schema before they are used, so a council's word is held
 * to the same standard as a built-in one.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parsePattern, startsWithAWord } from './pattern-language.js';

export const audiences = ['professional', 'family', 'child'] as const;
export type Audience = (typeof audiences)[number];

/**
 * care-system: words from the care system for a child's home, family and meetings.
 * blaming: phrases that put the problem on a child or family, or blame them for harm done to them.
 * judgement: an opinion written as if it were a fact about a person.
 * jargon: professional words and initials that shut families out of their own plan.
 */
export const glossaryCategories = ['care-system', 'blaming', 'judgement', 'jargon'] as const;
export type GlossaryCategory = (typeof glossaryCategories)[number];

/** Categories written by the first version of the companion, still in some councils' saved entries. */
const earlierCategoryNames: Record<string, GlossaryCategory> = {
  care_system: 'care-system',
  labels_about_children: 'judgement',
  blaming_families: 'blaming',
  victim_blaming: 'blaming',
  plain_english: 'jargon',
};

export const patternSchema = z
  .string()
  .trim()
  .min(1)
  .max(600)
  .superRefine((pattern, context) => {
    const parsed = parsePattern(pattern);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: `“${pattern}”: ${parsed.problem}` });
  });

const entryFields = z.object({
  id: z.string().regex(/^[A-Z]{1,3}\d{1,4}$/, 'An id is a capital letter and a number, like G12 or C3'),
  term: z.string().trim().min(1).max(120),
  category: z.enum(glossaryCategories),
  /** flag: offer other words; suggest: a gentle hint; describe: ask the writer to say what happened. */
  severity: z.enum(['flag', 'suggest', 'describe']),
  /** Which writing the entry applies to; every kind when left out. */
  audiences: z.array(z.enum(audiences)).min(1).optional(),
  /** The ways the words are written, in the pattern language (pattern-language.ts). */
  patterns: z
    .array(patternSchema)
    .min(1)
    .max(40)
    .refine(
      (patterns) => patterns.every((pattern) => startsWithAWord(asSlots(pattern))),
      "Each pattern must start with a word, not with * (*'s is fine)",
    ),
  /** Near misses, in the same language: when one covers a match, the match is left alone ("eye contact"). */
  guards: z.array(patternSchema).max(40).optional(),
  /** A negation just before the words reverses them ("the home was not chaotic"), so they are left alone. */
  negatable: z.boolean().optional(),
  why: z.string().trim().min(1).max(600),
  alternatives: z.array(z.string().trim().min(1).max(200)).min(1).max(16),
  /** A council can switch an entry off without deleting it. */
  enabled: z.boolean().optional(),
});

function asSlots(pattern: string) {
  const parsed = parsePattern(pattern);
  return parsed.ok ? parsed.slots : [];
}

/**
 * Entries saved by the first version of the companion: a switched built-in entry was saved as
 * a full copy in the old shape, so it is read as today's built-in entry with the council's
 * switch kept; a council's own entry keeps its words with its category renamed.
 */
function upgradeSavedEntry(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entry = value as Record<string, unknown>;
  const legacy = typeof entry.category === 'string' && entry.category in earlierCategoryNames;
  if (!legacy && !('notPrecededBy' in entry) && !('notFollowedBy' in entry)) return value;
  const current = builtIn?.find((candidate) => candidate.id === entry.id);
  if (current) return { ...current, ...(typeof entry.enabled === 'boolean' ? { enabled: entry.enabled } : {}) };
  const oldGuardKeys = ['notPrecededBy', 'notFollowedBy', 'caseSensitivePatterns'];
  const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => !oldGuardKeys.includes(key)));
  return { ...rest, category: legacy ? earlierCategoryNames[entry.category as string] : entry.category };
}

export const glossaryEntrySchema = z.preprocess(upgradeSavedEntry, entryFields);
export type GlossaryEntry = z.infer<typeof entryFields>;

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

/** A council's glossary: the built-in entries with its own changes and additions, without those switched off. */
export function councilGlossary(changes: readonly unknown[]): GlossaryEntry[] {
  const byId = new Map(builtInGlossary().map((entry) => [entry.id, entry]));
  for (const change of glossarySchema.parse(changes)) byId.set(change.id, change);
  return [...byId.values()].filter((entry) => entry.enabled !== false);
}

/** Whether the entry's suggestions are about labels and blame, or about plain English. */
export const findingKindOf = (entry: Pick<GlossaryEntry, 'category'>) =>
  entry.category === 'jargon' ? ('plain-english' as const) : ('label-or-blame' as const);
