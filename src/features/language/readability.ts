/**
 * Plain English for writing families and children read: a reading age, sentence and word
 * counts, and the sentences, passive verbs, long words and unexplained initials worth a
 * second look.
 *
 * Why Flesch-Kincaid grade + 5: a UK reading age is about the US school grade plus five, and
 * GOV.UK's "reading age 9" standard is usually checked this way, so the figure means what
 * councils already expect. It is steadier than SMOG on the short texts people write here
 * (SMOG was designed for 30-sentence samples), it uses no American word list (Dale-Chall
 * does), and its two parts, sentence length and syllables per word, are the two things a
 * writer can change. Targets follow the glossary's research note: reading age 9 for children
 * (about FKGL 4) and 11 for families (about FKGL 6).
 */
import type { Audience } from './glossary.js';
import type { Token } from './matcher.js';

export const READING_AGE_FORMULA = 'Flesch-Kincaid grade level + 5 (UK reading age)';

export const readingAgeTargets: Record<Audience, number | null> = { professional: null, family: 11, child: 9 };

/** A sentence longer than this is worth splitting (the Plain English Campaign's 15 to 20 word average). */
export const longSentenceWords: Record<Audience, number> = { professional: 25, family: 20, child: 15 };

// ---------------------------------------------------------------------------------------
// Syllables: vowel groups, with the common English exceptions. A heuristic, checked in the
// tests against words that matter here; frequent social-care words it gets wrong are listed.
// ---------------------------------------------------------------------------------------

const syllableOverrides: Record<string, number> = {
  area: 3,
  behaviour: 3,
  behaviours: 3,
  behavioural: 4,
  being: 2,
  business: 2,
  create: 2,
  created: 3,
  everyone: 3,
  idea: 3,
  ideas: 3,
  people: 2,
  police: 2,
  safeguard: 2,
  safeguarding: 3,
  someone: 2,
  something: 2,
  sometimes: 2,
  therefore: 2,
  timetable: 3,
  wednesday: 2,
  whenever: 3,
  anyone: 3,
  lifestyle: 2,
  homework: 2,
  housework: 2,
  statement: 2,
  anxiety: 4,
  society: 4,
  quiet: 2,
  science: 2,
  poem: 2,
  every: 2,
  everything: 3,
  everybody: 4,
  evening: 2,
  interesting: 3,
  family: 3,
  families: 3,
};

/** Counted syllables by word: notes repeat their words, so each is worked out once. Kept small. */
const syllableCache = new Map<string, number>();

export function syllables(word: string): number {
  const known = syllableCache.get(word);
  if (known !== undefined) return known;
  const counted = countSyllables(word);
  if (syllableCache.size >= 5000) syllableCache.clear();
  syllableCache.set(word, counted);
  return counted;
}

function countSyllables(word: string): number {
  let letters = word
    .toLowerCase()
    .replace(/'s$/, '')
    .replace(/[^a-z]/g, '');
  if (letters.length === 0) return 0;
  const known = syllableOverrides[letters];
  if (known !== undefined) return known;
  let extra = 0;
  // "-ed" is its own syllable only after t or d (wanted, needed); "-es" after a hissing sound (houses, watches).
  if (/[^td]ed$/.test(letters)) letters = letters.slice(0, -2);
  else if (/es$/.test(letters) && !/(?:[sxz]|ch|sh|ce|ge|se|ze)es$/.test(letters)) letters = letters.slice(0, -2);
  // A silent final e (make, home), but "-le" and "-re" after a consonant are heard (table, centre).
  if (/e$/.test(letters) && !/[^aeiouy](?:le|re)$/.test(letters) && !/ee$/.test(letters))
    letters = letters.slice(0, -1);
  // A silent e before a suffix: placement, lately, careful, homeless.
  letters = letters.replace(/([^aeiouy])e(ments?|ly|ful|fully|ness|less)$/, '$1$2');
  // Vowel pairs heard as two syllables: media, radio, actual, video, medium; and "-ing" after a vowel (going, seeing).
  extra += (letters.match(/[^cstxg]i[ao]|[^qg]ua|eo|iu/g) ?? []).length;
  if (/[aeiouy]ing$/.test(letters)) extra += 1;
  const groups = letters.match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups + extra);
}

// ---------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first and one past the last token in it. */
  firstToken: number;
  endToken: number;
  words: number;
}

/** Titles and short forms whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'eg',
  'ie',
  'etc',
  'approx',
  'prof',
  'rev',
  'vs',
  'e.g',
  'i.e',
]);

/**
 * Sentences end at . ! ? followed by a space (or a closing quote then a space), unless the
 * full stop belongs to a title (Mr., Dr.) or a number (2.30pm has no space). A line break also
 * ends one, so headings and bullet points are scored on their own, as they are read.
 */
