/**
 * Plain English for family- and child-facing writing. The reading age is Flesch-Kincaid
 * grade + 5 (a UK reading age is about the US grade plus five): it is the most widely used
 * formula, works on short texts better than SMOG, and its two parts (sentence length, word
 * length in syllables) are the two things a writer can act on. Targets follow GOV.UK: about
 * reading age 9 for children and 11 for adults.
 */
import type { Audience } from './glossary.js';
import type { Token } from './matcher.js';

export const READABILITY_FORMULA = 'Flesch-Kincaid grade level + 5 (UK reading age)';
export const readingAgeTargets: Record<Audience, number | null> = { professional: null, family: 11, child: 9 };
export const longSentenceWords: Record<Audience, number> = { professional: 35, family: 25, child: 15 };

/** Words whose syllables the rules miscount, common in social care writing. */
const syllableOverrides: Record<string, number> = {
  behaviour: 3,
  behaviours: 3,
  people: 2,
  every: 2,
  family: 3,
  families: 3,
  different: 3,
  area: 3,
  idea: 3,
  create: 2,
  being: 2,
  business: 2,
  naive: 2,
  police: 2,
  school: 1,
  wednesday: 2,
  young: 1,
};

export function syllables(word: string): number {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  if (lower.length === 0) return 0;
  const known = syllableOverrides[lower];
  if (known !== undefined) return known;
  if (lower.length <= 3) return 1;
  const trimmed = lower.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (ending) => ending[0]!).replace(/^y/, '');
  // Each group of vowels is a syllable; a silent final e was trimmed above, and "-ement"
  // (placement, engagement) keeps its e silent too.
  const groups = trimmed.match(/[aeiouy]+/g)?.length ?? 1;
  const silentInner = (trimmed.match(/[^aeiouy]ement/g) ?? []).length;
  return Math.max(1, groups - silentInner);
}

export interface Sentence {
  start: number;
  end: number;
  words: number;
}

const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|St|No|e\.g|i\.e|etc|approx))\.$/i;

/** Sentences, split at . ! ? followed by a space and a capital, at line breaks and at bullets. */
export function sentences(text: string, tokens: readonly Token[]): Sentence[] {
  const bounds: [number, number][] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    const atLineBreak = character === '\n';
    const atStop =
      /[.!?]/.test(character) &&
      /\s/.test(text[index + 1] ?? ' ') &&
      !ABBREVIATIONS.test(text.slice(Math.max(0, index - 6), index + 1));
    if (atLineBreak || atStop || index === text.length - 1) {
      const end = index + 1;
      if (text.slice(start, end).trim()) bounds.push([start, end]);
      start = end;
    }
  }
  let cursor = 0;
  return bounds
    .map(([from, to]) => {
      let words = 0;
      while (cursor < tokens.length && tokens[cursor]!.start < to) {
        if (tokens[cursor]!.start >= from && /\p{L}/u.test(tokens[cursor]!.text)) words += 1;
        cursor += 1;
      }
      return { start: from + (text.slice(from, to).length - text.slice(from, to).trimStart().length), end: to, words };
    })
    .filter((sentence) => sentence.words > 0);
}

export interface Readability {
  formula: string;
  readingAge: number | null;
  target: number | null;
  withinTarget: boolean | null;
  sentences: number;
  words: number;
  averageSentenceWords: number;
  fleschReadingEase: number | null;
}

export function readabilityOf(
  tokens: readonly Token[],
  sentenceList: readonly Sentence[],
  audience: Audience,
): Readability {
  const words = tokens.filter((token) => /\p{L}/u.test(token.text));
  const sentenceCount = Math.max(1, sentenceList.length);
  const syllableCount = words.reduce((sum, token) => sum + syllables(token.text), 0);
  const target = readingAgeTargets[audience];
  if (words.length === 0) {
    return {
      formula: READABILITY_FORMULA,
      readingAge: null,
      target,
      withinTarget: null,
      sentences: 0,
      words: 0,
      averageSentenceWords: 0,
      fleschReadingEase: null,
    };
  }
  const wordsPerSentence = words.length / sentenceCount;
  const syllablesPerWord = syllableCount / words.length;
  const grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
  const readingAge = Math.round(Math.max(5, grade + 5) * 10) / 10;
  return {
    formula: READABILITY_FORMULA,
    readingAge,
    target,
    withinTarget: target === null ? null : readingAge <= target,
    sentences: sentenceList.length,
    words: words.length,
    averageSentenceWords: Math.round(wordsPerSentence * 10) / 10,
    fleschReadingEase: Math.round((206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord) * 10) / 10,
  };
}

const PASSIVE =
  /\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:\w+ed|known|seen|given|taken|told|made|done|found|brought|shown|written|kept|left|held|sent|heard|met|paid|said|thought|understood|taught|put|set)\b/gi;

/** Passive constructions ("was told", "were given"), as spans. */
export function passiveSpans(text: string): [number, number][] {
  return [...text.matchAll(PASSIVE)].map((match) => [match.index, match.index + match[0].length]);
}

const FAMILIAR_INITIALS = new Set([
  'UK',
  'OK',
  'TV',
  'GP',
  'NHS',
  'BBC',
  'ID',
  'PE',
  'DJ',
  'PC',
  'AM',
  'PM',
  'A&E',
  'MP',
  'USA',
  'EU',
  'IT',
  'SATs',
]);

/** All-capital words of 2 to 6 letters not written out in brackets before they are used. */
export function unexplainedAcronyms(text: string, tokens: readonly Token[]): Token[] {
  const explained = new Set([...text.matchAll(/\(([A-Z][A-Z0-9]{1,5})\)/g)].map((match) => match[1]!));
  const firstExplainedAt = new Map<string, number>();
  for (const match of text.matchAll(/\(([A-Z][A-Z0-9]{1,5})\)/g))
    if (!firstExplainedAt.has(match[1]!)) firstExplainedAt.set(match[1]!, match.index);
  return tokens.filter((token) => {
    if (!/^[A-Z][A-Z0-9]{1,5}$/.test(token.text) || !/[A-Z].*[A-Z]/.test(token.text)) return false;
    if (FAMILIAR_INITIALS.has(token.text)) return false;
    const explainedAt = firstExplainedAt.get(token.text);
    return !(explained.has(token.text) && explainedAt !== undefined && explainedAt <= token.start);
  });
}
