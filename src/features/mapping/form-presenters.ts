/**
 * Shapes the mapping's forms for their templates: what was typed (or stored) as the form's
 * values, the radios and person lists, and each form's page. Pure functions.
 */
import { dateInputParts } from '../../platform/http/forms.js';
import { readText, type FormBody } from '../../platform/http/question-page.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import type { ChildSummary } from '../child-record/index.js';
import {
  mappingQuestions,
  sectionEntryNames,
  sectionFields,
  sectionHints,
  sectionNames,
  viewKindNames,
} from './domain.js';
import { mappingPaths } from './paths.js';
import { shortName, whoseView } from './presenters.js';
import type { MappingSection } from './schema.js';
import type { MappingEntryRow, MappingView } from './service.js';

/** The child's name and the record's navigation at the top of a mapping page. */
export const recordHeader = (child: ChildSummary, heading: string) => ({
  child,
  recordHeading: heading,
  recordNavigation: childRecordNavigation(child.childId, 'mapping'),
});

export const radioItems = (labels: Record<string, string>, chosen: unknown, hints: Record<string, string> = {}) =>
  Object.entries(labels).map(([value, label]) => ({
    value,
    text: label,
    checked: chosen === value,
    ...(hints[value] ? { hint: { text: hints[value] } } : {}),
  }));

/** The people in the child's world to choose from, the child first and marked as such. */
export function personOptions(child: ChildSummary, people: readonly { id: string; name: string }[], chosen: unknown) {
  return [
    { value: '', text: 'Choose someone (or type a name below)', selected: !chosen },
    ...people.map((person) => ({
      value: person.id,
      text: person.id === child.childId ? `${person.name} (the child)` : person.name,
      selected: chosen === person.id,
    })),
  ];
}

/** Each field's typed text, by name. */
export const readFields = (body: FormBody, fields: readonly string[]): Record<string, string> =>
  Object.fromEntries(fields.map((field) => [field, readText(body, field)]));

/** A date input's three boxes, named as the form names them ('heldOn-Day', …), for an ISO date. */
export function dateBoxes(name: string, isoDate: string | null): Record<string, string> {
  const { day, month, year } = dateInputParts(isoDate);
  return { [`${name}-Day`]: day, [`${name}-Month`]: month, [`${name}-Year`]: year };
}

const dateBoxNames = (name: string) => [`${name}-Day`, `${name}-Month`, `${name}-Year`];

const entryFields = [
  'statement',
  'harmSeverity',
  'harmFrequency',
  'harmWhen',
  'worriedWho',
  'couldHappen',
  'becauseOf',
  'inCircumstances',
  'goalWho',
  'goalWillBeDoing',
  'goalHowWeWillKnow',
  'stepOwnerPersonId',
  'stepOwnerName',
  'viewOfKind',
  'viewOfPersonId',
  'viewOfName',
  'section',
  'reason',
  ...dateBoxNames('stepDueOn'),
];

/** The values of an entry form as typed, to show the form again. */
export const entryValues = (body: FormBody) => readFields(body, entryFields);

/** The values of an entry form as the entry is stored. */
export function storedEntryValues(entry: MappingEntryRow): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(entry)) {
    if (typeof value === 'string') values[field] = value;
  }
  // A danger statement or safety goal is changed through its parts; its sentence follows.
  if (entry.section === 'danger_statement' || entry.section === 'safety_goal') values.statement = '';
  return { ...values, ...dateBoxes('stepDueOn', entry.stepDueOn) };
}

export const scoreFields = [
  'scorerKind',
  'scorerPersonId',
  'scorerName',
  'score',
  'reason',
  ...dateBoxNames('scoredOn'),
];

export const startFields = [
  'title',
  ...dateBoxNames('heldOn'),
  'whoTookPart',
  'scalingQuestion',
  'scaleZeroMeans',
  'scaleTenMeans',
];

/** The form that starts a mapping. */
export function startPage(
  child: ChildSummary,
  siblings: readonly { id: string; name: string }[],
  values: Record<string, string | string[]>,
) {
  const name = shortName(child);
  const chosen = Array.isArray(values.childIds) ? values.childIds : [];
  return {
    pageTitle: `Start a mapping – ${name}`,
    ...recordHeader(child, 'Start a mapping'),
    childName: name,
    backHref: mappingPaths.section.href({ childId: child.childId }),
    action: mappingPaths.newMapping.href({ childId: child.childId }),
    values,
    siblingItems: siblings.map((sibling) => ({
      value: sibling.id,
      text: sibling.name,
      checked: chosen.includes(sibling.id),
    })),
  };
}

/** The form that adds an entry, or changes (or moves) one, with someone else's version beside it after a stale save. */
export function entryPage(
  opened: MappingView,
  form: {
    section: MappingSection;
    values: Record<string, string>;
    entry?: MappingEntryRow;
    conflict?: MappingEntryRow;
  },
) {
  const { childId } = opened.child;
  const mappingId = opened.mapping.id;
  const name = shortName(opened.child);
  const { entry, values } = form;
  const heading = entry ? `Change or move: ${sectionNames[entry.section]}` : `Add ${sectionEntryNames[form.section]}`;
  return {
    pageTitle: `${heading} – ${name}`,
    ...recordHeader(opened.child, heading),
    childName: name,
    backHref: mappingPaths.mapping.href({ childId, mappingId }),
    action: entry
      ? mappingPaths.entry.href({ childId, mappingId, entryId: entry.id })
      : mappingPaths.newEntry.href({ childId, mappingId }, { section: form.section }),
    changing: Boolean(entry),
    section: form.section,
    sectionName: sectionNames[form.section],
    sectionHint: sectionHints[form.section],
    fields: Object.fromEntries(sectionFields[form.section].map((field) => [field, true])),
    values,
    version: entry?.version ?? null,
    // Grouped under the three questions, each group after a divider naming its question.
    sectionRadios: mappingQuestions.flatMap((question) => [
      { divider: question.heading },
      ...(question.sections as readonly MappingSection[]).map((section) => ({
        value: section,
        text: sectionNames[section],
        hint: { text: sectionHints[section] },
        checked: values.section === section,
      })),
    ]),
    viewKindItems: radioItems(viewKindNames, values.viewOfKind),
    viewPersonItems: personOptions(opened.child, opened.people, values.viewOfPersonId),
    ownerItems: personOptions(opened.child, opened.people, values.stepOwnerPersonId),
    conflict: form.conflict
      ? {
          statement: form.conflict.statement,
          sectionName: sectionNames[form.conflict.section],
          whoseView: whoseView(form.conflict),
        }
      : null,
  };
}

/** The form that adds one person's score. */
export function scorePage(opened: MappingView, values: Record<string, string>) {
  const { childId } = opened.child;
  const mappingId = opened.mapping.id;
  const name = shortName(opened.child);
  return {
    pageTitle: `Add a score – ${name}`,
    ...recordHeader(opened.child, 'Add a score'),
    backHref: `${mappingPaths.mapping.href({ childId, mappingId })}#scaling`,
    action: mappingPaths.newScore.href({ childId, mappingId }),
    childName: name,
    mapping: opened.mapping,
    values,
    kindItems: radioItems(
      { child: 'The child', family: 'Family', network: 'Someone in the network', professional: 'A professional' },
      values.scorerKind,
    ),
    personItems: personOptions(opened.child, opened.people, values.scorerPersonId),
    scoreItems: Array.from({ length: 11 }, (_, score) => ({
      value: String(score),
      text: String(score),
      checked: values.score === String(score),
    })),
  };
}