export function sentences(text: string, tokens: readonly Token[]): Sentence[] {
  const bounds: [number, number][] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    let ends = character === '\n' || index === text.length - 1;
    if (!ends && (character === '.' || character === '!' || character === '?')) {
      let next = index + 1;
      while (next < text.length && /["'”’)]/.test(text[next]!)) next += 1;
      let following = next;
      while (following < text.length && text[following] === ' ') following += 1;
      // 'He said "Hi!" and left.' is one sentence: the next word starts in lower case.
      const continues = following < text.length && /\p{Ll}/u.test(text[following]!);
      if ((next >= text.length || /\s/.test(text[next]!)) && !continues) {
        const before = /([A-Za-z.]+)\.$/.exec(text.slice(Math.max(0, index - 6), index + 1));
        ends = character !== '.' || !before || !ABBREVIATIONS.has(before[1]!.toLowerCase());
        if (ends) index = next - 1;
      }
    }
    if (ends) {
      bounds.push([start, index + 1]);
      start = index + 1;
    }
  }
  const result: Sentence[] = [];
  let cursor = 0;
  for (const [from, to] of bounds) {
    while (cursor < tokens.length && tokens[cursor]!.start < from) cursor += 1;
    const firstToken = cursor;
    let words = 0;
    while (cursor < tokens.length && tokens[cursor]!.start < to) {
      if (isWord(tokens[cursor]!)) words += 1;
      cursor += 1;
    }
    if (words === 0) continue;
    let end = to;
    while (end > from && /\s/.test(text[end - 1]!)) end -= 1;
    result.push({ start: tokens[firstToken]!.start, end, firstToken, endToken: cursor, words });
  }
  return result;
}

/** A word for counting: has a letter, and is not the second half of a hyphenated word. */
const isWord = (token: Token) => !token.joined && /\p{L}/u.test(token.text);

// ---------------------------------------------------------------------------------------
// Passive voice: a form of "to be" then a past participle ("was told", "were not given").
// ---------------------------------------------------------------------------------------

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "wasn't", "aren't", "weren't"]);
const BETWEEN = new Set([
  'not',
  'never',
  'also',
  'just',
  'then',
  'already',
  'still',
  'often',
  'always',
  'recently',
  'all',
  'both',
]);
const IRREGULAR_PARTICIPLES = new Set(
  (
    'told given taken seen made done found brought shown written kept left held sent heard met paid said thought ' +
    'understood taught put set known hurt hit caught bought built chosen driven eaten forgotten forgiven hidden ' +
    'beaten bitten broken spoken stolen sworn torn thrown drawn sold sought won read cut shut let spent lent meant ' +
    'dealt struck hung stuck withdrawn overheard misunderstood undertaken upheld fed led bred'
  ).split(' '),
);
/** Words ending in -ed that describe a state or feeling rather than something done to someone. */
const NOT_PASSIVE = new Set(
  (
    'tired worried scared frightened excited interested pleased bored married divorced settled engaged involved ' +
    'concerned used supposed allowed called named based located related qualified prepared surprised shocked ' +
    'annoyed confused embarrassed relieved delighted amazed disappointed determined committed dedicated ' +
    'experienced skilled talented advanced detailed limited closed need feed seed speed bleed breed indeed ' +
    'hundred naked wicked sacred shed wed red bed ashamed exhausted stressed overwhelmed isolated attached ' +
    'entitled aged inspired motivated organised organized balanced focused focussed stuck upset'
  ).split(' '),
);

const isParticiple = (token: Token) =>
  !NOT_PASSIVE.has(token.lower) &&
  (IRREGULAR_PARTICIPLES.has(token.lower) || (token.lower.length >= 5 && token.lower.endsWith('ed')));

