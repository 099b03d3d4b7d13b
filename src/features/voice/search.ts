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

/** Matches on one page of search results. */
export const SEARCH_PAGE_SIZE = 20;
/** The most results that can be seen, a page at a time: past it, more words narrow the search better. */
export const SEARCH_RESULTS_SHOWN = 200;
/** The most pages of results there can be. */
export const SEARCH_PAGES = Math.ceil(SEARCH_RESULTS_SHOWN / SEARCH_PAGE_SIZE);

/** Which page of results was asked for: a whole number from 1, otherwise the first. */
export function searchPage(asked: unknown): number {
  if (typeof asked !== 'string' || !/^[1-9]\d{0,3}$/.test(asked)) return 1;
  return Math.min(Number(asked), SEARCH_PAGES);
}

export interface SearchPagination {
  /** "Showing results 21 to 40", or null when one page holds them all. */
  showing: string | null;
  /** The number of the page's first result, for the list's numbering. */
  firstShown: number;
  /** The first page of these results. */
  firstHref: string;
  previous: { href: string } | null;
  next: { href: string } | null;
  items: { number: number; href: string; current: boolean }[];
}

/**
 * The links between pages of results (GOV.UK pagination), each keeping the words and the order.
 * At most SEARCH_PAGES pages are linked: past that, adding words narrows the search better.
 */
export function searchPagination(
  action: string,
  search: { terms: string; order: SearchOrder; page: number; total: number; shownOnPage: number },
): SearchPagination {
  const pages = Math.max(1, Math.min(SEARCH_PAGES, Math.ceil(search.total / SEARCH_PAGE_SIZE)));
  const page = Math.min(search.page, pages);
  const hrefFor = (number: number) => {
    const query = new URLSearchParams({ q: search.terms });
    if (search.order !== 'newest') query.set('order', search.order);
    if (number > 1) query.set('page', String(number));
    return `${action}?${query.toString()}`;
  };
  const first = (page - 1) * SEARCH_PAGE_SIZE + 1;
  return {
    showing:
      pages > 1 && search.shownOnPage > 0 ? `Showing results ${first} to ${first + search.shownOnPage - 1}` : null,
    firstShown: first,
    firstHref: hrefFor(1),
    previous: page > 1 ? { href: hrefFor(page - 1) } : null,
    next: page < pages ? { href: hrefFor(page + 1) } : null,
    items:
      pages > 1
        ? Array.from({ length: pages }, (_, index) => ({
            number: index + 1,
            href: hrefFor(index + 1),
            current: index + 1 === page,
          }))
        : [],
  };
}
