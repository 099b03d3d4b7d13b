/**
 * Small helpers for saying things about people in plain English: names as the family uses
 * them, counts that agree with their nouns, and lists joined with "and".
 */
import type { NetworkPerson } from './types.js';

type Named = Pick<NetworkPerson, 'fullName' | 'knownAs'>;

/** "Nan (Jean Thompson)": the name the child uses first, then the full name so it is unambiguous. */
export function displayName(person: Named): string {
  const knownAs = person.knownAs?.trim();
  return knownAs && knownAs !== person.fullName ? `${knownAs} (${person.fullName})` : person.fullName;
}

/** "Nan", or the first name: how a sentence about the child refers to someone. */
export function shortName(person: Named): string {
  const knownAs = person.knownAs?.trim();
  if (knownAs) return knownAs;
  const first = person.fullName.trim().split(/\s+/)[0];
  return first || person.fullName;
}

/**
 * "her", "his" or "their", from the pronouns a person gives. Never guessed from gender: a
 * prompt that misgenders a child is worse than one that says "their".
 */
export function possessive(person: Pick<NetworkPerson, 'pronouns'>): string {
  const pronouns = person.pronouns?.toLowerCase() ?? '';
  if (/^\s*she\b/.test(pronouns)) return 'her';
  if (/^\s*he\b/.test(pronouns)) return 'his';
  return 'their';
}

/** "1 person", "3 people". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Nan", "Nan and Mum", "Nan, Mum and Kelly". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** Sentence case for a label used mid-sentence ("Grandmother" → "grandmother"). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Stable ordering for people: by name as shown, then by id so equal names never swap. */
export function byName(a: Named & { id: string }, b: Named & { id: string }): number {
  return compareText(a.fullName, b.fullName) || compareText(a.id, b.id);
}

/**
 * Plain code-unit comparison, not localeCompare: the same input must give the same picture
 * on every server, whatever ICU data Node was built with.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