/** Passive constructions as [first token, last token] index pairs. */
export function passiveVerbs(tokens: readonly Token[]): [number, number][] {
  const found: [number, number][] = [];
  for (let index = 0; index < tokens.length - 1; index += 1) {
    if (!BE.has(tokens[index]!.lower)) continue;
    let next = index + 1;
    while (next < tokens.length && next <= index + 2 && BETWEEN.has(tokens[next]!.lower)) next += 1;
    const candidate = tokens[next];
    if (!candidate || candidate.breakBefore || !isParticiple(candidate)) continue;
    // "was not brought" is the wording the glossary recommends for a child's missed appointment (G47).
    if (candidate.lower === 'brought' && tokens[next - 1]!.lower === 'not') continue;
    found.push([index, next]);
    index = next;
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Long words (for children) and unexplained initials
// ---------------------------------------------------------------------------------------

/** Long words most children know already. */
const FAMILIAR_LONG_WORDS = new Set(
  (
    'everybody television interesting activity activities information supermarket helicopter caterpillar ' +
    'watermelon macaroni calculator dictionary unbelievable celebration congratulations anniversary ' +
    'kindergarten motorbike playstation favourite'
  ).split(' '),
);

/** Words of four or more syllables, except names (a capital letter) and long words children know. */
export function isLongWord(token: Token): boolean {
  if (token.text.length < 8 || /\p{Lu}/u.test(token.text[0]!) || FAMILIAR_LONG_WORDS.has(token.lower)) return false;
  return syllables(token.text) >= 4;
}

/** Initials everyone knows, and ordinary words written in capitals for emphasis. */
const FAMILIAR_INITIALS = new Set(
  (
    'UK OK TV GP NHS BBC ID PE DJ PC AM PM MP USA EU IT DVD CD PIN ATM MMR ADHD GCSE BTEC SATS COVID DIY ' +
    'NO NOT YES ME MY HE SHE WE US IS TO DO GO AND THE BUT OR SO ALL YOU HER HIS HIM OUR WAS ARE BE AT ON IN ' +
    'OF IF UP HELP STOP NOW NEVER'
  ).split(' '),
);
const INITIALS = /^[A-Z][A-Z0-9]{1,5}$/;

const nextCharacter = (text: string, from: number) => {
  let index = from;
  while (text[index] === ' ') index += 1;
  return text[index];
};

/**
 * Initials (two to six capitals) used before they are written out. Initials count as
 * explained where they sit in brackets after the words ("Team Around the Family (TAF)") or
 * are followed by the words in brackets ("TAF (Team Around the Family)"); after that the
 * writer may use them freely. Only the first unexplained use of each is returned.
 */
export function unexplainedInitials(text: string, tokens: readonly Token[]): Token[] {
  const explained = new Set<string>();
  const found: Token[] = [];
  for (const token of tokens) {
    if (!INITIALS.test(token.text) || (token.text.match(/[A-Z]/g)?.length ?? 0) < 2) continue;
    if (FAMILIAR_INITIALS.has(token.text) || /^[IVXL]+$/.test(token.text) || explained.has(token.text)) continue;
    const inBrackets = text[token.start - 1] === '(' && text[token.end] === ')';
    if (inBrackets || nextCharacter(text, token.end) === '(') {
      explained.add(token.text);
      continue;
    }
    explained.add(token.text); // point out the first use only
    found.push(token);
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// The reading age
// ---------------------------------------------------------------------------------------

export interface Readability {
  formula: string;
  /** UK reading age in years, to one decimal place; null when there are no words. */
  readingAge: number | null;
  /** The reading age to aim for: 9 for children, 11 for families, none for professional notes. */
  target: number | null;
  withinTarget: boolean | null;
  sentences: number;
  words: number;
  syllables: number;
  averageSentenceWords: number;
  fleschReadingEase: number | null;
  longSentences: number;
  passiveVerbs: number;
  longWords: number;
  unexplainedInitials: number;
}

export interface PlainEnglishCounts {
  longSentences: number;
  passiveVerbs: number;
  longWords: number;
  unexplainedInitials: number;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function readabilityOf(
  tokens: readonly Token[],
  sentenceList: readonly Sentence[],
  audience: Audience,
  counts: PlainEnglishCounts,
): Readability {
  let words = 0;
  let syllableCount = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (!/\p{L}/u.test(token.text)) continue;
    syllableCount += syllables(token.text);
    if (!token.joined) words += 1;
  }
  const target = readingAgeTargets[audience];
  const wordsPerSentence = words / Math.max(1, sentenceList.length);
  const syllablesPerWord = syllableCount / Math.max(1, words);
  const grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
  // Below grade 0 the formula stops meaning much, so a reading age of 5 is the floor.
  const readingAge = words === 0 ? null : oneDecimal(Math.max(5, grade + 5));
  return {
    formula: READING_AGE_FORMULA,
    readingAge,
    target,
    withinTarget: target === null || readingAge === null ? null : readingAge <= target,
    sentences: words === 0 ? 0 : sentenceList.length,
    words,
    syllables: syllableCount,
    averageSentenceWords: oneDecimal(wordsPerSentence),
    fleschReadingEase: words === 0 ? null : oneDecimal(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord),
    ...counts,
  };
}
