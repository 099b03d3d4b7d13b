/**
 * The language companion: strengths-based, plain-English recording as people write. It takes
 * a text and who will read it, and returns suggestions with character offsets, a reading age
 * and, when sections are given, a balance check. Pure and synchronous, so the same code can
 * run as someone pauses in typing and on the server when a document is shared. It suggests;
 * it never rewrites a word and never blocks a save.
 */
import { checkBalance, type Balance, type BalanceSections } from './balance.js';
import { builtInGlossary, findingKindOf, type Audience, type GlossaryEntry } from './glossary.js';
import { findGlossaryMatches, quotedSpans, tokenise, type Token } from './matcher.js';
import {
  isLongWord,
  longSentenceWords,
  passiveVerbs,
  readabilityOf,
  sentences,
  unexplainedInitials,
  type Readability,
  type Sentence,
} from './readability.js';

export type FindingKind = 'label-or-blame' | 'plain-english';
export type Severity = GlossaryEntry['severity'];

/** The plain-English checks, named like glossary entries so a page can treat them alike. */
export const plainEnglishChecks = ['long-sentence', 'passive-voice', 'long-word', 'initials'] as const;

export interface Finding {
  /** A glossary entry (G01 to G80, or a council's own), or a plain-English check. */
  entryId: string;
  kind: FindingKind;
  severity: Severity;
  /** UTF-16 offsets into the text as given: text.slice(start, end) is `matched`. */
  start: number;
  end: number;
  matched: string;
  why: string;
  alternatives: string[];
}

export interface LanguageCheck {
  audience: Audience;
  findings: Finding[];
  readability: Readability;
  balance?: Balance;
}

export interface CheckOptions {
  audience: Audience;
  /** A council's glossary; the built-in one when left out. Compiled once per array. */
  glossary?: readonly GlossaryEntry[];
  /** Only this kind of suggestion (both when left out): a page may show labels and plain English apart. */
  kind?: FindingKind;
  /** Sections of an assessment or plan, to check strengths, worries and the child's view are all there. */
  balance?: BalanceSections;
  childName?: string;
}

export function checkLanguage(text: string, options: CheckOptions): LanguageCheck {
  const { audience } = options;
  const tokens = tokenise(text);
  const sentenceList = sentences(text, tokens);
  const findings: Finding[] = findGlossaryMatches(text, options.glossary ?? builtInGlossary(), audience, tokens).map(
    ({ entry, start, end }) => ({
      entryId: entry.id,
      kind: findingKindOf(entry),
      severity: entry.severity,
      start,
      end,
      matched: text.slice(start, end),
      why: entry.why,
      alternatives: alternativesFor(entry.alternatives, text.slice(start, end)),
    }),
  );
  const plain = plainEnglish(text, tokens, sentenceList, audience, findings);
  if (audience !== 'professional') findings.push(...plain.findings);
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    audience,
    findings: options.kind ? findings.filter((finding) => finding.kind === options.kind) : findings,
    readability: readabilityOf(tokens, sentenceList, audience, plain.counts),
    ...(options.balance ? { balance: checkBalance(options.balance, options.childName) } : {}),
  };
}

/**
 * Long sentences, passive verbs, unexplained initials and (for children) long words. Counted
 * for every audience so a page can show them; suggested only in writing families and
 * children read. Nothing inside the child's quoted words, and nothing already suggested by
 * the glossary (one suggestion per word is enough).
 */
function plainEnglish(
  text: string,
  tokens: readonly Token[],
  sentenceList: readonly Sentence[],
  audience: Audience,
  glossaryFindings: readonly Finding[],
) {
  const quotes = /["“‘']/.test(text) ? quotedSpans(text) : [];
  const quoted = (offset: number) => quotes.some(([from, to]) => offset >= from && offset < to);
  const suggested = (token: Token) =>
    glossaryFindings.some((finding) => token.start < finding.end && token.end > finding.start);
  const findings: Finding[] = [];
  const suggest = (
    entryId: (typeof plainEnglishChecks)[number],
    start: number,
    end: number,
    why: string,
    alternatives: string[],
  ) =>
    findings.push({
      entryId,
      kind: 'plain-english',
      severity: 'suggest',
      start,
      end,
      matched: text.slice(start, end),
      why,
      alternatives,
    });

  const limit = longSentenceWords[audience];
  // The child's quoted words are not the writer's to shorten, so they do not count towards the length.
  const writersWords = (sentence: Sentence) => {
    if (quotes.length === 0) return sentence.words;
    let words = 0;
    for (let index = sentence.firstToken; index < sentence.endToken; index += 1) {
      const token = tokens[index]!;
      if (!token.joined && /\p{L}/u.test(token.text) && !quoted(token.start)) words += 1;
    }
    return words;
  };
  let longSentences = 0;
  for (const sentence of sentenceList) {
    if (sentence.words <= limit) continue;
    const words = writersWords(sentence);
    if (words <= limit) continue;
    longSentences += 1;
    suggest(
      'long-sentence',
      sentence.start,
      sentence.end,
      `This sentence has ${words} words. Sentences of ${limit} words or fewer are easier to follow.`,
      ['split it into two sentences', 'say one thing in each sentence'],
    );
  }
  for (const [first, last] of passiveVerbs(tokens)) {
    const start = tokens[first]!.start;
    if (quoted(start)) continue;
    suggest(
      'passive-voice',
      start,
      tokens[last]!.end,
      'Say who did it: "we told Mum" is clearer than "Mum was told".',
      ['name who did it'],
    );
  }
  for (const token of unexplainedInitials(text, tokens)) {
    if (quoted(token.start) || suggested(token)) continue;
    suggest(
      'initials',
      token.start,
      token.end,
      'Initials can sound like a code. Write the words out the first time, with the initials in brackets after them.',
      ['write it in full the first time'],
    );
  }
  let longWords = 0;
  const seen = new Set<string>();
  for (const token of tokens) {
    if (!isLongWord(token)) continue;
    longWords += 1;
    if (audience !== 'child' || seen.has(token.lower) || quoted(token.start) || suggested(token)) continue;
    seen.add(token.lower);
    suggest('long-word', token.start, token.end, 'A long word: is there a shorter one a child would use?', [
      'a shorter, everyday word',
    ]);
  }
  return {
    findings,
    counts: {
      longSentences,
      passiveVerbs: findings.filter((finding) => finding.entryId === 'passive-voice').length,
      longWords,
      unexplainedInitials: findings.filter((finding) => finding.entryId === 'initials').length,
    },
  };
}

/**
 * An alternative written "start (instead of commence)" belongs to particular words: it is
 * offered when those words were written, so "prior to" is answered with "before" rather than
 * with every plain word in the entry. Alternatives without "instead of" are always offered.
 */
export function alternativesFor(alternatives: readonly string[], matched: string): string[] {
  const words = matched.toLowerCase().replace(/\s+/g, ' ');
  const general: string[] = [];
  const targeted: string[] = [];
  for (const alternative of alternatives) {
    const instead = /\(instead of ([^)]+)\)$/.exec(alternative);
    if (!instead) general.push(alternative);
    else if (
      instead[1]!
        .split(/,| or /)
        .map((listed) => listed.trim().toLowerCase())
        // "facilitate" also answers "facilitated" and "facilitating".
        .some((listed) => listed !== '' && words.startsWith(listed.replace(/e$/, '')))
    )
      targeted.push(alternative);
  }
  if (targeted.length > 0) return [...targeted, ...general];
  return general.length > 0 ? general : [...alternatives];
}
