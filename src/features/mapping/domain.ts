/**
 * The rules of a mapping, with no I/O: the seven sections under the three questions, what
 * each kind of entry must say, how a danger statement and a safety goal are put into words,
 * whose view an entry is, the balance of a mapping, and comparing two mappings.
 *
 * A danger statement says who is worried, what they worry could happen to the child, because
 * of which adult behaviour, and in what circumstances. A safety goal says what the people
 * around the child will be doing that shows everyone the child is safe enough. Both are kept
 * in their parts (so they can be checked and changed) and as one sentence (so they read well).
 */
import { z } from 'zod';
import { isRealIsoDate } from '../../platform/http/forms.js';
import { checkBalance, type Balance } from '../language/index.js';
import { mappingSections, viewKinds, type MappingSection, type ViewKind } from './schema.js';

export const mappingQuestions = [
  {
    id: 'worries',
    heading: 'What are we worried about?',
    sections: ['past_harm', 'danger_statement', 'complicating_factor'],
  },
  {
    id: 'working_well',
    heading: 'What’s working well?',
    sections: ['existing_strength', 'existing_safety'],
  },
  {
    id: 'needs_to_happen',
    heading: 'What needs to happen?',
    sections: ['safety_goal', 'next_step'],
  },
] as const satisfies readonly { id: string; heading: string; sections: readonly MappingSection[] }[];

export const sectionNames: Record<MappingSection, string> = {
  past_harm: 'What has happened',
  danger_statement: 'Danger statements',
  complicating_factor: 'What makes things harder',
  existing_strength: 'Strengths',
  existing_safety: 'Safety already shown',
  safety_goal: 'Safety goals',
  next_step: 'Next steps',
};

/** One line under each section's name, saying what belongs there. */
export const sectionHints: Record<MappingSection, string> = {
  past_harm: 'What happened to the child, how bad it was, how often, and when.',
  danger_statement: 'What people worry could happen to the child if nothing changes, and why.',
  complicating_factor: 'Things that make the worries harder to solve, without being harm themselves.',
  existing_strength: 'What the family and network do well, and what people like about them.',
  existing_safety: 'Strengths that have kept the child safe over time, while the worry was there.',
  safety_goal: 'What the people around the child will be doing that shows everyone the child is safe enough.',
  next_step: 'Who will do what, by when.',
};

/** The singular name, for "Add a …" links and headings. */
export const sectionEntryNames: Record<MappingSection, string> = {
  past_harm: 'something that has happened',
  danger_statement: 'a danger statement',
  complicating_factor: 'something that makes things harder',
  existing_strength: 'a strength',
  existing_safety: 'safety already shown',
  safety_goal: 'a safety goal',
  next_step: 'a next step',
};

export const viewKindNames: Record<ViewKind, string> = {
  child: 'The child',
  family: 'Family',
  network: 'Someone in the network',
  professional: 'A professional',
};

export const worrySections: readonly MappingSection[] = mappingQuestions[0].sections;
export const workingWellSections: readonly MappingSection[] = mappingQuestions[1].sections;
export const needsToHappenSections: readonly MappingSection[] = mappingQuestions[2].sections;

export const questionOf = (section: MappingSection) =>
  mappingQuestions.find((question) => (question.sections as readonly MappingSection[]).includes(section))!;

/** The default scaling question, and what 0 and 10 mean, in plain words. */
export const defaultScale = {
  scalingQuestion: 'On a scale of 0 to 10, where do you think things are now for the children, between 0 and 10 below?',
  scaleZeroMeans: 'Things are so worrying that the children cannot stay at home.',
  scaleTenMeans: 'Everyone knows the children are safe enough, and we can stop being involved.',
};

const isRealDate = isRealIsoDate;

const words = (max: number, message: string, tooLong: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong);
const optionalWords = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);

export const mappingMessages = {
  viewOfKind: 'Select whose view this is',
  viewOfName: 'Enter the name of the person whose view this is',
  statement: 'Enter what was said',
  worriedWho: 'Enter who is worried',
  couldHappen: 'Enter what they worry could happen to the child',
  becauseOf: 'Enter which adult behaviour the worry comes from',
  goalWho: 'Enter who will be doing it',
  goalWillBeDoing: 'Enter what they will be doing',
  stepOwner: 'Enter who will do this next step',
  stepDueOn: 'Enter the date this will be done by, for example 27 3 2027',
  stepDueOnReal: 'The date this will be done by must be a real date',
  section: 'Select where this belongs',
  title: 'Enter a name for this mapping',
  heldOn: 'Enter the date of the mapping, for example 27 3 2027',
  heldOnReal: 'The date of the mapping must be a real date',
  heldOnFuture: 'The date of the mapping must be today or in the past',
  children: 'Select at least one child this mapping is about',
  scorerKind: 'Select who gave this score',
  scorerName: 'Enter the name of the person who gave this score',
  score: 'Select a score from 0 to 10',
  reason: 'Enter why they gave this score, in their words',
  scoredOn: 'Enter the date of the score, for example 27 3 2027',
  scoredOnReal: 'The date of the score must be a real date',
  scoredOnFuture: 'The date of the score must be today or in the past',
  tooLong: (what: string, max: number) => `${what} must be ${max} characters or fewer`,
} as const;

