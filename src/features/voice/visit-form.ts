/**
 * The visit form's rules, with no I/O: what was typed (strings, exactly as the form sent them)
 * becomes a visit, or a message per field saying what to change. Also the plain names of each
 * kind of contact and the lines of a visit another part of the record can carry elsewhere.
 */
import { visitKinds, type NextStep, type PersonThere, type VisitKind } from './schema.js';
import { ukWallClock } from '../../platform/views/clock.js';

export const TEXT_LIMIT = 20_000;
export const NEXT_STEP_ROWS = 3;

export const visitKindNames: Record<VisitKind, string> = {
  home_visit: 'Home visit',
  school_visit: 'School visit',
  office: 'At the office',
  phone: 'Phone call',
  video: 'Video call',
  message: 'Message',
};

/** Every field of the form as typed. Names match the form's inputs (and a draft's content). */
export interface VisitFormValues {
  kind: string;
  'happened-Day': string;
  'happened-Month': string;
  'happened-Year': string;
  happenedTime: string;
  place: string;
  networkPeople: string[];
  othersThere: string;
  childSeen: string;
  seenAlone: string;
  notSeenReason: string;
  seenHeardFelt: string;
  childsWords: string;
  workingWell: string;
  worries: string;
  reflection: string;
  nextSteps: { who: string; what: string; day: string; month: string; year: string }[];
  reason: string;
}

export interface VisitContent {
  kind: VisitKind;
  happenedAt: string;
  place: string | null;
  whoWasThere: PersonThere[];
  childSeen: boolean;
  seenAlone: boolean | null;
  notSeenReason: string | null;
  seenHeardFelt: string | null;
  childsWords: string | null;
  workingWell: string | null;
  worries: string | null;
  reflection: string | null;
  nextSteps: NextStep[];
}

export type FieldErrors = Record<string, string>;

/** The field each error links to from the error summary (the first input of a group). */
export const visitFieldIds: Record<string, string> = {
  kind: 'kind',
  happened: 'happened-day',
  happenedTime: 'happenedTime',
  place: 'place',
  othersThere: 'othersThere',
  childSeen: 'childSeen',
  seenAlone: 'seenAlone',
  notSeenReason: 'notSeenReason',
  seenHeardFelt: 'seenHeardFelt',
  childsWords: 'childsWords',
  workingWell: 'workingWell',
  worries: 'worries',
  reflection: 'reflection',
  nextSteps: 'nextStep1-who',
  reason: 'reason',
};

