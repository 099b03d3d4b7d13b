/**
 * The language companion: strengths-based, plain-English recording as you write. It takes a
 * text and who will read it, and returns findings with character offsets, a reading age and,
 * when given sections, a balance check. Pure and synchronous, so the same code runs on every
 * keystroke pause in the browser and on the server when a document is shared. It suggests;
 * it never rewrites and never blocks a save.
 */
import { checkBalance, type Balance, type BalanceInput } from './balance.js';
import { builtInGlossary, type Audience, type GlossaryEntry } from './glossary.js';
import { findGlossaryMatches, tokenise } from './matcher.js';
import {
  longSentenceWords,
  passiveSpans,
  readabilityOf,
  sentences,
  syllables,
  unexplainedAcronyms,
  type Readability,
} from './readability.js';

export interface Finding {
  /** The glossary entry (G01…), or the plain-English check (long-sentence, passive, ...). */
  entryId: string;
  kind: 'label-or-blame' | 'plain-english';
  severity: 'flag' | 'suggest' | 'describe';
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
  balance: Balance | null;
}

export interface CheckOptions {
  audience: Audience;
  glossary?: readonly GlossaryEntry[];
  balance?: BalanceInput;
  childName?: string;
}

export function checkLanguage(text: string, options: CheckOptions): LanguageCheck {
  const { audience } = options;
  const glossary = options.glossary ?? builtInGlossary();
  const tokens = tokenise(text);
  const findings: Finding[] = findGlossaryMatches(text, glossary, audience, tokens).map(({ entry, start, end }) => ({
    entryId: entry.id,
    kind: 'label-or-blame',
    severity: entry.severity,
    start,
    end,
    matched: text.slice(start, end),
    why: entry.why,
    alternatives: entry.alternatives,
  }));
  const sentenceList = sentences(text, tokens);
  if (audience !== 'professional') {
    const covered = (start: number) => findings.some((finding) => start >= finding.start && start < finding.end);
    const limit = longSentenceWords[audience];
    for (const sentence of sentenceList.filter((candidate) => candidate.words > limit)) {
      findings.push(
        plain(
          'long-sentence',
          sentence.start,
          sentence.end,
          text,
          `This sentence has ${sentence.words} words. Sentences of ${limit} words or fewer are easier to read.`,
          ['split it into two sentences'],
        ),
      );
    }
    for (const [start, end] of passiveSpans(text)) {
      findings.push(
        plain('passive', start, end, text, 'Say who did it: "We told Mum" is clearer than "Mum was told".', [
          'name who did it',
        ]),
      );
    }
    for (const token of unexplainedAcronyms(text, tokens)) {
      if (covered(token.start)) continue;
      findings.push(
        plain(
          'acronym',
          token.start,
          token.end,
          text,
          'Initials can sound like a code. Write it in full the first time, with the initials in brackets.',
          ['write it in full'],
        ),
      );
    }
    if (audience === 'child') {
      for (const token of tokens) {
        if (/^\p{Lu}/u.test(token.text) || token.text.length < 9 || syllables(token.text) < 4 || covered(token.start))
          continue;
        findings.push(
          plain('long-word', token.start, token.end, text, 'A long word: is there a shorter one a child would use?', [
            'a shorter word',
          ]),
        );
      }
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    audience,
    findings,
    readability: readabilityOf(tokens, sentenceList, audience),
    balance: options.balance ? checkBalance(options.balance, options.childName) : null,
  };
}

function plain(
  entryId: string,
  start: number,
  end: number,
  text: string,
  why: string,
  alternatives: string[],
): Finding {
  return {
    entryId,
    kind: 'plain-english',
    severity: 'suggest',
    start,
    end,
    matched: text.slice(start, end),
    why,
    alternatives,
  };
}
