/**
 * Finds glossary words in a text, respecting context: each entry's guards (near misses such
 * as "eye contact"), negations that reverse a judgement, and quoted speech (the child's own
 * words stay exactly as they said them). Pure. A glossary is compiled once and remembered
 * by the identity of its array; the text is split into words once and every pattern is looked
 * up by its first word, so a 2,000-word note takes a millisecond or two.
 */
import type { Audience, GlossaryEntry } from './glossary.js';
import { parsePattern, type PatternSlot } from './pattern-language.js';

export interface Token {
  /** The word as written, with curly apostrophes made straight (the same length, so offsets hold). */
  text: string;
  lower: string;
  /** UTF-16 offsets, as String.prototype.slice counts. */
  start: number;
  end: number;
  /** A full stop, colon, bracket, quotation mark or line break comes before it: phrases do not run across. */
  breakBefore: boolean;
  /** Joined to the word before by a hyphen ("well-being"): one word when counting words. */
  joined: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** Characters that end a phrase: . ! ? ; : brackets, double quotes, line breaks, dashes and ellipses. */
const PHRASE_BREAKS = new Set([
  '.',
  '!',
  '?',
  ';',
  ':',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  '“',
  '”',
  '\n',
  '\r',
  '–',
  '—',
  '…',
]);

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    let breakBefore = tokens.length === 0;
    for (let index = previousEnd; index < start && !breakBefore; index += 1) {
      if (PHRASE_BREAKS.has(text[index]!)) breakBefore = true;
    }
    const word = match[0].includes('’') ? match[0].replaceAll('’', "'") : match[0];
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      breakBefore,
      joined: tokens.length > 0 && start - previousEnd === 1 && text[start - 1] === '-',
    });
    previousEnd = start + word.length;
  }
  return tokens;
}

/** Does one word of a pattern match one word of the text? */
function slotMatches(slot: PatternSlot, token: Token): boolean {
  if (slot.anyWord) return true;
  if (slot.anyPossessive && token.lower.endsWith("'s")) return true;
  return slot.exact.has(token.text) || slot.folded.has(token.lower);
}

/**
 * Matches slots from `slotIndex` at `tokenIndex`, trying an optional word first and then
 * without it. Fills `placed` with the token each slot took (-1 when skipped) and returns the
 * index after the last token, or -1. A phrase never runs across a break.
 */
function matchFrom(
  slots: readonly PatternSlot[],
  slotIndex: number,
  tokens: readonly Token[],
  tokenIndex: number,
  first: boolean,
  placed: number[],
): number {
  if (slotIndex === slots.length) return tokenIndex;
  const slot = slots[slotIndex]!;
  const token = tokens[tokenIndex];
  if (token && (first || !token.breakBefore) && slotMatches(slot, token)) {
    placed[slotIndex] = tokenIndex;
    const end = matchFrom(slots, slotIndex + 1, tokens, tokenIndex + 1, false, placed);
    if (end !== -1) return end;
  }
  if (slot.optional) {
    placed[slotIndex] = -1;
    return matchFrom(slots, slotIndex + 1, tokens, tokenIndex, first, placed);
  }
  return -1;
}

interface CompiledPattern {
  slots: PatternSlot[];
  entryIndex: number;
}

interface CompiledEntry {
  entry: GlossaryEntry;
  guards: PatternSlot[][];
  /** The most words a guard can cover, to know how far back to look for one. */
  longestGuard: number;
}

export interface CompiledGlossary {
  entries: CompiledEntry[];
  /** Patterns by their first word: exactly as written (initials), and in lower case. */
  byExactWord: Map<string, CompiledPattern[]>;
  byFoldedWord: Map<string, CompiledPattern[]>;
  /** Patterns that can start with any possessive word (*'s: "Mia's contact"). */
  afterPossessive: CompiledPattern[];
}

const slotsOf = (pattern: string): PatternSlot[] => {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) throw new Error(`Glossary pattern “${pattern}”: ${parsed.problem}`);
  return parsed.slots;
};

/** "his|her? contact" is looked up both as "his|her contact" and as "contact". */
function withoutLeadingOptionalWords(slots: PatternSlot[]): PatternSlot[][] {
  const [head, ...rest] = slots;
  if (!head || !head.optional) return [slots];
  return [[{ ...head, optional: false }, ...rest], ...withoutLeadingOptionalWords(rest)];
}

const add = (index: Map<string, CompiledPattern[]>, key: string, pattern: CompiledPattern) => {
  const list = index.get(key);
  if (list) list.push(pattern);
  else index.set(key, [pattern]);
};

const compiled = new WeakMap<readonly GlossaryEntry[], CompiledGlossary>();

export function compileGlossary(glossary: readonly GlossaryEntry[]): CompiledGlossary {
  const known = compiled.get(glossary);
  if (known) return known;
  const result: CompiledGlossary = {
    entries: [],
    byExactWord: new Map(),
    byFoldedWord: new Map(),
    afterPossessive: [],
  };
  for (const entry of glossary) {
    if (entry.enabled === false) continue;
    const entryIndex = result.entries.length;
    const guards = (entry.guards ?? []).map(slotsOf);
    result.entries.push({ entry, guards, longestGuard: Math.max(0, ...guards.map((guard) => guard.length)) });
    for (const pattern of entry.patterns) {
      for (const slots of withoutLeadingOptionalWords(slotsOf(pattern))) {
        const compiledPattern = { slots, entryIndex };
        for (const word of slots[0]!.exact) add(result.byExactWord, word, compiledPattern);
        for (const word of slots[0]!.folded) add(result.byFoldedWord, word, compiledPattern);
        if (slots[0]!.anyPossessive) result.afterPossessive.push(compiledPattern);
      }
    }
  }
  compiled.set(glossary, result);
  return result;
}