/** A calendar date from GOV.UK date parts: 'YYYY-MM-DD', '' when all empty, null when not a real date. */
export function isoDate(day: string, month: string, year: string): string | null {
  const parts = [day.trim(), month.trim(), year.trim()];
  if (parts.every((part) => part === '')) return '';
  if (!parts.every((part) => /^\d{1,4}$/.test(part)) || parts[2]!.length !== 4) return null;
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** An instant's UK date and time of day ('2026-03-29', '10:30'), from the time zone offset. */
const londonParts = (instant: Date) => {
  const local = ukWallClock(instant).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

/** Today's date in the UK, where the council works. */
export function londonToday(now: Date): string {
  return londonParts(now).date;
}

/** A UK wall-clock date and time ('2026-03-29', '10:30') as an instant, across clock changes. */
export function londonInstant(date: string, time: string): Date {
  const asIfUtc = new Date(`${date}T${time}:00.000Z`);
  // The UK is UTC or UTC+1: try both offsets and keep the one that reads back as typed.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asIfUtc.getTime() - offsetHours * 3_600_000);
    const back = londonParts(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return asIfUtc; // a time skipped when the clocks go forward: take it as UTC
}

/** The UK date and time of an instant, for showing and for filling the form again. */
export function londonDateAndTime(instant: Date): { date: string; time: string } {
  return londonParts(instant);
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** Names typed one to a line (or separated by commas), without blanks or repeats. */
export function typedNames(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter((name) => {
      const key = name.toLowerCase();
      if (name === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Checks a visit as typed. `network` is the child's network (id → name), so only people in it
 * can be picked; `childName` words the messages; `now` decides what "in the future" means.
 * A correction must also say why it is being made.
 */
export function parseVisit(
  values: VisitFormValues,
  context: { network: Map<string, string>; childName: string; now: Date; isCorrection: boolean },
): { ok: true; visit: VisitContent } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { childName } = context;
  const kind = visitKinds.find((candidate) => candidate === values.kind);
  if (!kind) errors.kind = 'Select how you were in touch';

  const date = isoDate(values['happened-Day'], values['happened-Month'], values['happened-Year']);
  const time = values.happenedTime.trim();
  const timeOk = time === '' || /^([01]?\d|2[0-3])[:.][0-5]\d$/.test(time);
  const normalTime = timeOk && time !== '' ? time.replace('.', ':').padStart(5, '0') : '00:00';
  if (date === '') errors.happened = 'Enter the date of the visit';
  else if (date === null) errors.happened = 'The date of the visit must be a real date, for example 27 3 2026';
  if (!timeOk) errors.happenedTime = 'Enter the time as hours and minutes, for example 14:30';
  let happenedAt: Date | null = null;
  if (date && timeOk) {
    const today = londonToday(context.now);
    happenedAt = londonInstant(date, normalTime);
    if (date > today || (time !== '' && happenedAt > context.now)) {
      errors.happened = 'The date and time of the visit must be now or in the past';
      happenedAt = null;
    } else if (date < '1990-01-01') {
      errors.happened = 'The date of the visit must be after 1 1 1990';
    }
  }

  if (values.place.length > 300) errors.place = 'Where it happened must be 300 characters or fewer';

  const whoWasThere: PersonThere[] = [];
  for (const personId of values.networkPeople) {
    const name = context.network.get(personId);
    if (name !== undefined && !whoWasThere.some((person) => person.personId === personId))
      whoWasThere.push({ personId, name });
  }
  const others = typedNames(values.othersThere);
  if (others.some((name) => name.length > 200)) errors.othersThere = 'Each name must be 200 characters or fewer';
  else if (others.length > 30) errors.othersThere = 'Name up to 30 other people';
  for (const name of others) whoWasThere.push({ personId: null, name });

  const childSeen = values.childSeen === 'yes' ? true : values.childSeen === 'no' ? false : null;
  const seenAlone = values.seenAlone === 'yes' ? true : values.seenAlone === 'no' ? false : null;
  if (childSeen === null) errors.childSeen = `Select whether you saw ${childName}`;
  if (childSeen === false && seenAlone === true) {
    errors.seenAlone = `You said you did not see ${childName}, so you cannot have seen them alone. Change one of the answers`;
  }
  if (childSeen === true && seenAlone === null) errors.seenAlone = `Select whether you saw ${childName} on their own`;
  if (childSeen === false && values.notSeenReason.trim() === '') {
    errors.notSeenReason = `Say why you did not see ${childName}`;
  }

  const longText = {
    notSeenReason: 'Why you did not see them',
    seenHeardFelt: 'What you saw, heard and felt',
    childsWords: `${childName}’s words`,
    workingWell: 'What is working well',
    worries: 'What you are worried about',
    reflection: 'Your reflection',
  } as const;
  for (const [field, label] of Object.entries(longText) as [keyof typeof longText, string][]) {
    if (values[field].length > TEXT_LIMIT)
      errors[field] = `${label} must be ${TEXT_LIMIT.toLocaleString('en-GB')} characters or fewer`;
  }

  const nextSteps: NextStep[] = [];
  values.nextSteps.forEach((step, index) => {
    const byWhen = isoDate(step.day, step.month, step.year);
    const blank = step.who.trim() === '' && step.what.trim() === '' && byWhen === '';
    if (blank) return;
    const row = `Next step ${index + 1}`;
    if (step.what.trim() === '') errors.nextSteps ??= `${row}: say what needs to happen`;
    else if (step.who.trim() === '') errors.nextSteps ??= `${row}: say who will do it`;
    else if (byWhen === null) errors.nextSteps ??= `${row}: the date must be a real date, for example 27 3 2026`;
    else if (step.who.length > 200 || step.what.length > 2000)
      errors.nextSteps ??= `${row}: who must be 200 characters or fewer, and what 2,000 or fewer`;
    nextSteps.push({ who: step.who.trim(), what: step.what.trim(), byWhen: byWhen || null });
  });

  if (context.isCorrection) {
    if (values.reason.trim() === '') errors.reason = 'Say why you are correcting this visit';
    else if (values.reason.length > 2000) errors.reason = 'The reason must be 2,000 characters or fewer';
  }

  if (Object.keys(errors).length > 0 || !kind || childSeen === null || !happenedAt) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    visit: {
      kind,
      happenedAt: happenedAt.toISOString(),
      place: optional(values.place),
      whoWasThere,
      childSeen,
      seenAlone: childSeen ? seenAlone : null,
      notSeenReason: childSeen ? null : optional(values.notSeenReason),
      seenHeardFelt: optional(values.seenHeardFelt),
      childsWords: optional(values.childsWords),
      workingWell: optional(values.workingWell),
      worries: optional(values.worries),
      reflection: optional(values.reflection),
      nextSteps,
    },
  };
}

/** A visit back as form values, for a correction to start from. */
export function visitToForm(visit: VisitContent): VisitFormValues {
  const { date, time } = londonDateAndTime(new Date(visit.happenedAt));
  const [year = '', month = '', day = ''] = date.split('-');
  const steps = visit.nextSteps.map((step) => {
    const [y = '', m = '', d = ''] = step.byWhen?.split('-') ?? [];
    return { who: step.who, what: step.what, day: d.replace(/^0/, ''), month: m.replace(/^0/, ''), year: y };
  });
  while (steps.length < NEXT_STEP_ROWS) steps.push({ who: '', what: '', day: '', month: '', year: '' });
  return {
    kind: visit.kind,
    'happened-Day': day.replace(/^0/, ''),
    'happened-Month': month.replace(/^0/, ''),
    'happened-Year': year,
    happenedTime: time,
    place: visit.place ?? '',
    networkPeople: visit.whoWasThere.flatMap((person) => (person.personId ? [person.personId] : [])),
    othersThere: visit.whoWasThere
      .filter((person) => person.personId === null)
      .map((person) => person.name)
      .join('\n'),
    childSeen: visit.childSeen ? 'yes' : 'no',
    seenAlone: visit.seenAlone === true ? 'yes' : visit.seenAlone === false ? 'no' : '',
    notSeenReason: visit.notSeenReason ?? '',
    seenHeardFelt: visit.seenHeardFelt ?? '',
    childsWords: visit.childsWords ?? '',
    workingWell: visit.workingWell ?? '',
    worries: visit.worries ?? '',
    reflection: visit.reflection ?? '',
    nextSteps: steps,
    reason: '',
  };
}

/** Which part of the record a visit's lines belong in, when carried into the child's mapping. */
export type VisitLineField = 'seenHeardFelt' | 'childsWords' | 'workingWell' | 'worries' | 'nextSteps';
export interface VisitLine {
  text: string;
  field: VisitLineField;
  /** Where it came from, so a carried line can always be traced back to the visit it was said in. */
  source: { type: 'visit'; visitId: string; version: number; happenedAt: string; lineNumber: number };
}

/** Each line (paragraph or list item) of a visit's text, with its source. */
export function visitLines(visitId: string, version: number, visit: VisitContent): VisitLine[] {
  const lines: VisitLine[] = [];
  const add = (field: VisitLineField, text: string | null) => {
    for (const line of (text ?? '').split(/\n+/)) {
      const cleaned = line.replace(/^\s*[-*•]\s*/, '').trim();
      if (cleaned === '') continue;
      lines.push({
        text: cleaned,
        field,
        source: { type: 'visit', visitId, version, happenedAt: visit.happenedAt, lineNumber: lines.length + 1 },
      });
    }
  };
  add('seenHeardFelt', visit.seenHeardFelt);
  add('childsWords', visit.childsWords);
  add('workingWell', visit.workingWell);
  add('worries', visit.worries);
  for (const step of visit.nextSteps) {
    add('nextSteps', `${step.who}: ${step.what}${step.byWhen ? ` by ${step.byWhen}` : ''}`);
  }
  return lines;
}

/** Reads the form body (x-www-form-urlencoded) into the form's values, keeping everything typed. */
export function visitValuesFrom(body: Record<string, unknown>, clean: (value: unknown) => string): VisitFormValues {
  const text = (name: string) => clean(body[name]);
  const list = (name: string) => {
    const value = body[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(clean).filter(Boolean);
  };
  const nextSteps = Array.from({ length: NEXT_STEP_ROWS }, (_, index) => {
    const prefix = `nextStep${index + 1}`;
    return {
      who: text(`${prefix}-who`),
      what: text(`${prefix}-what`),
      day: text(`${prefix}-byWhen-Day`),
      month: text(`${prefix}-byWhen-Month`),
      year: text(`${prefix}-byWhen-Year`),
    };
  });
  return {
    kind: text('kind'),
    'happened-Day': text('happened-Day'),
    'happened-Month': text('happened-Month'),
    'happened-Year': text('happened-Year'),
    happenedTime: text('happenedTime'),
    place: text('place'),
    networkPeople: list('networkPeople'),
    othersThere: text('othersThere'),
    childSeen: text('childSeen'),
    seenAlone: text('seenAlone'),
    notSeenReason: text('notSeenReason'),
    seenHeardFelt: text('seenHeardFelt'),
    childsWords: text('childsWords'),
    workingWell: text('workingWell'),
    worries: text('worries'),
    reflection: text('reflection'),
    nextSteps,
    reason: text('reason'),
  };
}