/** Whose view an entry is: a kind, and a name (from the network, or typed). */
const viewOfShape = {
  viewOfKind: z.enum(viewKinds, { error: mappingMessages.viewOfKind }),
  viewOfPersonId: z.uuid().nullable().default(null),
  viewOfName: words(200, mappingMessages.viewOfName, mappingMessages.tooLong('The name', 200)),
};

const dueDate = z
  .string({ error: mappingMessages.stepDueOn })
  .trim()
  .min(1, mappingMessages.stepDueOn)
  .refine(isRealDate, mappingMessages.stepDueOnReal);

/** What each kind of entry must say. One schema per section, shared by the form and the API. */
export const entryPartsSchemas = {
  past_harm: z.object({
    statement: words(4000, 'Enter what happened', mappingMessages.tooLong('What happened', 4000)),
    harmSeverity: optionalWords(500, mappingMessages.tooLong('How bad it was', 500)),
    harmFrequency: optionalWords(500, mappingMessages.tooLong('How often', 500)),
    harmWhen: optionalWords(500, mappingMessages.tooLong('When', 500)),
  }),
  danger_statement: z.object({
    worriedWho: words(500, mappingMessages.worriedWho, mappingMessages.tooLong('Who is worried', 500)),
    couldHappen: words(2000, mappingMessages.couldHappen, mappingMessages.tooLong('What could happen', 2000)),
    becauseOf: words(2000, mappingMessages.becauseOf, mappingMessages.tooLong('The adult behaviour', 2000)),
    inCircumstances: optionalWords(2000, mappingMessages.tooLong('The circumstances', 2000)),
  }),
  complicating_factor: z.object({
    statement: words(4000, mappingMessages.statement, mappingMessages.tooLong('What was said', 4000)),
  }),
  existing_strength: z.object({
    statement: words(4000, mappingMessages.statement, mappingMessages.tooLong('What was said', 4000)),
  }),
  existing_safety: z.object({
    statement: words(4000, mappingMessages.statement, mappingMessages.tooLong('What was said', 4000)),
  }),
  safety_goal: z.object({
    goalWho: words(500, mappingMessages.goalWho, mappingMessages.tooLong('Who will be doing it', 500)),
    goalWillBeDoing: words(
      2000,
      mappingMessages.goalWillBeDoing,
      mappingMessages.tooLong('What they will be doing', 2000),
    ),
    goalHowWeWillKnow: optionalWords(2000, mappingMessages.tooLong('How everyone will know', 2000)),
  }),
  next_step: z
    .object({
      statement: words(4000, 'Enter what will be done', mappingMessages.tooLong('What will be done', 4000)),
      stepOwnerPersonId: z.uuid().nullable().default(null),
      stepOwnerName: optionalWords(200, mappingMessages.tooLong('The name', 200)),
      stepDueOn: dueDate,
    })
    .refine((step) => step.stepOwnerPersonId !== null || step.stepOwnerName !== null, {
      message: mappingMessages.stepOwner,
      path: ['stepOwnerName'],
    }),
} as const satisfies Record<MappingSection, z.ZodType>;

export const viewOfSchema = z.object(viewOfShape);
export type ViewOf = z.infer<typeof viewOfSchema>;

/** Every field an entry can hold; those a section does not use are null. */
export interface EntryContent {
  section: MappingSection;
  statement: string;
  harmSeverity: string | null;
  harmFrequency: string | null;
  harmWhen: string | null;
  worriedWho: string | null;
  couldHappen: string | null;
  becauseOf: string | null;
  inCircumstances: string | null;
  goalWho: string | null;
  goalWillBeDoing: string | null;
  goalHowWeWillKnow: string | null;
  stepOwnerPersonId: string | null;
  stepOwnerName: string | null;
  stepDueOn: string | null;
  viewOfKind: ViewKind;
  viewOfPersonId: string | null;
  viewOfName: string;
}

const emptyParts = {
  statement: '',
  harmSeverity: null,
  harmFrequency: null,
  harmWhen: null,
  worriedWho: null,
  couldHappen: null,
  becauseOf: null,
  inCircumstances: null,
  goalWho: null,
  goalWillBeDoing: null,
  goalHowWeWillKnow: null,
  stepOwnerPersonId: null,
  stepOwnerName: null,
  stepDueOn: null,
};

