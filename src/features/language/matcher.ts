/**
 * Finds glossary words in a text, respecting context: the sense guards each entry carries,
 * negations, and quoted speech (the child's own words stay exactly as they said them). Pure;
 * patterns are compiled once per glossary and matching is a single pass over the words.
 */
import type { Audience, GlossaryEntry } from './glossary.js';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** Words with their offsets (UTF-16, like String.prototype.slice), curly apostrophes made straight. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const word = match[0].replaceAll('’', "'");
    tokens.push({ text: word, lower: word.toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** A word written with a capital letter anywhere (LAC, DNA'd, CiC) must match exactly. */
const isExact = (alternative: string) => /\p{Lu}/u.test(alternative);

type WordTest = (token: Token) => boolean;

function compileWord(word: string): { test: WordTest; keys: string[] } {
  const alternatives = word.replaceAll('’', "'").split('|');
  const exact = new Set(alternatives.filter(isExact));
  const folded = new Set(
    alternatives.filter((alternative) => !isExact(alternative)).map((alternative) => alternative.toLowerCase()),
  );
  return {
    test: (token) => exact.has(token.text) || folded.has(token.lower),
    keys: [...[...exact].map((value) => `=${value}`), ...[...folded].map((value) => `~${value}`)],
  };
}

function compilePhrase(phrase: string): WordTest[] {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => compileWord(word).test);
}

const matchesAt = (words: readonly WordTest[], tokens: readonly Token[], at: number) =>
  at >= 0 && at + words.length <= tokens.length && words.every((test, index) => test(tokens[at + index]!));

interface CompiledPattern {
  entry: GlossaryEntry;
  words: WordTest[];
  notPrecededBy: WordTest[][];
  notFollowedBy: WordTest[][];
}

export interface CompiledGlossary {
  /** Patterns by the keys of their first word (=exact or ~lower case). */
  byFirstWord: Map<string, CompiledPattern[]>;
}

const compiled = new WeakMap<readonly GlossaryEntry[], CompiledGlossary>();

export function compileGlossary(glossary: readonly GlossaryEntry[]): CompiledGlossary {
  const known = compiled.get(glossary);
  if (known) return known;
  const byFirstWord = new Map<string, CompiledPattern[]>();
  for (const entry of glossary) {
    if (entry.enabled === false) continue;
    const notPrecededBy = (entry.notPrecededBy ?? []).map(compilePhrase);
    const notFollowedBy = (entry.notFollowedBy ?? []).map(compilePhrase);
    for (const phrase of entry.patterns) {
      const [first = '', ...rest] = phrase.trim().split(/\s+/);
      const head = compileWord(first);
      const words = [head.test, ...rest.map((word) => compileWord(word).test)];
      const pattern = { entry, words, notPrecededBy, notFollowedBy };
      for (const key of head.keys) byFirstWord.set(key, [...(byFirstWord.get(key) ?? []), pattern]);
    }
  }
  const result = { byFirstWord };
  compiled.set(glossary, result);
  return result;
}

/** Spans of quoted speech: "…", “…”, ‘…’ and '…' used as quotation marks (not apostrophes). */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const pairs: Record<string, string> = { '"': '"', '“': '”', '‘': '’', "'": "'" };
  let index = 0;
  while (index < text.length) {
    const open = text[index]!;
    const close = pairs[open];
    const before = index === 0 ? ' ' : text[index - 1]!;
    // An opening mark starts a word after a space or bracket; an apostrophe inside a word does not.
    if (close && !/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(text[index + 1] ?? '')) {
      let end = index + 1;
      while (end < text.length) {
        const character = text[end]!;
        const after = text[end + 1] ?? ' ';
        if ((character === close || (close === "'" && character === '’')) && !/[\p{L}\p{N}]/u.test(after)) break;
        if (close === '”' && character === '"') break;
        end += 1;
      }
      if (end < text.length) {
        spans.push([index, end + 1]);
        index = end + 1;
        continue;
      }
    }
    index += 1;
  }
  return spans;
}

const NEGATIONS = new Set(['not', 'never', 'no', "isn't", "wasn't", "aren't", "weren't", 'hardly', 'nor', 'without']);

export interface GlossaryMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
}

export function findGlossaryMatches(
  text: string,
  glossary: readonly GlossaryEntry[],
  audience: Audience,
  tokens: readonly Token[] = tokenise(text),
): GlossaryMatch[] {
  const { byFirstWord } = compileGlossary(glossary);
  const quotes = quotedSpans(text);
  const inQuote = (start: number) => quotes.some(([from, to]) => start >= from && start < to);
  const found: GlossaryMatch[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const candidates = [...(byFirstWord.get(`=${token.text}`) ?? []), ...(byFirstWord.get(`~${token.lower}`) ?? [])];
    for (const pattern of candidates) {
      const { entry } = pattern;
      if (entry.audiences && !entry.audiences.includes(audience)) continue;
      if (!matchesAt(pattern.words, tokens, index)) continue;
      const after = index + pattern.words.length;
      if (pattern.notFollowedBy.some((words) => matchesAt(words, tokens, after))) continue;
      if (pattern.notPrecededBy.some((words) => matchesAt(words, tokens, index - words.length))) continue;
      if (entry.negatable && [1, 2].some((back) => NEGATIONS.has(tokens[index - back]?.lower ?? ''))) continue;
      if (inQuote(token.start)) continue;
      found.push({ entry, start: token.start, end: tokens[after - 1]!.end });
    }
  }
  // Where matches overlap, the longer one says more ("LAC review" rather than "LAC").
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: GlossaryMatch[] = [];
  for (const match of found) {
    const last = kept.at(-1);
    if (last && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}
