/**
 * The synthetic council, as pure functions: no database, no clock, no Math.random. The same
 * options (seed, size, slug, as-of date) always give the same council, byte for byte, so a
 * benchmark run can be repeated and compared.
 *
 * It is generated in three steps so that 20,000 children (600,000 people) never have to be
 * held in memory at once:
 * 1. `planCouncil`: teams, staff, and each child's facts (record, allocation, network size);
 * 2. `generateNetwork(plan, i)`: child i and the people around them, on demand;
 * 3. `planAuditTrail(plan)` then `auditEntryAt`: the trail that a year of use would have
 *    written, in time order, each entry chained to the one before as Kith chains them.
 * `generateCouncil` runs all three for small sizes (tests).
 */
import { GENESIS_HASH, hashEntry, type ChainedFields } from '../src/platform/audit/chain.js';
import type { AuditDetails } from '../src/platform/audit/schema.js';
import type { Role } from '../src/platform/identity/roles.js';
import type { Gender, PersonKind } from '../src/features/people/schema.js';
import {
  clubKinds,
  nameGroups,
  neutralFirstNames,
  onlineCommunities,
  placeNames,
  professionalRoles,
  schoolNames,
  type NameGroup,
} from './synthetic-names.js';

// ---------------------------------------------------------------------------------------------
// Randomness that repeats

export type Random = () => number;

/** mulberry32: a tiny, fast 32-bit generator; plenty for test data (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** MurmurHash3's finaliser: a bijection on 32-bit numbers that scatters nearby inputs. */
function scramble(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One 32-bit seed from several numbers, so each child gets its own independent stream. */
export function seedFrom(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = scramble((h ^ scramble(part >>> 0)) + 0x7f4a7c15);
  return h;
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193);
  return h >>> 0;
}

const hex = (value: number, digits: number) =>
  (value >>> 0)
    .toString(16)
    .padStart(8, '0')
    .slice(8 - digits);

/**
 * The n-th id of a council, shaped like a random (version 4) UUID. The first 32 bits are a
 * bijection of n, so ids never collide (a PRNG's 32-bit state would: 600,000 draws make a
 * birthday collision near certain), yet they are scattered like real random ids in indexes.
 */
export function uuidAt(key: number, n: number): string {
  const first = scramble((n ^ key) >>> 0);
  const second = scramble(first ^ 0x5bd1e995);
  const third = scramble((second + n) >>> 0);
  const fourth = scramble(third ^ key);
  return (
    `${hex(first, 8)}-${hex(second >>> 16, 4)}-4${hex(second, 3)}-` +
    `${hex(0x8 | ((third >>> 30) & 0x3), 1)}${hex(third >>> 16, 3)}-${hex(third, 4)}${hex(fourth, 8)}`
  );
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const chance = (random: Random, probability: number) => random() < probability;

function pickWeighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = random() * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item;
  }
  return items[items.length - 1]!;
}

/** A standard normal number (Box–Muller). */
function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

// ---------------------------------------------------------------------------------------------
// Dates, as whole days since 1970-01-01 (UTC), so nothing depends on the machine's time zone

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;
export const dayOf = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// The shapes the database receives

export interface PersonRow {
  id: string;
  kind: PersonKind;
  fullName: string;
  knownAs: string | null;
  pronouns: string | null;
  gender: Gender;
  dateOfBirth: string | null;
  dateOfBirthIsApproximate: boolean;
  diedOn: string | null;
  languages: string[];
  whatTheyBring: string | null;
  /** How they relate to the child, in the generator's words (used to make the child's ties). */
  relation: string | null;
}

export interface ChildRecordRow {
  personId: string;
  reference: string;
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  isRestricted: boolean;
}

export interface TeamRow {
  id: string;
  name: string;
}

export interface UserRow {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  /** Set for the roles that must use two-factor sign-in. */
  totpSecret: string | null;
  /** The team they work in or manage; none for the auditor. */
  teamIndex: number | null;
  sourceIp: string;
  userAgent: string;
}

export interface MembershipRow {
  teamId: string;
  userId: string;
  isManager: boolean;
}

export interface AllocationRow {
  id: string;
  childPersonId: string;
  userId: string;
  teamId: string;
  startsOn: string;
  endsOn: string | null;
}

export interface PlannedChild {
  index: number;
  record: ChildRecordRow;
  allocation: AllocationRow;
  dateOfBirth: string;
  /** Everyone in the network, the child included. */
  networkSize: number;
  /** Where this child's people take their ids from (see uuidAt). */
  firstNetworkId: number;
  practitionerIndex: number;
  teamIndex: number;
}

export interface SyntheticOptions {
  seed: number;
  children: number;
  slug: string;
  name: string;
  /** "Today" for the council: nothing is dated after it. */
  asOf: string;
}

export interface CouncilPlan {
  options: SyntheticOptions;
  tenantId: string;
  emailDomain: string;
  teams: TeamRow[];
  users: UserRow[];
  memberships: MembershipRow[];
  children: PlannedChild[];
  practitionerCount: number;
  managerCount: number;
  /** Where the coordinators start in `users` (after the auditor); see coordinatorIndexFor. */
  firstCoordinatorIndex: number;
  /** Children and their networks together. */
  peopleCount: number;
  idKey: number;
}

/** Every synthetic account uses this password; it is published so the benchmark can sign in. */
export const SYNTHETIC_PASSWORD = 'synthetic-lantern-meadow-copper';
/**
 * The two-factor secret of every synthetic team manager: 32 base32 characters (160 bits), so
 * the benchmark can compute the current code with totpCode.
 */
export const SYNTHETIC_TOTP_SECRET = 'KITHSYNTHETICBENCHMARKSECRET2345';
/** Children per practitioner and practitioners per team manager, as the issue describes. */
export const CHILDREN_PER_PRACTITIONER = 15;
export const PRACTITIONERS_PER_TEAM = 8;
/**
 * Family group conference coordinators: independent of the cases, each a member of this many
 * teams (so the access policy lets them open those teams' children, as a coordinator must).
 */
