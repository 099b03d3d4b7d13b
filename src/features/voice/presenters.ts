/** Pure functions shaping visits and the child's words for the pages. */
import { dayAndTime } from '../../platform/views/clock.js';
import { participationWayNames } from './participation.js';
import { participationWays, type ParticipationWay } from './schema.js';
import { NEXT_STEP_ROWS, visitKindNames, type VisitContent, type VisitFormValues } from './visit-form.js';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** '2026-03-27T09:30:00Z' → 'Friday 27 March 2026, 9:30am'; a date alone → '27 March 2026'. */
export function presentWhen(when: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return dayFormat.format(new Date(`${when}T00:00:00Z`));
  return dayAndTime(new Date(when));
}
export const presentSavedAt = (savedAt: Date) => clockFormat.format(savedAt);
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