const sentence = (text: string) => text.trim().replace(/[.!?\s]+$/, '');
/** Words that start a sentence but not a clause: lowered when a part follows "that" or "because". Names keep their capital. */
const SENTENCE_OPENERS =
  /^(?:The|A|An|He|She|They|It|There|His|Her|Their|Its|When|If|Because|At|In|On|During|After|Before|While|Whenever|Some|This|That|These|Those|Someone|Nobody|Everyone|Will|Be|Late|Early|Every|Most|Any|Usually|Often|Sometimes|Weekends|Evenings|Nights|Mornings)\b/;
const lowerFirst = (text: string) => (SENTENCE_OPENERS.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/** "Sarah and the school are worried that Mia could be hurt, because …, when …." */
export function dangerStatementText(parts: {
  worriedWho: string;
  couldHappen: string;
  becauseOf: string;
  inCircumstances: string | null;
}): string {
  const who = sentence(parts.worriedWho);
  const verb = /\b(?:is|are)$/i.test(who) ? '' : isPlural(who) ? ' are' : ' is';
  const when = parts.inCircumstances ? `, ${lowerFirst(sentence(parts.inCircumstances))}` : '';
  return `${who}${verb} worried that ${lowerFirst(sentence(parts.couldHappen))}, because ${lowerFirst(sentence(parts.becauseOf))}${when}.`;
}

/** "Sarah and Dan", "the school and the health visitor", "we", "both parents" take "are". */
export function isPlural(who: string): boolean {
  return /\band\b|&|,|^(?:we|they|everyone|both|all)\b|\b(?:parents|grandparents|carers|professionals|people|family members)$/i.test(
    who.trim(),
  );
}

/**
 * What people will be doing starts with a verb, so after "will" its capital goes ("Keep the
 * rota going" → "keep the rota going"); "I" and initials like "GP" keep theirs.
 */
const lowerVerb = (text: string) =>
  /^(?:I\b|[A-Z]{2,})/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);

/** "Sarah and Dan will make sure …. Everyone will know because …." */
export function safetyGoalText(parts: {
  goalWho: string;
  goalWillBeDoing: string;
  goalHowWeWillKnow: string | null;
}): string {
  const doing = lowerVerb(sentence(parts.goalWillBeDoing).replace(/^will\s+/i, ''));
  const known = parts.goalHowWeWillKnow
    ? ` Everyone will know because ${lowerFirst(sentence(parts.goalHowWeWillKnow))}.`
    : '';
  return `${sentence(parts.goalWho)} will ${doing}.${known}`;
}

export type EntryValidation =
  { valid: true; content: EntryContent } | { valid: false; issues: { field: string; message: string }[] };

/**
 * Checks an entry for its section (the same rules for the form and the API) and returns it
 * with its sentence. Fields another section uses are cleared, so an entry moved between
 * sections holds only what its new section asks for.
 */
export function validateEntry(section: unknown, input: Record<string, unknown>): EntryValidation {
  const parsedSection = z.enum(mappingSections).safeParse(section);
  if (!parsedSection.success) return { valid: false, issues: [{ field: 'section', message: mappingMessages.section }] };
  const parts = entryPartsSchemas[parsedSection.data].safeParse(input);
  const viewOf = viewOfSchema.safeParse(input);
  const issues = [...(parts.success ? [] : parts.error.issues), ...(viewOf.success ? [] : viewOf.error.issues)].map(
    (issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }),
  );
  if (!parts.success || !viewOf.success) return { valid: false, issues };
  const content: EntryContent = { ...emptyParts, ...parts.data, ...viewOf.data, section: parsedSection.data };
  if (parsedSection.data === 'danger_statement') {
    content.statement = dangerStatementText({
      worriedWho: content.worriedWho!,
      couldHappen: content.couldHappen!,
      becauseOf: content.becauseOf!,
      inCircumstances: content.inCircumstances,
    });
  }
  if (parsedSection.data === 'safety_goal') {
    content.statement = safetyGoalText({
      goalWho: content.goalWho!,
      goalWillBeDoing: content.goalWillBeDoing!,
      goalHowWeWillKnow: content.goalHowWeWillKnow,
    });
  }
  return { valid: true, content };
}

/** The fields a form for this section shows, beyond whose view it is. */
export const sectionFields: Record<MappingSection, readonly (keyof EntryContent)[]> = {
  past_harm: ['statement', 'harmSeverity', 'harmFrequency', 'harmWhen'],
  danger_statement: ['worriedWho', 'couldHappen', 'becauseOf', 'inCircumstances'],
  complicating_factor: ['statement'],
  existing_strength: ['statement'],
  existing_safety: ['statement'],
  safety_goal: ['goalWho', 'goalWillBeDoing', 'goalHowWeWillKnow'],
  next_step: ['statement', 'stepOwnerName', 'stepDueOn'],
};

