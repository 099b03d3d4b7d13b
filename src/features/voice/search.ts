/**
 * Search results for the page, with no I/O: PostgreSQL marks the matching words in each
 * snippet with two control characters (which typed text can never contain, see cleanText);
 * here the snippet becomes a list of plain and marked parts, so the template escapes every
 * part and never needs `| safe`.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let current = '';
  for (const character of snippet) {
    if (character === MARK_START || character === MARK_END) {
      if (current !== '') parts.push({ text: current, marked });
      current = '';
      marked = character === MARK_START;
      continue;
    }
    current += character;
  }
  if (current !== '') parts.push({ text: current, marked });
  return parts;
}

/** What someone typed to search for: trimmed, at most 200 characters, nothing when blank. */
export function searchTerms(typed: unknown): string | null {
  if (typeof typed !== 'string') return null;
  // Control characters cannot be typed meaningfully, and two of them mark the matches.
  // eslint-disable-next-line no-control-regex
  const controlCharacters = /[\u0000-\u001f\u007f]/g;
  const terms = typed.replace(controlCharacters, ' ').trim().slice(0, 200);
  return terms === '' ? null : terms;
}

/** Newest first (the default), or best matches first (every match is ranked, so slower). */
export type SearchOrder = 'newest' | 'best';

/** How results are ordered: newest first unless best matches were asked for. */
export function searchOrder(asked: unknown): SearchOrder {
  return asked === 'best' ? 'best' : 'newest';
}
