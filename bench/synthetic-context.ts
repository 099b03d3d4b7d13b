/**
 * What every generator of a child's records needs to know about the child: their dates, the
 * people around them in plain words, the staff who work with them, and a way to plan the audit
 * entries the services would have written as the records were made. Pure, like the rest of
 * the synthetic council: everything comes from the plan, the child's index and their network.
 */
import {
  coordinatorIndexFor,
  dayOf,
  managerIndexFor,
  mulberry32,
  seedFrom,
  tieForRelation,
  type CouncilPlan,
  type PersonRow,
  type PlannedChild,
  type Random,
  type RecordAuditEvent,
  type UserRow,
} from './synthetic-council.js';

export const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
export const chance = (random: Random, probability: number) => random() < probability;

/** `count` different items, in a random order (fewer when there are not enough). */
export function several<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

/** A moment in working hours (9:00 to 17:00) on `day`, as milliseconds since 1970. */
export const workingTime = (random: Random, day: number) =>
  day * DAY_MS + (9 * 60 + Math.floor(random() * 8 * 60)) * 60_000 + Math.floor(random() * 60_000);

/** Someone in the child's world, as a record would name them. */
export interface Someone {
  person: PersonRow;
  /** Their name as Kith lists it for picking: full name, with the name they go by. */
  name: string;
  circle: 'family' | 'network' | 'professional';
  /** Who they are to the child, in the family's words ("Nan", "Dad", "Class teacher at ..."). */
  relationship: string;
}

export interface StaffMember {
  index: number;
  user: UserRow;
  /** As the services write a person's label: name and roles. */
  label: string;
}

export interface ChildContext {
  plan: CouncilPlan;
  child: PlannedChild;
  childIndex: number;
  childId: string;
  /** The name the child goes by (known-as, else their first name). */
  childName: string;
  people: readonly PersonRow[];
  opened: number;
  /** The last day anything is recorded: the day before "today", or the day the record closed. */
  lastDay: number;
  asOf: number;
  closed: boolean;
  practitioner: StaffMember;
  manager: StaffMember;
  coordinator: StaffMember;
  /** Adults in the family (parents, grandparents, aunts and uncles, older siblings), living. */
  family: Someone[];
  /** Friends, neighbours and family friends, living adults. */
  network: Someone[];
  professionals: Someone[];
  /** The parents and a parent's partner, when they are in the network. */
  parents: Someone[];
  /** How old the child was, in whole years, on a day. */
  ageOn(day: number): number;
  /** A stream of random numbers of the child's own for one kind of record. */
  random(kind: number): Random;
  /** Plans one audit entry, as the service would write it when the record was made. */
  audit(event: Omit<RecordAuditEvent, 'childIndex'>): void;
  readonly events: RecordAuditEvent[];
}

function staff(plan: CouncilPlan, index: number): StaffMember {
  const user = plan.users[index]!;
  return { index, user, label: `${user.fullName} (${user.roles.join(', ')})` };
}

const plainRelationship = (person: PersonRow, childName: string): string => {
  const relation = person.relation ?? '';
  const side = relation.includes('maternal') ? 'maternal' : 'paternal';
  if (relation === `${childName}’s mum`) return 'Mum';
  if (relation === `${childName}’s dad`) return 'Dad';
  if (relation.endsWith('grandmother')) return side === 'maternal' ? 'Nan' : 'Grandma';
  if (relation.endsWith('grandfather')) return side === 'maternal' ? 'Grandad' : 'Grandpa';
  if (relation === 'Sibling')
    return person.gender === 'female' ? 'Sister' : person.gender === 'male' ? 'Brother' : 'Sibling';
  if (relation === `${childName}’s friend`) return 'Friend';
  return relation;
};

export function childContext(plan: CouncilPlan, childIndex: number, people: readonly PersonRow[]): ChildContext {
  const child = plan.children[childIndex];
  if (!child) throw new RangeError(`no child ${childIndex}`);
  const asOf = dayOf(plan.options.asOf);
  const closedDay = child.record.closedOn ? dayOf(child.record.closedOn) : null;
  const childPerson = people[0]!;
  const childName = childPerson.knownAs ?? childPerson.fullName.split(' ')[0]!;
  const born = dayOf(child.dateOfBirth);
  const adult = (person: PersonRow) =>
    person.kind === 'person' &&
    person.diedOn === null &&
    (person.dateOfBirth === null || (asOf - dayOf(person.dateOfBirth)) / YEAR_DAYS >= 16);
  const family: Someone[] = [];
  const network: Someone[] = [];
  const professionals: Someone[] = [];
  const parents: Someone[] = [];
  for (const person of people.slice(1)) {
    if (!adult(person)) continue;
    const { circle, type } = tieForRelation(person.relation ?? '', person.kind);
    const someone: Someone = {
      person,
      name: person.knownAs ? `${person.fullName} (${person.knownAs})` : person.fullName,
      circle: circle === 'family' ? 'family' : circle === 'professional' ? 'professional' : 'network',
      relationship: plainRelationship(person, childName),
    };
    if (someone.circle === 'family') family.push(someone);
    else if (someone.circle === 'professional') professionals.push(someone);
    else network.push(someone);
    if (type === 'mother' || type === 'father' || type === 'step_parent') {
      if (person.relation !== null && !/grand/.test(person.relation)) parents.push(someone);
    }
  }
  const events: RecordAuditEvent[] = [];
  return {
    plan,
    child,
    childIndex,
    childId: child.record.personId,
    childName,
    people,
    opened: dayOf(child.record.openedOn),
    lastDay: closedDay === null ? asOf - 1 : Math.min(asOf - 1, closedDay),
    asOf,
    closed: closedDay !== null,
    practitioner: staff(plan, child.practitionerIndex),
    manager: staff(plan, managerIndexFor(plan, child.teamIndex)),
    coordinator: staff(plan, coordinatorIndexFor(plan, child.teamIndex)),
    family,
    network,
    professionals,
    parents,
    ageOn: (day) => Math.floor((day - born) / YEAR_DAYS),
    random: (kind) => mulberry32(seedFrom(plan.idKey, childIndex, kind)),
    audit: (event) => {
      events.push({ ...event, childIndex });
    },
    events,
  };
}

/** The n-th id of one kind for one child: ids are laid out `stride` a child. */
export const strideId = (childIndex: number, stride: number, n: number) => {
  if (n >= stride) throw new RangeError(`more than ${stride} records of one kind for a child`);
  return childIndex * stride + n;
};

/** One kept version of a record (record_versions), as the service's appendVersion writes it. */
export interface KeptVersion {
  recordType: string;
  recordId: string;
  version: number;
  recordedAt: string;
  recordedBy: string;
  recordedByLabel: string;
  reason: string | null;
  content: Record<string, unknown>;
}

export const isoTime = (at: number) => new Date(at).toISOString();

/** Fills {child} in a sentence from a bank. */
export const about = (text: string, childName: string) => text.replaceAll('{child}', childName);