export interface MappingEntryForBalance {
  section: MappingSection;
  statement: string;
  viewOfKind: ViewKind;
}

/**
 * A mapping's balance: worries with no strengths (or the other way round), and whether the
 * child's own view is there (an entry in the child's words, or the child's own score).
 */
export function mappingBalance(
  entries: readonly MappingEntryForBalance[],
  childScoreCount: number,
  childName?: string,
): Balance {
  const inSections = (sections: readonly MappingSection[]) =>
    entries.filter((entry) => sections.includes(entry.section)).map((entry) => entry.statement);
  const childsView = [
    ...entries.filter((entry) => entry.viewOfKind === 'child').map((entry) => entry.statement),
    ...Array.from({ length: childScoreCount }, () => 'scored'),
  ];
  const balance = checkBalance(
    { strengths: inSections(workingWellSections), worries: inSections(worrySections), childsView },
    childName,
  );
  if (entries.length === 0 && childScoreCount === 0) return { ...balance, notes: [] };
  if (balance.worries > 0 && inSections(needsToHappenSections).length === 0) {
    balance.notes.push('No safety goals or next steps yet: what needs to happen?');
  }
  return balance;
}

export interface ComparableEntry {
  section: MappingSection;
  statement: string;
}

export interface SectionComparison {
  section: MappingSection;
  name: string;
  earlier: string[];
  later: string[];
  /** Said in the later mapping and not in the earlier one. */
  newlySaid: string[];
  /** Said in the earlier mapping and not in the later one. */
  noLongerSaid: string[];
}

const normalised = (statement: string) => statement.trim().toLowerCase().replace(/\s+/g, ' ');

/** Two mappings side by side, section by section, with what is new and what is no longer said. */
export function compareMappings(
  earlier: readonly ComparableEntry[],
  later: readonly ComparableEntry[],
): SectionComparison[] {
  return mappingSections.map((section) => {
    const before = earlier.filter((entry) => entry.section === section).map((entry) => entry.statement);
    const after = later.filter((entry) => entry.section === section).map((entry) => entry.statement);
    const beforeSet = new Set(before.map(normalised));
    const afterSet = new Set(after.map(normalised));
    return {
      section,
      name: sectionNames[section],
      earlier: before,
      later: after,
      newlySaid: after.filter((statement) => !beforeSet.has(normalised(statement))),
      noLongerSaid: before.filter((statement) => !afterSet.has(normalised(statement))),
    };
  });
}

const today = () => new Date().toISOString().slice(0, 10);

const pastDate = (missing: string, notReal: string, future: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(isRealDate, notReal)
    .refine((value) => !isRealDate(value) || value <= today(), future);

/** A scaling judgement: who gave it, the score from 0 to 10, and why, in their words. */
export const scoreSchema = z.object({
  scorerKind: z.enum(viewKinds, { error: mappingMessages.scorerKind }),
  scorerPersonId: z.uuid().nullable().default(null),
  scorerName: words(200, mappingMessages.scorerName, mappingMessages.tooLong('The name', 200)),
  score: z.coerce
    .number({ error: mappingMessages.score })
    .int(mappingMessages.score)
    .min(0, mappingMessages.score)
    .max(10, mappingMessages.score),
  reason: words(4000, mappingMessages.reason, mappingMessages.tooLong('The reason', 4000)),
  scoredOn: pastDate(mappingMessages.scoredOn, mappingMessages.scoredOnReal, mappingMessages.scoredOnFuture),
});
export type ScoreInput = z.infer<typeof scoreSchema>;

/** Starting a mapping: its name, the day it was held, who took part, and which children it is about. */
export const newMappingSchema = z.object({
  title: words(200, mappingMessages.title, mappingMessages.tooLong('The name', 200)),
  heldOn: pastDate(mappingMessages.heldOn, mappingMessages.heldOnReal, mappingMessages.heldOnFuture),
  whoTookPart: optionalWords(2000, mappingMessages.tooLong('Who took part', 2000)),
  childIds: z.array(z.uuid(), { error: mappingMessages.children }).min(1, mappingMessages.children),
  scalingQuestion: words(500, 'Enter the scaling question', mappingMessages.tooLong('The scaling question', 500)),
  scaleZeroMeans: words(500, 'Enter what 0 means', mappingMessages.tooLong('What 0 means', 500)),
  scaleTenMeans: words(500, 'Enter what 10 means', mappingMessages.tooLong('What 10 means', 500)),
});
export type NewMappingInput = z.infer<typeof newMappingSchema>;
