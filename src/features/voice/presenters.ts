/** Pure functions shaping visits and the child's words for the pages. */
import type { FormErrors } from '../../platform/http/forms.js';
import { dayAndTime, ukDateTimeInWords } from '../../platform/views/clock.js';
import { participationWayNames, type ParticipationPreference } from './participation.js';
import { voicePaths } from './paths.js';
import { SEARCH_RESULTS_SHOWN, searchPagination, snippetParts, type SearchOrder } from './search.js';
import type { AttachmentSummary } from './service/attachments.js';
import type { SearchResult } from './service/search.js';
import { participationWays, type ParticipationWay } from './schema.js';
import { NEXT_STEP_ROWS, visitKindNames, type VisitContent, type VisitFormValues } from './visit-form.js';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2026-03-27T09:30:00Z' → 'Friday 27 March 2026, 9:30am'; a date alone → '27 March 2026'. */
export function presentWhen(when: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return dayFormat.format(new Date(`${when}T00:00:00Z`));
  return dayAndTime(new Date(when));
}
export const presentSavedAt = (savedAt: Date) => ukDateTimeInWords(savedAt);
export const presentDay = (isoDate: string) => dayFormat.format(new Date(`${isoDate}T00:00:00Z`));

const seenText = (visit: VisitContent, childName: string) => {
  if (!visit.childSeen) return `${childName} was not seen`;
  return visit.seenAlone ? `${childName} was seen, and seen on their own` : `${childName} was seen, not on their own`;
};

/** A visit as summary-list rows, in the order a reader needs them. */
export function visitRows(visit: VisitContent, childName: string) {
  const row = (key: string, text: string | null, fallback = 'Not recorded') => ({
    key: { text: key },
    value: { text: text && text.trim() !== '' ? text : fallback },
  });
  const rows = [
    row('How', visitKindNames[visit.kind]),
    row('When', presentWhen(visit.happenedAt)),
    row('Where', visit.place),
    row('Who was there', visit.whoWasThere.map((person) => person.name).join(', ')),
    row(`Seeing ${childName}`, seenText(visit, childName)),
  ];
  if (!visit.childSeen) rows.push(row('Why they were not seen', visit.notSeenReason));
  rows.push(
    row('What was seen, heard and felt', visit.seenHeardFelt),
    row(`${childName}’s words`, visit.childsWords),
    row('What is working well', visit.workingWell),
    row('What we are worried about', visit.worries),
  );
  if (visit.reflection !== null) rows.push(row('Reflection', visit.reflection));
  rows.push(
    row(
      'Next steps',
      visit.nextSteps
        .map((step) => `${step.who}: ${step.what}${step.byWhen ? ` (by ${presentDay(step.byWhen)})` : ''}`)
        .join('\n'),
      'None recorded',
    ),
  );
  return rows;
}

export const fieldNames: Record<string, string> = {
  kind: 'How',
  happenedAt: 'When',
  place: 'Where',
  whoWasThere: 'Who was there',
  childSeen: 'Seen',
  seenAlone: 'Seen alone',
  notSeenReason: 'Why not seen',
  seenHeardFelt: 'What was seen, heard and felt',
  childsWords: 'The child’s words',
  workingWell: 'What is working well',
  worries: 'Worries',
  reflection: 'Reflection',
  nextSteps: 'Next steps',
};

/** Everything the visit form template needs to draw itself from the values typed. */
export function visitFormModel(values: VisitFormValues, network: { id: string; name: string }[], childName: string) {
  const steps = [...values.nextSteps];
  while (steps.length < NEXT_STEP_ROWS) steps.push({ who: '', what: '', day: '', month: '', year: '' });
  return {
    kindItems: Object.entries(visitKindNames).map(([value, text]) => ({
      value,
      text,
      checked: values.kind === value,
    })),
    networkItems: network.map((person) => ({
      value: person.id,
      text: person.name,
      checked: values.networkPeople.includes(person.id),
    })),
    childSeenItems: [
      { value: 'yes', text: 'Yes', checked: values.childSeen === 'yes' },
      { value: 'no', text: 'No', checked: values.childSeen === 'no' },
    ],
    seenAloneItems: [
      { value: 'yes', text: `Yes, I saw ${childName} on their own`, checked: values.seenAlone === 'yes' },
      { value: 'no', text: 'No', checked: values.seenAlone === 'no' },
    ],
    steps: steps.map((step, index) => ({ ...step, number: index + 1 })),
  };
}

export function participationItems(chosen: string) {
  return participationWays.map((way: ParticipationWay) => ({
    value: way,
    text: participationWayNames[way],
    checked: chosen === way,
  }));
}

/** A message shown once after a change, by its code in the query string. */
const notices: Record<string, string> = {
  visit_recorded: 'Visit recorded',
  visit_corrected: 'Correction saved. The earlier version is kept in the history below',
  words_recorded: 'Their words are recorded',
  preference_recorded: 'How they would like to take part is recorded',
  chronology_recorded: 'Added to the chronology',
  direct_work_recorded: 'Direct work recorded. Their words are on their ‘In my own words’ page',
};
export const noticeFor = (code: unknown) => (typeof code === 'string' ? (notices[code] ?? null) : null);

/** What a page lists of a record's attachments, each linked through the checked download route. */
export const presentAttachments = (childId: string, attachments: AttachmentSummary[]) =>
  attachments.map((attachment) => ({
    href: voicePaths.attachment.href({ childId, attachmentId: attachment.id }),
    fileName: attachment.fileName,
    isImage: attachment.contentType.startsWith('image/'),
    description: attachment.description,
    size: `${Math.max(1, Math.round(attachment.byteSize / 1024)).toLocaleString('en-GB')} KB`,
    who: attachment.uploadedByLabel,
  }));

/** A participation preference with the day it was said, as the pages show it. */
export const presentPreference = (preference: ParticipationPreference | null) =>
  preference ? { ...preference, saidOnText: presentDay(preference.saidOn) } : null;

const searchKindNames: Record<SearchResult['kind'], string> = {
  visit: 'Visit',
  childs_words: 'In their own words',
  direct_work: 'Direct work',
  chronology: 'Chronology',
};

/** The search page's title: the words searched for (and the page), or what can be searched. */
export const searchPageTitle = (terms: string | null, page: number, nothingTyped: string) =>
  terms ? `Search results for ${terms}${page > 1 ? ` (page ${page})` : ''}` : nothingTyped;

/** What the search page shows about the results found, with the links between their pages. */
export function presentSearch(
  action: string,
  terms: string | null,
  order: SearchOrder,
  page: number,
  found: { results: SearchResult[]; total: number },
) {
  return {
    action,
    terms,
    order,
    total: found.total,
    totalText: found.total.toLocaleString('en-GB'),
    pageLimit: SEARCH_RESULTS_SHOWN,
    pagination: terms
      ? searchPagination(action, { terms, order, page, total: found.total, shownOnPage: found.results.length })
      : null,
    results: found.results.map((result) => ({
      href: result.href,
      kind: searchKindNames[result.kind],
      childName: result.childName,
      when: presentWhen(result.when),
      parts: snippetParts(result.snippet),
    })),
  };
}

/** The error summary and each field's message, from a message per field (the visit and direct work forms' own rules). */
export function formErrorsOf(errors: Record<string, string>, ids: Readonly<Record<string, string>>): FormErrors {
  return {
    errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${ids[field] ?? field}` })),
    fieldErrors: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])),
  };
}
