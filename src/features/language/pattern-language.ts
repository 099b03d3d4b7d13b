/**
 * The small pattern language glossary entries are written in. It is data a council can
 * write and read, not code, so it stays deliberately small:
 *
 *   contact with his|her? mum|dad        words in order; a|b offers choices for one word;
 *                                        a trailing ? means the word may be missing
 *   abscond(s|ed|ing|er)                  optional endings: abscond, absconds, absconded, ...
 *   attention-seeking                     a hyphen is a space, so this also finds
 *                                        "attention seeking" (write "noncompliant" to find
 *                                        the joined-up spelling)
 *   LAC|CiC                               a word written with a capital letter matches only
 *                                        as written, as a whole word (never "lack", "LACE");
 *                                        every other word ignores case
 *   [at|after] contact                    [ ] marks context: it must be there, but only the
 *                                        other words are pointed out
 *   placed * with        *  any one word  *? any word or none  *'s any possessive (Mia's)
 *
 * Guards (near misses that cancel a match) are written in the same language.
 */

export interface PatternSlot {
  /** Forms that must match exactly as written (initials such as LAC or DNA'd). */
  exact: ReadonlySet<string>;
  /** Forms that match in any case, stored in lower case. */
  folded: ReadonlySet<string>;
  anyWord: boolean;
  anyPossessive: boolean;
  optional: boolean;
  /** Must be present but is not part of the words pointed out. */
  context: boolean;
}

export type ParsedPattern = { ok: true; slots: PatternSlot[] } | { ok: false; problem: string };

const WORD = /^[\p{L}\p{N}']+$/u;

/** Splits on | outside brackets: "abscond(s|ed)|absconsion" → ["abscond(s|ed)", "absconsion"]. */
function splitChoices(source: string): string[] {
  const choices: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of source) {
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    if (character === '|' && depth === 0) {
      choices.push(current);
      current = '';
    } else current += character;
  }
  choices.push(current);
  return choices;
}

/** "abscond(s|ed)" → ["abscond", "absconds", "absconded"]. */
function formsOf(choice: string): string[] | null {
  const withEndings = /^([^()]+)\(([^()]+)\)$/.exec(choice);
  if (!withEndings) return WORD.test(choice) ? [choice] : null;
  const [, stem = '', endings = ''] = withEndings;
  const suffixes = endings.split('|');
  if (!WORD.test(stem) || suffixes.some((suffix) => !WORD.test(suffix))) return null;
  return [stem, ...suffixes.map((suffix) => stem + suffix)];
}

function parseSlot(raw: string, context: boolean): PatternSlot | string {
  let source = raw;
  let optional = false;
  if (source.endsWith('?')) {
    optional = true;
    source = source.slice(0, -1);
  }
  if (!source) return `“${raw}” has no word in it`;
  const exact = new Set<string>();
  const folded = new Set<string>();
  let anyWord = false;
  let anyPossessive = false;
  for (const choice of splitChoices(source)) {
    if (choice === '*') anyWord = true;
    else if (choice === "*'s") anyPossessive = true;
    else {
      const forms = formsOf(choice);
      if (!forms) return `“${choice}” is not a word the companion can look for`;
      for (const form of forms) {
        if (/\p{Lu}/u.test(form)) exact.add(form);
        else folded.add(form.toLowerCase());
      }
    }
  }
  return { exact, folded, anyWord, anyPossessive, optional, context };
}

/** Reads a pattern, or says in plain words what is wrong with it. */
export function parsePattern(pattern: string): ParsedPattern {
  const words = pattern.replaceAll('’', "'").replaceAll('-', ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: false, problem: 'A pattern needs at least one word' };
  const slots: PatternSlot[] = [];
  let inContext = false;
  for (const word of words) {
    let source = word;
    let context = inContext;
    if (source.startsWith('[')) {
      if (inContext) return { ok: false, problem: 'A [ is opened twice' };
      source = source.slice(1);
      context = true;
      inContext = true;
    }
    const closes = /\](\??)$/.exec(source);
    if (closes) {
      if (!context) return { ok: false, problem: 'A ] closes without a [' };
      source = source.slice(0, closes.index) + closes[1]!;
      inContext = false;
    }
    const slot = parseSlot(source, context);
    if (typeof slot === 'string') return { ok: false, problem: slot };
    slots.push(slot);
  }
  if (inContext) return { ok: false, problem: 'A [ is never closed' };
  if (!slots.some((slot) => !slot.context && !slot.optional)) {
    return { ok: false, problem: 'A pattern needs at least one word that must be there, outside [ ]' };
  }
  return { ok: true, slots };
}

/**
 * A pattern must start with a word (or *'s), never with *, so it can be looked up by its
 * first word instead of being tried at every word of the text.
 */
export function startsWithAWord(slots: readonly PatternSlot[]): boolean {
  for (const slot of slots) {
    if (slot.anyWord) return false;
    if (!slot.optional) return true;
  }
  return false;
}
