/** Pure: shapes the glossary and the council's own words for the language companion's pages. */
import type { FormValues } from '../../platform/http/question-page.js';
import { builtInGlossary, glossaryCategories, type GlossaryEntry } from './glossary.js';
import { languageAdminPaths } from './paths.js';

const categoryNames: Record<(typeof glossaryCategories)[number], string> = {
  'care-system': 'Care-system words for a child’s home, family and meetings',
  blaming: 'Phrases that blame a child or family',
  judgement: 'Opinions written as facts',
  jargon: 'Jargon: plain English for families and children',
};

/** The words page: the glossary by category, narrowed by what was searched for (up to 100 characters). */
export function glossaryPage(glossary: readonly GlossaryEntry[], searched: unknown) {
  const query = typeof searched === 'string' ? searched.trim().slice(0, 100) : '';
  const needle = query.toLowerCase();
  const entries = glossary.filter(
    (entry) =>
      !needle ||
      [entry.term, entry.why, ...entry.alternatives, ...entry.patterns].some((text) =>
        text.toLowerCase().includes(needle),
      ),
  );
  return {
    pageTitle: 'Words that help',
    query,
    total: entries.length,
    groups: glossaryCategories
      .map((category) => ({
        name: categoryNames[category],
        entries: entries
          .filter((entry) => entry.category === category)
          .map((entry) => ({
            id: entry.id,
            term: entry.term,
            why: entry.why,
            alternatives: entry.alternatives,
            onlyFor: entry.audiences ? entry.audiences.map((audience) => `${audience}-facing`).join(' and ') : null,
            describe: entry.severity === 'describe',
          })),
      }))
      .filter((group) => group.entries.length > 0),
  };
}

const adminNotices = new Map<unknown, string>([
  ['added', 'The word has been added. The companion suggests it from now on.'],
  ['switched', 'Done. The companion uses the change from now on.'],
]);

/** The council's list: every built-in word as the council has it, then the council's own. */
export function adminListPage(changes: readonly GlossaryEntry[], notice: unknown) {
  const changed = new Map(changes.map((entry) => [entry.id, entry]));
  const all = [
    ...builtInGlossary().map((entry) => changed.get(entry.id) ?? entry),
    ...changes.filter((entry) => !builtInGlossary().some((builtIn) => builtIn.id === entry.id)),
  ];
  return {
    pageTitle: 'The language companion’s words',
    notice: adminNotices.get(notice) ?? null,
    addHref: languageAdminPaths.add.href({}),
    entries: all.map((entry) => ({
      id: entry.id,
      term: entry.term,
      councilOwn: entry.id.startsWith('C'),
      enabled: entry.enabled !== false,
      switchAction: languageAdminPaths.switch.href({ entryId: entry.id }),
    })),
  };
}

/** The form for a council's own word, showing what was typed (or the defaults). */
export function addEntryPage(values: FormValues) {
  const audiences = values.audiences as string[] | undefined;
  const audience = (value: string, text: string) => ({ value, text, checked: audiences?.includes(value) ?? true });
  return {
    pageTitle: 'Add a word for the companion to suggest',
    action: languageAdminPaths.add.href({}),
    backHref: languageAdminPaths.list.href({}),
    values,
    severityItems: [
      { value: 'flag', text: 'Suggest other words', checked: (values.severity ?? 'flag') === 'flag' },
      {
        value: 'describe',
        text: 'Ask the writer to say what happened instead',
        checked: values.severity === 'describe',
      },
      { value: 'suggest', text: 'A gentle hint only', checked: values.severity === 'suggest' },
    ],
    audienceItems: [
      audience('professional', 'Professional records'),
      audience('family', 'Writing families read'),
      audience('child', 'Writing children read'),
    ],
  };
}
