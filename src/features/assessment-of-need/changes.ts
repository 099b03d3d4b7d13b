/**
 * What changed between two versions of an assessment: each field that differs, with a
 * word-by-word comparison (words kept, added and taken out). Pure.
 */
import { contentFields, sectionOfField, type AssessmentContent, type ContentField, type Section } from './sections.js';

export type WordChange = { text: string; change: 'same' | 'added' | 'removed' };

export interface FieldChange {
  field: ContentField;
  section: Section;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
  words: WordChange[];
}

/** Longest texts compared word by word; longer ones are shown as replaced whole. */
const MAX_CELLS = 4_000_000;

/** Words with the spaces after them, so joining the pieces gives the text back exactly. */
const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];

export function compareWords(before: string, after: string): WordChange[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...(before ? [{ text: before, change: 'removed' as const }] : []),
      ...(after ? [{ text: after, change: 'added' as const }] : []),
    ];
  }
  // Longest common subsequence of words, from the end, so the walk below goes forwards.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i]!.trim() === b[j]!.trim()
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const pieces: WordChange[] = [];
  const push = (text: string, change: WordChange['change']) => {
    const last = pieces.at(-1);
    if (last && last.change === change) last.text += text;
    else pieces.push({ text, change });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.trim() === b[j]!.trim()) {
      push(b[j]!, 'same');
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(a[i]!, 'removed');
      i += 1;
    } else {
      push(b[j]!, 'added');
      j += 1;
    }
  }
  while (i < a.length) push(a[i++]!, 'removed');
  while (j < b.length) push(b[j++]!, 'added');
  return pieces;
}

/** Every field that differs between two versions (spaces at either end do not count), in form order. */
export function whatChanged(before: AssessmentContent, after: AssessmentContent): FieldChange[] {
  return contentFields
    .filter((field) => before[field].trim() !== after[field].trim())
    .map((field) => {
      const was = before[field].trim();
      const now = after[field].trim();
      return {
        field,
        section: sectionOfField(field),
        kind: was === '' ? 'added' : now === '' ? 'removed' : 'changed',
        before: was,
        after: now,
        words: compareWords(was, now),
      };
    });
}
