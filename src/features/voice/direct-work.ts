/**
 * Direct work tools, with no I/O: each tool's parts and their plain names, and turning what was
 * typed (one thing the child said on each line) into the record, or messages naming the field.
 */
import type { DirectWorkTool, DirectWorkWords } from './schema.js';

export interface ToolPart {
  key: string;
  label: string;
  hint: string;
}
export interface ToolDefinition {
  name: string;
  description: string;
  parts: ToolPart[];
}

const oneEachLine = 'One thing on each line, in their words';

export const directWorkToolDefinitions: Record<DirectWorkTool, ToolDefinition> = {
  three_houses: {
    name: 'Three Houses',
    description: 'The house of worries, the house of good things and the house of dreams, drawn with the child.',
    parts: [
      { key: 'houseOfWorries', label: 'House of worries', hint: oneEachLine },
      { key: 'houseOfGoodThings', label: 'House of good things', hint: oneEachLine },
      { key: 'houseOfDreams', label: 'House of dreams', hint: oneEachLine },
    ],
  },
  wizard: {
    name: 'Wizard or Fairy',
    description: 'If the child had magic, what would they change?',
    parts: [{ key: 'wouldChangeWithMagic', label: 'What they would change with magic', hint: oneEachLine }],
  },
  wishes_and_feelings: {
    name: 'Wishes and feelings',
    description: 'What the child wishes for, and how they feel.',
    parts: [
      { key: 'wishes', label: 'Their wishes', hint: oneEachLine },
      { key: 'feelings', label: 'How they feel', hint: oneEachLine },
    ],
  },
  want_people_to_know: {
    name: 'What I want people to know',
    description: 'A free page for whatever the child wants people to know about them.',
    parts: [{ key: 'wantPeopleToKnow', label: 'What they want people to know', hint: 'In their words' }],
  },
};

/** Lines typed into a textarea: one item each, blanks dropped, nothing else changed. */
export const itemsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function parseDirectWork(
  tool: DirectWorkTool,
  values: Record<string, string>,
  today: string,
  isoDate: (day: string, month: string, year: string) => string | null,
):
  | { ok: true; record: { doneOn: string; doneWith: string; childsWords: DirectWorkWords } }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const definition = directWorkToolDefinitions[tool];
  const doneOn = isoDate(values['doneOn-Day'] ?? '', values['doneOn-Month'] ?? '', values['doneOn-Year'] ?? '');
  if (doneOn === '') errors.doneOn = 'Enter the date you did this together';
  else if (doneOn === null) errors.doneOn = 'The date must be a real date, for example 27 3 2026';
  else if (doneOn > today) errors.doneOn = 'The date you did this together must be today or in the past';
  const doneWith = (values.doneWith ?? '').trim();
  if (doneWith === '') errors.doneWith = 'Enter who did this with them';
  else if (doneWith.length > 300) errors.doneWith = 'Who did this with them must be 300 characters or fewer';
  const childsWords: DirectWorkWords = {};
  for (const part of definition.parts) {
    const text = values[part.key] ?? '';
    if (text.length > 10_000) errors[part.key] = `${part.label} must be 10,000 characters or fewer`;
    childsWords[part.key] = itemsOf(text);
  }
  if (Object.values(childsWords).every((items) => items.length === 0) && !errors[definition.parts[0]!.key]) {
    errors[definition.parts[0]!.key] =
      `Enter at least one thing in ${definition.parts[0]!.label.toLowerCase()}, or another part`;
  }
  if (Object.keys(errors).length > 0 || !doneOn) return { ok: false, errors };
  return { ok: true, record: { doneOn, doneWith, childsWords } };
}