/**
 * Spans of quoted speech: "…", “…”, ‘…’, and '…' when the marks are used as quotation marks
 * rather than apostrophes (an opening mark comes before a word and after a space or bracket;
 * a closing mark comes after a word and is not followed by a letter, so "don't" and "Mia's"
 * are left as words).
 */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const closing: Record<string, string> = { '"': '"', '“': '”', '‘': '’', "'": "'" };
  const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);
  let index = 0;
  while (index < text.length) {
    const close = closing[text[index]!];
    const opens = close !== undefined && !isWordCharacter(text[index - 1]) && /\S/.test(text[index + 1] ?? '');
    if (opens) {
      let end = index + 1;
      while (end < text.length) {
        const character = text[end]!;
        const matchesClose =
          character === close || (close === "'" && character === '’') || (close === '”' && character === '"');
        if (matchesClose && (close === '"' || close === '”' || !isWordCharacter(text[end + 1]))) break;
        // A single-quoted span does not run past the end of its paragraph.
        if ((close === "'" || close === '’') && character === '\n') break;
        end += 1;
      }
      if (end < text.length && text[end] !== '\n') {
        spans.push([index, end + 1]);
        index = end + 1;
        continue;
      }
    }
    index += 1;
  }
  return spans;
}

const NEGATIONS = new Set(['not', 'never', 'no', 'nor', 'neither', 'hardly', 'without', 'nothing', 'nobody', 'none']);
const isNegation = (token: Token) => NEGATIONS.has(token.lower) || token.lower.endsWith("n't");

/** A negation among the three words before, in the same phrase ("was not at all chaotic"). */
function negatedBefore(tokens: readonly Token[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back -= 1) {
    if (isNegation(tokens[back]!)) return true;
    if (tokens[back]!.breakBefore) return false;
  }
  return false;
}

/** Does any guard, matched anywhere around the words, share a word with them? */
function guarded(compiledEntry: CompiledEntry, tokens: readonly Token[], from: number, to: number): boolean {
  if (compiledEntry.guards.length === 0) return false;
  const placed: number[] = [];
  for (const guard of compiledEntry.guards) {
    for (let start = Math.max(0, from - compiledEntry.longestGuard + 1); start <= to; start += 1) {
      const end = matchFrom(guard, 0, tokens, start, true, placed);
      if (end === -1) continue;
      const covered = placed.slice(0, guard.length).filter((index) => index >= 0);
      if (covered.some((index) => index >= from && index <= to)) return true;
    }
  }
  return false;
}

export interface GlossaryMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
}

interface Candidate extends GlossaryMatch {
  entryIndex: number;
}

export function findGlossaryMatches(
  text: string,
  glossary: readonly GlossaryEntry[],
  audience: Audience,
  tokens: readonly Token[] = tokenise(text),
): GlossaryMatch[] {
  const { entries, byExactWord, byFoldedWord, afterPossessive } = compileGlossary(glossary);
  const quotes = /["“‘']/.test(text) ? quotedSpans(text) : [];
  const inQuote = (offset: number) => quotes.some(([from, to]) => offset >= from && offset < to);
  const found: Candidate[] = [];
  const placed: number[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const exact = byExactWord.get(token.text);
    const folded = byFoldedWord.get(token.lower);
    const possessive = afterPossessive.length > 0 && token.lower.endsWith("'s") ? afterPossessive : undefined;
    if (!exact && !folded && !possessive) continue;
    const candidates = [exact, folded, possessive].filter((list) => list !== undefined);
    for (const pattern of candidates.length === 1 ? candidates[0]! : candidates.flat()) {
      const compiledEntry = entries[pattern.entryIndex]!;
      const { entry } = compiledEntry;
      if (entry.audiences && !entry.audiences.includes(audience)) continue;
      const after = matchFrom(pattern.slots, 0, tokens, index, true, placed);
      if (after === -1) continue;
      // The words pointed out: from the first to the last word that is not context.
      let first = -1;
      let last = -1;
      for (let slot = 0; slot < pattern.slots.length; slot += 1) {
        if (pattern.slots[slot]!.context || placed[slot]! < 0) continue;
        if (first === -1) first = placed[slot]!;
        last = placed[slot]!;
      }
      if (first === -1) continue;
      if (entry.negatable && negatedBefore(tokens, index)) continue;
      if (guarded(compiledEntry, tokens, index, after - 1)) continue;
      const start = tokens[first]!.start;
      if (inQuote(start)) continue;
      found.push({ entry, entryIndex: pattern.entryIndex, start, end: tokens[last]!.end });
    }
  }
  // Where matches overlap, the longer one says more ("LAC review" rather than "LAC"); on a tie, the earlier entry.
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.entryIndex - b.entryIndex);
  const kept: GlossaryMatch[] = [];
  let reachedEnd = -1;
  for (const { entry, start, end } of found) {
    if (start < reachedEnd) continue;
    kept.push({ entry, start, end });
    reachedEnd = end;
  }
  return kept;
}