export const TEAMS_PER_COORDINATOR = 8;

const teamAreas = ['Northfield', 'Riverside', 'Eastgate', 'Westbrook', 'Southmead', 'Hillside', 'Central', 'Moorland'];
const teamFunctions = [
  'Family Support',
  'Child Protection',
  'Children in Care',
  'Assessment',
  'Disabled Children',
  'Care Leavers',
  'Early Help',
  'Adolescent Support',
];
const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
];
/** Ages of children with a record: more adolescents than infants, as in the national figures. */
const ageWeights = [5, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 7, 7, 8, 8, 8, 7, 5].map((weight, age) => ({ weight, age }));

function referencePrefix(slug: string): string {
  const initials = slug
    .split('-')
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 4);
  return initials.length >= 2 ? initials : slug.slice(0, 3).toUpperCase();
}

function padNumber(value: number, atLeast: number, total: number): string {
  return String(value).padStart(Math.max(atLeast, String(total).length), '0');
}

function staffName(random: Random): string {
  const group = pickWeighted(random, nameGroups);
  const first = chance(random, 0.5) ? pick(random, group.female) : pick(random, group.male);
  return `${first} ${pick(random, pickWeighted(random, nameGroups).surnames)}`;
}

export function planCouncil(options: SyntheticOptions): CouncilPlan {
  if (!Number.isInteger(options.children) || options.children < 1) throw new RangeError('children must be 1 or more');
  const random = mulberry32(seedFrom(options.seed, hashText(options.slug), 1));
  const idKey = seedFrom(options.seed, hashText(options.slug), 2);
  let nextId = 0;
  const newId = () => uuidAt(idKey, nextId++);
  const asOfDay = dayOf(options.asOf);
  const emailDomain = `${options.slug}.example`;

  const practitionerCount = Math.max(1, Math.round(options.children / CHILDREN_PER_PRACTITIONER));
  const managerCount = Math.ceil(practitionerCount / PRACTITIONERS_PER_TEAM);
  const teams: TeamRow[] = Array.from({ length: managerCount }, (_, index) => {
    const area = teamAreas[index % teamAreas.length]!;
    const purpose = teamFunctions[Math.floor(index / teamAreas.length) % teamFunctions.length]!;
    const round = Math.floor(index / (teamAreas.length * teamFunctions.length));
    return { id: newId(), name: `${area} ${purpose} Team${round > 0 ? ` ${round + 1}` : ''}` };
  });

  const staffSource = (index: number) => ({
    sourceIp: `10.${20 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`,
    userAgent: userAgents[index % userAgents.length]!,
  });
  const users: UserRow[] = [];
  const memberships: MembershipRow[] = [];
  for (let index = 0; index < practitionerCount; index += 1) {
    const teamIndex = Math.floor(index / PRACTITIONERS_PER_TEAM);
    const user: UserRow = {
      id: newId(),
      email: `practitioner.${padNumber(index + 1, 4, practitionerCount)}@${emailDomain}`,
      fullName: staffName(random),
      roles: ['practitioner'],
      totpSecret: null,
      teamIndex,
      ...staffSource(users.length),
    };
    users.push(user);
    memberships.push({ teamId: teams[teamIndex]!.id, userId: user.id, isManager: false });
  }
  for (let teamIndex = 0; teamIndex < managerCount; teamIndex += 1) {
    const user: UserRow = {
      id: newId(),
      email: `manager.${padNumber(teamIndex + 1, 3, managerCount)}@${emailDomain}`,
      fullName: staffName(random),
      roles: ['team_manager'],
      totpSecret: SYNTHETIC_TOTP_SECRET,
      teamIndex,
      ...staffSource(users.length),
    };
    users.push(user);
    memberships.push({ teamId: teams[teamIndex]!.id, userId: user.id, isManager: true });
  }
  users.push({
    id: newId(),
    email: `auditor@${emailDomain}`,
    fullName: staffName(random),
    roles: ['auditor'],
    totpSecret: null,
    teamIndex: null,
    ...staffSource(users.length),
  });
  // Coordinators come last, with ids and names from streams of their own, so adding them left
  // every other account, child and person exactly as it was.
  const firstCoordinatorIndex = users.length;
  const coordinatorRandom = mulberry32(seedFrom(options.seed, hashText(options.slug), 6));
  const coordinatorKey = seedFrom(idKey, 31);
  const coordinatorCount = Math.ceil(managerCount / TEAMS_PER_COORDINATOR);
  for (let index = 0; index < coordinatorCount; index += 1) {
    const user: UserRow = {
      id: uuidAt(coordinatorKey, index),
      email: `coordinator.${padNumber(index + 1, 2, coordinatorCount)}@${emailDomain}`,
      fullName: staffName(coordinatorRandom),
      roles: ['fgc_coordinator'],
      totpSecret: null,
      teamIndex: index * TEAMS_PER_COORDINATOR,
      ...staffSource(users.length),
    };
    users.push(user);
    const lastTeam = Math.min(managerCount, (index + 1) * TEAMS_PER_COORDINATOR);
    for (let teamIndex = index * TEAMS_PER_COORDINATOR; teamIndex < lastTeam; teamIndex += 1) {
      memberships.push({ teamId: teams[teamIndex]!.id, userId: user.id, isManager: false });
    }
  }

  // Caseloads differ: each practitioner takes a share between half and one and a half times
  // the average, so some hold about 8 children and some about 22.
  const cumulativeWeights: number[] = [];
  let weightTotal = 0;
  for (let index = 0; index < practitionerCount; index += 1) {
    weightTotal += 0.5 + random();
    cumulativeWeights.push(weightTotal);
  }
  const choosePractitioner = () => {
    const target = random() * weightTotal;
    let low = 0;
    let high = practitionerCount - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulativeWeights[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };

  const prefix = referencePrefix(options.slug);
  const children: PlannedChild[] = [];
  let peopleCount = 0;
  // Children's own ids first, then each network's, so a network can be made on its own later.
  const childIds = Array.from({ length: options.children }, newId);
  const allocationIds = Array.from({ length: options.children }, newId);
  for (let index = 0; index < options.children; index += 1) {
    const age = pickWeighted(random, ageWeights).age;
    const bornDay = asOfDay - Math.floor(age * YEAR_DAYS) - between(random, 1, 364);
    // Opened within the last five years (most recently), never before birth.
    const earliest = Math.max(bornDay, asOfDay - Math.floor(5 * YEAR_DAYS));
    const openedDay = asOfDay - Math.floor((asOfDay - earliest) * random() ** 1.6);
    const closed = chance(random, 0.12) && openedDay < asOfDay - 30;
    const closedDay = closed ? between(random, openedDay + 14, asOfDay - 1) : null;
    // Log-normal network sizes: about 30 on average, a long tail beyond 150.
    const networkSize = Math.min(260, Math.max(8, Math.round(Math.exp(3.25 + 0.55 * normal(random)))));
    const practitionerIndex = choosePractitioner();
    const teamIndex = Math.floor(practitionerIndex / PRACTITIONERS_PER_TEAM);
    const personId = childIds[index]!;
    children.push({
      index,
      record: {
        personId,
        reference: `${prefix}-${padNumber(index + 1, 6, options.children)}`,
        status: closed ? 'closed' : 'open',
        openedOn: isoDay(openedDay),
        closedOn: closedDay === null ? null : isoDay(closedDay),
        isRestricted: chance(random, 0.015),
      },
      allocation: {
        id: allocationIds[index]!,
        childPersonId: personId,
        userId: users[practitionerIndex]!.id,
        teamId: teams[teamIndex]!.id,
        startsOn: isoDay(openedDay),
        endsOn: closedDay === null ? null : isoDay(closedDay),
      },
      dateOfBirth: isoDay(bornDay),
      networkSize,
      firstNetworkId: 0,
      practitionerIndex,
      teamIndex,
    });
    peopleCount += networkSize;
  }
  // The benchmark's practitioner (the first) works with at least one child whose network is
  // as large as the issue's target: 150 people and about 400 relationships.
  const large = children.find(
    (child) => child.practitionerIndex === 0 && child.record.status === 'open' && !child.record.isRestricted,
  );
  if (large && large.networkSize < LARGE_NETWORK_SIZE) {
    peopleCount += LARGE_NETWORK_SIZE - large.networkSize;
    large.networkSize = LARGE_NETWORK_SIZE;
  }
  for (const child of children) {
    child.firstNetworkId = nextId;
    nextId += child.networkSize - 1;
  }
  return {
    options,
    tenantId: uuidAt(seedFrom(options.seed, hashText(`tenant:${options.slug}`)), 0),
    emailDomain,
    teams,
    users,
    memberships,
    children,
    practitionerCount,
    managerCount,
    firstCoordinatorIndex,
    peopleCount,
    idKey,
  };
}

/** The index in `plan.users` of the team's manager. */
export const managerIndexFor = (plan: CouncilPlan, teamIndex: number) => plan.practitionerCount + teamIndex;
/** The index in `plan.users` of the coordinator who works with the team. */
export const coordinatorIndexFor = (plan: CouncilPlan, teamIndex: number) =>
  plan.firstCoordinatorIndex + Math.floor(teamIndex / TEAMS_PER_COORDINATOR);

// ---------------------------------------------------------------------------------------------
// A child's network

const nicknames: Readonly<Record<string, string>> = {
  Theodore: 'Theo',
  Alexander: 'Alex',
  Christopher: 'Chris',
  Oluwaseun: 'Seun',
  Muhammad: 'Mo',
  Isabella: 'Bella',
  Frederick: 'Freddie',
  Katarzyna: 'Kasia',
  Elizabeth: 'Lizzie',
  Jessica: 'Jess',
  Rebecca: 'Becky',
  Patricia: 'Pat',
  Margaret: 'Maggie',
  Matthew: 'Matt',
  Daniel: 'Dan',
  Joshua: 'Josh',
  Samuel: 'Sam',
  Chiamaka: 'Chi',
  Oleksandr: 'Sasha',
  Michael: 'Mike',
  Nicola: 'Nicky',
  Stephen: 'Steve',
  Zuzanna: 'Zuza',
};

const childStrengths = [
  'Loves drawing and shows everyone their pictures.',
  'Good at football; plays every Saturday.',
  'Kind to younger children and looks out for them.',
  'Funny, curious and full of questions.',
  'Proud of their reading; likes to read aloud.',
  'Enjoys cooking with family at weekends.',
  'Talks easily with adults they trust.',
  'Works hard at school, especially in maths.',
  'Likes music and is learning the guitar.',
  'Cares for the family’s pets.',
  'Knows what helps them calm down.',
  'Has a strong sense of fairness.',
];
const adultStrengths = [
  'Visits every week.',
  'Picks the children up from school on Tuesdays.',
  'Somewhere safe to go after school.',
  'Helps with homework.',
  'Takes them to their club at the weekend.',
  'Phones most evenings.',
  'Has offered to have the children to stay in the holidays.',
  'Knows the family well and is trusted by them.',
  'Came to the family network meeting.',
  'Speaks up for the child at meetings.',
  'Helps with shopping and money when things are hard.',
  'Someone to talk to.',
];

interface Family {
  group: NameGroup;
  surname: string;
}

function newFamily(random: Random, base?: Family): Family {
  // Most families share a background; some mix (about one in seven, as in the census).
  const group = base && !chance(random, 0.15) ? base.group : pickWeighted(random, nameGroups);
  return { group, surname: pick(random, group.surnames) };
}

type Sex = 'female' | 'male' | 'other';

function firstName(random: Random, group: NameGroup, sex: Sex): string {
  if (sex === 'other') return pick(random, neutralFirstNames);
  return pick(random, sex === 'female' ? group.female : group.male);
}

const pronounsOf: Record<Sex, string> = { female: 'she/her', male: 'he/him', other: 'they/them' };

function languagesOf(random: Random, group: NameGroup): string[] {
  const home = group.languages.length > 0 && chance(random, group === nameGroups[0] ? 0.03 : 0.55);
  return home ? ['English', pick(random, group.languages)] : ['English'];
}

/** Child i and the people around them: family on both sides, friends, school, clubs, professionals. */
export const LARGE_NETWORK_SIZE = 150;

export function generateNetwork(plan: CouncilPlan, childIndex: number): PersonRow[] {
  const child = plan.children[childIndex];
  if (!child) throw new RangeError(`no child ${childIndex}`);
  const random = mulberry32(seedFrom(plan.options.seed, hashText(plan.options.slug), 3, childIndex));
  const asOfDay = dayOf(plan.options.asOf);
  const childBorn = dayOf(child.dateOfBirth);
  const people: PersonRow[] = [];

  const person = (
    fields: Partial<PersonRow> & { fullName: string },
    relation: string | null,
    strengths: readonly string[] = adultStrengths,
  ): PersonRow => ({
    id: '', // given below, once the network is cut to size
    kind: 'person',
    knownAs: null,
    pronouns: null,
    gender: 'unknown',
    dateOfBirth: null,
    dateOfBirthIsApproximate: false,
    diedOn: null,
    languages: [],
    relation,
    whatTheyBring:
      relation === null
        ? null
        : strengths.length > 0 && chance(random, 0.7)
          ? `${relation}. ${pick(random, strengths)}`
          : relation,
    ...fields,
  });
  const human = (
    family: Family,
    sex: Sex,
    bornDay: number,
    relation: string,
    extra: { approximate?: boolean; mayHaveDied?: boolean } = {},
  ): PersonRow => {
    const first = firstName(random, family.group, sex);
    const born = Math.min(bornDay, asOfDay - 1);
    const ageYears = (asOfDay - born) / YEAR_DAYS;
    // Older relatives have sometimes died; they stay in the network (a genogram shows them).
    const died = extra.mayHaveDied && ageYears > 62 && chance(random, Math.min(0.6, (ageYears - 60) / 40));
    const diedDay = died ? Math.max(born + Math.floor(55 * YEAR_DAYS), asOfDay - between(random, 30, 15 * 365)) : null;
    return person(
      {
        fullName: `${first} ${family.surname}`,
        knownAs: chance(random, 0.3) ? (nicknames[first] ?? null) : null,
        pronouns: chance(random, 0.6) ? pronounsOf[sex] : null,
        gender: sex,
        dateOfBirth: isoDay(born),
        dateOfBirthIsApproximate: extra.approximate ?? false,
        diedOn: diedDay === null ? null : isoDay(Math.min(diedDay, asOfDay - 1)),
        languages: languagesOf(random, family.group),
      },
      relation,
    );
  };
  const sexOf = (): Sex => (chance(random, 0.02) ? 'other' : chance(random, 0.5) ? 'female' : 'male');
  const yearsBefore = (day: number, low: number, high: number) =>
    day - Math.floor(between(random, low, high) * YEAR_DAYS) - between(random, 0, 364);

  // The child
  const mothersFamily = newFamily(random);
  const fathersFamily = newFamily(random, mothersFamily);
  const childFamily = chance(random, 0.6) ? fathersFamily : mothersFamily;
  const childSex = sexOf();
  const childFirst = firstName(random, childFamily.group, childSex);
  people.push(
    person(
      {
        fullName: `${childFirst} ${childFamily.surname}`,
        knownAs: chance(random, 0.2) ? (nicknames[childFirst] ?? null) : null,
        pronouns: pronounsOf[childSex],
        gender: childSex,
        dateOfBirth: child.dateOfBirth,
        languages: languagesOf(random, childFamily.group),
        whatTheyBring: pick(random, childStrengths),
      },
      null,
    ),
  );
  const name = people[0]!.knownAs ?? childFirst;

  // Parents and the household
  const mother = human(mothersFamily, 'female', yearsBefore(childBorn, 17, 42), `${name}’s mum`);
  const father = human(fathersFamily, 'male', yearsBefore(childBorn, 18, 48), `${name}’s dad`);
  const core: PersonRow[] = [mother, father];
  if (chance(random, 0.3)) {
    core.push(human(newFamily(random, mothersFamily), sexOf(), yearsBefore(childBorn, 18, 45), `Mum’s partner`));
  }
  const siblingCount = between(random, 0, 4);
  for (let index = 0; index < siblingCount; index += 1) {
    const bornDay = Math.min(asOfDay - 30, childBorn + between(random, -8 * 365, 8 * 365));
    core.push(human(chance(random, 0.7) ? childFamily : newFamily(random, mothersFamily), sexOf(), bornDay, 'Sibling'));
  }
  // Grandparents, on both sides
  for (const [side, family, parent] of [
    ['maternal', mothersFamily, mother],
    ['paternal', fathersFamily, father],
  ] as const) {
    const parentBorn = dayOf(parent.dateOfBirth!);
    for (const sex of ['female', 'male'] as const) {
      core.push(
        human(
          family,
          sex,
          yearsBefore(parentBorn, 18, 38),
          `${name}’s ${side} ${sex === 'female' ? 'grandmother' : 'grandfather'}`,
          { approximate: chance(random, 0.35), mayHaveDied: true },
        ),
      );
    }
  }
  // The school, and the professionals who know the child
  const school = `${pick(random, schoolNames)} ${
    (asOfDay - childBorn) / YEAR_DAYS < 11 ? 'Primary School' : pick(random, ['Academy', 'High School', 'School'])
  }`;
  core.push(person({ kind: 'place', fullName: school }, `${name}’s school`, []));
  const professional = () => {
    const family = newFamily(random);
    const sex = chance(random, 0.75) ? 'female' : 'male';
    const role = pick(random, professionalRoles);
    return person(
      {
        fullName: `${firstName(random, family.group, sex)} ${family.surname}`,
        pronouns: chance(random, 0.4) ? pronounsOf[sex] : null,
        gender: sex,
      },
      `${role}${role === 'Class teacher' ? ` at ${school}` : chance(random, 0.4) ? ` at ${pick(random, placeNames)}` : ''}`,
      [],
    );
  };
  for (let index = between(random, 2, 5); index > 0; index -= 1) core.push(professional());

  // Everyone else, drawn until the network reaches its size: the long tail is mostly wider
  // family, friends and the professionals who come and go over the years.
  const aunt = () =>
    human(
      chance(random, 0.5) ? mothersFamily : fathersFamily,
      sexOf(),
      yearsBefore(childBorn, 15, 45),
      chance(random, 0.5) ? 'Aunt' : 'Uncle',
    );
  const others: { weight: number; make: () => PersonRow }[] = [
    { weight: 14, make: aunt },
    {
      weight: 12,
      make: () =>
        human(
          newFamily(random, mothersFamily),
          sexOf(),
          Math.min(asOfDay - 30, childBorn + between(random, -6 * 365, 6 * 365)),
          'Cousin',
        ),
    },
    {
      weight: 16,
      make: () =>
        human(
          newFamily(random),
          sexOf(),
          Math.min(asOfDay - 30, childBorn + between(random, -400, 400)),
          `${name}’s friend`,
        ),
    },
    {
      weight: 8,
      make: () => human(newFamily(random), sexOf(), yearsBefore(childBorn, 20, 60), 'Neighbour'),
    },
    {
      weight: 8,
      make: () => human(newFamily(random), sexOf(), yearsBefore(childBorn, 18, 50), 'Family friend'),
    },
    {
      weight: 5,
      make: () =>
        human(
          chance(random, 0.5) ? mothersFamily : fathersFamily,
          sexOf(),
          yearsBefore(childBorn, 45, 75),
          chance(random, 0.5) ? 'Great-aunt' : 'Great-uncle',
          { approximate: true, mayHaveDied: true },
        ),
    },
    { weight: 12, make: professional },
    {
      weight: 5,
      make: () =>
        person({ kind: 'group', fullName: `${pick(random, schoolNames)} ${pick(random, clubKinds)}` }, 'A club'),
    },
    {
      weight: 1,
      make: () => person({ kind: 'online_community', fullName: pick(random, onlineCommunities) }, 'Online', []),
    },
    {
      weight: 2,
      make: () => person({ kind: 'place', fullName: pick(random, placeNames) }, 'A place that matters', []),
    },
  ];
  for (const member of core) {
    if (people.length >= child.networkSize) break;
    people.push(member);
  }
  while (people.length < child.networkSize) people.push(pickWeighted(random, others).make());
  // Ids are handed out only to the people kept, so networks never overlap in the id sequence.
  people.forEach((member, index) => {
    member.id = index === 0 ? child.record.personId : uuidAt(plan.idKey, child.firstNetworkId + index - 1);
  });
  return people;
}

// ---------------------------------------------------------------------------------------------
// The audit trail: a year of use, in time order

/** Kith went live this many days before the as-of date; the trail starts then. */
export const TRAIL_DAYS = 365;
const VIEWS_PER_CHILD = 20;
const SIGN_INS_PER_STAFF_PER_YEAR = 104;

type EventKind =
  | 'view_allowed'
  | 'view_denied'
  | 'who_has_seen'
  | 'sign_in_accepted'
  | 'sign_in_succeeded'
  | 'sign_in_failed'
  | 'signed_out'
  | 'audit_searched'
  | 'record';

/**
 * What the service that made or changed a record (an assessment, a plan, a meeting...) wrote
 * to the trail, in its own words: the generators of those records plan these (see
 * synthetic-records.ts) and the trail takes those dated inside its year.
 */
export interface RecordAuditEvent {
  at: number;
  userIndex: number;
  childIndex: number;
  action: string;
  subjectType: string;
  subjectId: string;
  details: AuditDetails;
  reason: string | null;
}

/** One planned entry: when, what, who, about which child, and why (for the details). */
interface PlannedEvent {
  at: number;
  kind: EventKind;
  userIndex: number;
  childIndex: number;
  note: string;
  record?: RecordAuditEvent;
}

export interface AuditTrailPlan {
  plan: CouncilPlan;
  events: PlannedEvent[];
  requestIdKey: number;
}

/**
 * The trail a year of use would have written: records opened, signing in and out, audit
 * searches and, when given, the entries written as records were made (`recordEvents`, in the
 * order the generators planned them; only those inside the trail's year are kept).
 */
export function planAuditTrail(plan: CouncilPlan, recordEvents: Iterable<RecordAuditEvent> = []): AuditTrailPlan {
  const random = mulberry32(seedFrom(plan.options.seed, hashText(plan.options.slug), 4));
  const asOfDay = dayOf(plan.options.asOf);
  const firstDay = asOfDay - TRAIL_DAYS;
  const events: PlannedEvent[] = [];
  /** A moment in working hours on a day in [fromDay, toDay), mostly on weekdays. */
  const workingMoment = (fromDay: number, toDay: number) => {
    let day = fromDay + Math.floor(random() * Math.max(1, toDay - fromDay));
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
    if ((weekday === 0 || weekday === 6) && chance(random, 0.85)) day -= weekday === 6 ? 1 : 2;
    day = Math.max(fromDay, day);
    return day * DAY_MS + Math.floor((8 + random() * 10.5) * 3_600_000);
  };
  const managerIndex = (teamIndex: number) => managerIndexFor(plan, teamIndex);
  const auditorIndex = plan.users.findIndex((user) => user.roles.includes('auditor'));

  for (const child of plan.children) {
    const from = Math.max(firstDay, dayOf(child.record.openedOn));
    const to = child.record.closedOn ? dayOf(child.record.closedOn) : asOfDay;
    if (to <= from) continue;
    const share = Math.min(1, (to - from) / 180);
    const views = Math.max(1, Math.round(VIEWS_PER_CHILD * (0.25 + 1.5 * random()) * share));
    const teamStart = child.teamIndex * PRACTITIONERS_PER_TEAM;
    const teamEnd = Math.min(plan.practitionerCount, teamStart + PRACTITIONERS_PER_TEAM);
    // What the policy would have answered for this person opening this record.
    const viewBy = (userIndex: number): { kind: EventKind; note: string } => {
      const isManager = userIndex >= plan.practitionerCount;
      const basis =
        userIndex === child.practitionerIndex
          ? 'allocated'
          : isManager
            ? 'managed_team'
            : Math.floor(userIndex / PRACTITIONERS_PER_TEAM) === child.teamIndex
              ? 'team'
              : null;
      if (basis === null) return { kind: 'view_denied', note: 'no_relationship' };
      // A restricted record needs a reason from anyone but the allocated worker.
      if (child.record.isRestricted && basis !== 'allocated') {
        return { kind: 'view_denied', note: 'restricted_reason_needed' };
      }
      return { kind: 'view_allowed', note: basis };
    };
    for (let view = 0; view < views; view += 1) {
      const at = workingMoment(from, to);
      const roll = random();
      const userIndex =
        roll < 0.72
          ? child.practitionerIndex
          : roll < 0.86
            ? between(random, teamStart, teamEnd - 1)
            : roll < 0.98
              ? managerIndex(child.teamIndex)
              : // someone from another team following a wrong link: refused, and recorded
                between(random, 0, plan.practitionerCount - 1);
      events.push({ at, userIndex, childIndex: child.index, ...viewBy(userIndex) });
    }
    if (chance(random, 0.1)) {
      events.push({
        at: workingMoment(from, to),
        kind: 'who_has_seen',
        userIndex: managerIndex(child.teamIndex),
        childIndex: child.index,
        note: '',
      });
    }
  }

  for (let userIndex = 0; userIndex < plan.users.length; userIndex += 1) {
    const user = plan.users[userIndex]!;
    const signIns = Math.round(SIGN_INS_PER_STAFF_PER_YEAR * (0.6 + 0.8 * random()));
    for (let count = 0; count < signIns; count += 1) {
      const at = workingMoment(firstDay, asOfDay);
      if (chance(random, 0.03)) {
        events.push({
          at: at - between(random, 20_000, 90_000),
          kind: 'sign_in_failed',
          userIndex,
          childIndex: -1,
          note: '',
        });
      }
      const twoFactor = user.totpSecret !== null;
      events.push({ at, kind: 'sign_in_accepted', userIndex, childIndex: -1, note: twoFactor ? 'required' : 'done' });
      if (twoFactor) {
        events.push({
          at: at + between(random, 8_000, 40_000),
          kind: 'sign_in_succeeded',
          userIndex,
          childIndex: -1,
          note: '',
        });
      }
      if (chance(random, 0.3)) {
        events.push({
          at: at + between(random, 1, 7) * 3_600_000,
          kind: 'signed_out',
          userIndex,
          childIndex: -1,
          note: '',
        });
      }
    }
  }

  const searches = Math.round((TRAIL_DAYS * 5) / 7) * 2;
  for (let count = 0; count < searches; count += 1) {
    const aboutChild = chance(random, 0.4) ? between(random, 0, plan.children.length - 1) : -1;
    events.push({
      at: workingMoment(firstDay, asOfDay),
      kind: 'audit_searched',
      userIndex: auditorIndex,
      childIndex: aboutChild,
      note: '',
    });
  }

  const start = firstDay * DAY_MS;
  for (const record of recordEvents) {
    if (record.at < start) continue; // made before Kith went live: brought across, not audited
    events.push({
      at: record.at,
      kind: 'record',
      userIndex: record.userIndex,
      childIndex: record.childIndex,
      note: '',
      record,
    });
  }

  // Nothing is dated after the as-of date (a sign-out hours later could be).
  const end = asOfDay * DAY_MS;
  const kept = events.filter((event) => event.at < end);
  // Sorting is stable, so equal times keep the order they were planned in: still deterministic.
  kept.sort((a, b) => a.at - b.at);
  return { plan, events: kept, requestIdKey: seedFrom(plan.options.seed, hashText(plan.options.slug), 5) };
}

/** Entry `index` (0-based) of the trail, as recordAuditEvent would have written it, unchained. */
export function auditFieldsAt(trail: AuditTrailPlan, index: number): ChainedFields {
  const event = trail.events[index];
  if (!event) throw new RangeError(`no audit entry ${index}`);
  const { plan } = trail;
  const user = plan.users[event.userIndex]!;
  const child = event.childIndex >= 0 ? plan.children[event.childIndex]! : null;
  const staffLabel = `${user.fullName} (${user.roles.join(', ')})`;
  const signInLabel = `${user.fullName} <${user.email}>`;
  const base = {
    tenantId: plan.tenantId,
    sequence: index + 1,
    occurredAt: new Date(event.at),
    actorUserId: user.id,
    reason: null,
    sourceIp: user.sourceIp,
    userAgent: user.userAgent,
    requestId: uuidAt(trail.requestIdKey, index),
  };
  const aboutChild = child
    ? { subjectType: 'child_record', subjectId: child.record.personId, childPersonId: child.record.personId }
    : { subjectType: null, subjectId: null, childPersonId: null };
  const aboutUser = { subjectType: 'user', subjectId: user.id, childPersonId: null };
  switch (event.kind) {
    case 'view_allowed':
      return {
        ...base,
        ...aboutChild,
        actorLabel: staffLabel,
        action: 'child_record.view',
        outcome: 'allowed',
        details: { basis: event.note },
      };
    case 'view_denied':
      return {
        ...base,
        ...aboutChild,
        actorLabel: staffLabel,
        action: 'child_record.view',
        outcome: 'denied',
        details: { reason: event.note },
      };
    case 'who_has_seen':
      return {
        ...base,
        ...aboutChild,
        actorLabel: staffLabel,
        action: 'audit.who_has_seen_viewed',
        outcome: 'allowed',
        details: {},
      };
    case 'sign_in_accepted':
      return {
        ...base,
        ...aboutUser,
        actorLabel: signInLabel,
        action: 'sign_in.password_accepted',
        outcome: 'allowed',
        details: { secondFactor: event.note },
      };
    case 'sign_in_succeeded':
      return {
        ...base,
        ...aboutUser,
        actorLabel: signInLabel,
        action: 'sign_in.succeeded',
        outcome: 'allowed',
        details: { usedRecoveryCode: false },
      };
    case 'sign_in_failed':
      return {
        ...base,
        ...aboutUser,
        actorLabel: signInLabel,
        action: 'sign_in.failed',
        outcome: 'failed',
        details: { accountDisabled: false },
      };
    case 'signed_out':
      return {
        ...base,
        subjectType: null,
        subjectId: null,
        childPersonId: null,
        actorLabel: user.fullName,
        action: 'sign_in.signed_out',
        outcome: 'allowed',
        details: {},
      };
    case 'record': {
      const record = event.record!;
      return {
        ...base,
        subjectType: record.subjectType,
        subjectId: record.subjectId,
        childPersonId: child?.record.personId ?? null,
        actorLabel: staffLabel,
        action: record.action,
        outcome: 'allowed',
        reason: record.reason,
        details: record.details,
      };
    }
    case 'audit_searched':
      return {
        ...base,
        subjectType: null,
        subjectId: null,
        childPersonId: null,
        actorLabel: staffLabel,
        action: 'audit.searched',
        outcome: 'allowed',
        details: {
          action: 'child_record.view',
          outcome: null,
          childPersonId: child?.record.personId ?? null,
          actorUserId: null,
          from: null,
          to: null,
        },
      };
  }
}

export interface ChainedEntry {
  fields: ChainedFields;
  previousHash: string;
  hash: string;
}

/** The whole trail, chained from the genesis hash: what audit_events and its head must hold. */
export function* chainedAuditEntries(trail: AuditTrailPlan): Generator<ChainedEntry> {
  let previousHash = GENESIS_HASH;
  for (let index = 0; index < trail.events.length; index += 1) {
    const fields = auditFieldsAt(trail, index);
    const hash = hashEntry(previousHash, fields);
    yield { fields, previousHash, hash };
    previousHash = hash;
  }
}

// ---------------------------------------------------------------------------------------------
// Everything at once, for tests and small councils

export interface GeneratedCouncil {
  plan: CouncilPlan;
  people: PersonRow[];
  childRecords: ChildRecordRow[];
  allocations: AllocationRow[];
  auditEntries: ChainedEntry[];
}

export function generateCouncil(options: SyntheticOptions): GeneratedCouncil {
  const plan = planCouncil(options);
  return {
    plan,
    people: plan.children.flatMap((child) => generateNetwork(plan, child.index)),
    childRecords: plan.children.map((child) => child.record),
    allocations: plan.children.map((child) => child.allocation),
    auditEntries: [...chainedAuditEntries(planAuditTrail(plan))],
  };
}

// ---------------------------------------------------------------------------------------------
// The child's ties: who is in which part of their world, and how everyone relates

export interface NetworkMemberRow {
  childPersonId: string;
  personId: string;
  circle: 'family' | 'friends_and_community' | 'professional';
}

export interface TieRow {
  id: string;
  fromPersonId: string;
  toPersonId: string;
  type: string;
  closeness: 'strong' | 'moderate' | 'tenuous';
  quality: 'supportive' | 'mixed' | 'stressful' | 'broken';
  supportFlows: 'from_first' | 'to_first' | 'both' | 'none';
  lovesTheChild: boolean | null;
  childLovesThem: boolean | null;
  lifelongConnection: boolean;
  safetyNetworkRole: string | null;
}

/** The relationship type and part of the child's world a generated relation stands for. */
export function tieForRelation(
  relation: string,
  kind: PersonKind,
): { type: string; circle: NetworkMemberRow['circle'] } {
  if (kind !== 'person') return { type: 'member', circle: 'friends_and_community' };
  if (relation.endsWith('’s mum')) return { type: 'mother', circle: 'family' };
  if (relation.endsWith('’s dad')) return { type: 'father', circle: 'family' };
  if (relation === 'Mum’s partner') return { type: 'step_parent', circle: 'family' };
  if (relation === 'Sibling') return { type: 'sibling', circle: 'family' };
  if (relation.endsWith('grandmother')) return { type: 'grandmother', circle: 'family' };
  if (relation.endsWith('grandfather')) return { type: 'grandfather', circle: 'family' };
  if (relation === 'Aunt' || relation === 'Great-aunt') return { type: 'aunt', circle: 'family' };
  if (relation === 'Uncle' || relation === 'Great-uncle') return { type: 'uncle', circle: 'family' };
  if (relation === 'Cousin') return { type: 'cousin', circle: 'family' };
  if (relation.endsWith('’s friend')) return { type: 'friend', circle: 'friends_and_community' };
  if (relation === 'Neighbour') return { type: 'neighbour', circle: 'friends_and_community' };
  if (relation === 'Family friend') return { type: 'family_friend', circle: 'friends_and_community' };
  if (relation.startsWith('Class teacher')) return { type: 'teacher', circle: 'professional' };
  if (relation.startsWith('Social worker')) return { type: 'social_worker', circle: 'professional' };
  if (relation.startsWith('Health visitor')) return { type: 'health_visitor', circle: 'professional' };
  if (relation.startsWith('GP')) return { type: 'doctor', circle: 'professional' };
  if (relation.startsWith('Youth worker')) return { type: 'youth_worker', circle: 'professional' };
  return { type: 'other', circle: 'professional' };
}

const safetyRoles = [
  'Collects the children from school on Tuesdays',
  'Someone to call any time',
  'Has the children for tea on Wednesdays',
  'Checks in every weekend',
  'A safe place to go',
  'Goes to the review meetings',
];

/**
 * Everyone's place in the child's world and the ties between them: one tie from each person
 * to the child, the parents and grandparents to each other, and, for the wider network, one
 * or two ties between other people, so a network of 150 has about 400 relationships.
 */
export function generateTies(
  plan: CouncilPlan,
  childIndex: number,
  people: readonly PersonRow[],
): { members: NetworkMemberRow[]; ties: TieRow[] } {
  const child = plan.children[childIndex];
  if (!child) throw new RangeError(`no child ${childIndex}`);
  const random = mulberry32(seedFrom(plan.options.seed, hashText(plan.options.slug), 5, childIndex));
  const childId = people[0]!.id;
  const members: NetworkMemberRow[] = [];
  const ties: TieRow[] = [];
  const seen = new Set<string>();
  const relationshipKey = seedFrom(plan.idKey, 7);
  const limit = 4 * Math.max(1, people.length - 1);
  const add = (tie: Omit<TieRow, 'id'>) => {
    const key = `${[tie.fromPersonId, tie.toPersonId].sort().join('+')}:${tie.type}`;
    if (seen.has(key) || tie.fromPersonId === tie.toPersonId || ties.length >= limit) return;
    seen.add(key);
    ties.push({ id: uuidAt(relationshipKey, child.firstNetworkId * 4 + ties.length), ...tie });
  };
  const plain = { lovesTheChild: null, childLovesThem: null, lifelongConnection: false, safetyNetworkRole: null };
  const byRelation = new Map<string, string[]>();
  for (const person of people.slice(1)) {
    const { type, circle } = tieForRelation(person.relation ?? '', person.kind);
    members.push({ childPersonId: childId, personId: person.id, circle });
    byRelation.set(type, [...(byRelation.get(type) ?? []), person.id]);
    const family = circle === 'family';
    const closeness = pickWeighted(random, [
      { weight: family ? 5 : 2, value: 'strong' as const },
      { weight: 4, value: 'moderate' as const },
      { weight: family ? 2 : 4, value: 'tenuous' as const },
    ]).value;
    add({
      fromPersonId: person.id,
      toPersonId: childId,
      type,
      closeness,
      quality: pickWeighted(random, [
        { weight: 14, value: 'supportive' as const },
        { weight: 4, value: 'mixed' as const },
        { weight: 2, value: 'stressful' as const },
        { weight: 1, value: 'broken' as const },
      ]).value,
      supportFlows: type === 'member' ? 'to_first' : chance(random, 0.25) ? 'both' : 'from_first',
      lovesTheChild: family || chance(random, 0.3) ? chance(random, 0.8) || null : null,
      childLovesThem: family || type === 'friend' ? chance(random, 0.7) || null : null,
      lifelongConnection: family && closeness === 'strong' && chance(random, 0.6),
      safetyNetworkRole: circle !== 'professional' && chance(random, 0.15) ? pick(random, safetyRoles) : null,
    });
  }
  const first = (type: string) => byRelation.get(type)?.[0];
  const [mother, father] = [first('mother'), first('father')];
  if (mother && father) {
    add({
      fromPersonId: mother,
      toPersonId: father,
      type: chance(random, 0.6) ? 'separated' : 'partner',
      closeness: 'tenuous',
      quality: 'mixed',
      supportFlows: 'none',
      ...plain,
    });
  }
  const grandparents = [...(byRelation.get('grandmother') ?? []), ...(byRelation.get('grandfather') ?? [])];
  grandparents.forEach((grandparent, index) => {
    const parent = index % 2 === 0 ? mother : father;
    if (parent)
      add({
        fromPersonId: grandparent,
        toPersonId: parent,
        type: index < 2 ? 'mother' : 'father',
        closeness: 'strong',
        quality: 'supportive',
        supportFlows: 'from_first',
        ...plain,
      });
  });
  const partner = first('step_parent');
  if (partner && mother)
    add({
      fromPersonId: mother,
      toPersonId: partner,
      type: 'partner',
      closeness: 'strong',
      quality: 'supportive',
      supportFlows: 'both',
      ...plain,
    });
  // The wider network knows each other too.
  const everyone = people.slice(1).filter((person) => person.kind === 'person');
  for (const person of everyone.slice(8)) {
    for (let count = between(random, 1, 2); count > 0; count -= 1) {
      const other = pick(random, everyone);
      add({
        fromPersonId: person.id,
        toPersonId: other.id,
        type: pick(random, ['friend', 'family_friend', 'neighbour', 'other']),
        closeness: 'moderate',
        quality: 'supportive',
        supportFlows: 'both',
        ...plain,
      });
    }
  }
  return { members, ties };
}
