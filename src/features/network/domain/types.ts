/**
 * The child's network as plain data: the people in a child's world, the ties between them,
 * and the homes they share. No I/O and no framework: the value arrays here feed zod schemas
 * elsewhere, and the labels are the words the pages, the ecomap and the genogram all use.
 *
 * Labels are written for families as well as practitioners (a family may read the record,
 * and the child may read it years later), so they describe ties by what they are and what
 * they could become, never by what a person lacks.
 */

/** Mirrors `personKinds` in src/features/people/schema.ts (kept here so this module stays pure). */
export const personKinds = ['person', 'group', 'place', 'online_community'] as const;
export type PersonKind = (typeof personKinds)[number];

/** Mirrors `genders` in src/features/people/schema.ts. */
export const genders = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof genders)[number];

/** The three parts of a child's world an ecomap is drawn in. */
export const circles = ['family', 'friends_and_community', 'professional'] as const;
export type Circle = (typeof circles)[number];

export const closenessLevels = ['strong', 'moderate', 'tenuous'] as const;
export type Closeness = (typeof closenessLevels)[number];

export const qualities = ['supportive', 'mixed', 'stressful', 'broken'] as const;
export type Quality = (typeof qualities)[number];

/**
 * Which way support flows, relative to the two ends of a relationship as recorded, so a tie
 * between Nan and Mum can say who supports whom as well as a tie with the child can.
 */
export const supportDirections = ['from_first', 'to_first', 'both', 'none'] as const;
export type SupportDirection = (typeof supportDirections)[number];

/** The same, seen from the child: what the ecomap's arrows and the table say. */
export const childSupportDirections = ['to_child', 'from_child', 'both', 'none'] as const;
export type ChildSupportDirection = (typeof childSupportDirections)[number];

/**
 * How the first person (`fromPersonId`) is related to the second (`toPersonId`): Sarah → Mia
 * "mother" says Sarah is Mia's mother. Symmetric types (sibling, partner, friend) read either
 * way. Ordered as a form would offer them. A superset of the types the brief names, so data
 * already recorded through the network forms (godparent, carer, member...) still reads.
 */
export const relationshipTypes = [
  'mother',
  'father',
  'parent',
  'step_parent',
  'carer',
  'partner',
  'married',
  'separated',
  'divorced',
  'grandmother',
  'grandfather',
  'grandparent',
  'sibling',
  'half_sibling',
  'step_sibling',
  'aunt',
  'uncle',
  'cousin',
  'godparent',
  'family_friend',
  'friend',
  'neighbour',
  'teacher',
  'youth_worker',
  'coach',
  'social_worker',
  'health_visitor',
  'doctor',
  'member',
  'other',
] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

export interface NetworkPerson {
  id: string;
  kind: PersonKind;
  fullName: string;
  knownAs: string | null;
  gender: Gender;
  /** ISO date (YYYY-MM-DD) or null. */
  dateOfBirth: string | null;
  /** When only the year or an estimate is known: the genogram shows "c. 1962". */
  dateOfBirthIsApproximate?: boolean;
  diedOn: string | null;
  /** As the person gives them ("she/her"); used only to phrase prompts about the child. */
  pronouns?: string | null;
  circle: Circle;
}

export interface Relationship {
  id: string;
  fromPersonId: string;
  toPersonId: string;
  type: RelationshipType;
  closeness: Closeness;
  quality: Quality;
  supportFlows: SupportDirection;
  /** Only meaningful on a tie with the child: null means nobody has asked yet. */
  lovesTheChild: boolean | null;
  childLovesThem: boolean | null;
  lifelongConnection: boolean;
  /** What this person does in the safety network, in the family's words; null if not a member. */
  safetyNetworkRole: string | null;
  /** ISO dates (YYYY-MM-DD). */
  startedOn: string | null;
  endedOn: string | null;
  notes: string | null;
}

export interface Household {
  id: string;
  /** As the family says it ("Mum's house"); optional because a home need not be named. */
  name?: string;
  memberIds: string[];
}

export const personKindLabels: Record<PersonKind, string> = {
  person: 'Person',
  group: 'Group or club',
  place: 'Place',
  online_community: 'Online community',
};

export const genderLabels: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Describes their gender another way',
  unknown: 'Not recorded yet',
};

export const circleLabels: Record<Circle, string> = {
  family: 'Family',
  friends_and_community: 'Friends and community',
  professional: 'Professionals',
};

/** Longer wording for hints and table captions: who belongs in each part of the world. */
export const circleDescriptions: Record<Circle, string> = {
  family: 'Family, by birth or by choice',
  friends_and_community: 'Friends, neighbours, clubs, places and online communities',
  professional: 'People who work with the family, such as teachers, health visitors and social workers',
};

/**
 * "Tenuous" is the ecomap's own word, but families hear it as a judgement; "light" says the
 * same thing and leaves room for the tie to grow.
 */
export const closenessLabels: Record<Closeness, string> = {
  strong: 'Strong',
  moderate: 'Steady',
  tenuous: 'Light',
};

export const closenessDescriptions: Record<Closeness, string> = {
  strong: 'A close tie the child can rely on',
  moderate: 'A steady tie, in touch regularly',
  tenuous: 'A light or occasional tie that could grow',
};

export const qualityLabels: Record<Quality, string> = {
  supportive: 'Supportive',
  mixed: 'Mixed',
  stressful: 'Under strain',
  broken: 'Broken off for now',
};

export const qualityDescriptions: Record<Quality, string> = {
  supportive: 'The tie helps and feels good',
  mixed: 'Some good times and some hard ones',
  stressful: 'The tie is under strain at the moment',
  broken: 'Not in touch at the moment; the tie may be repaired',
};

export const supportDirectionLabels: Record<SupportDirection, string> = {
  from_first: 'From the first person to the second',
  to_first: 'From the second person to the first',
  both: 'Both ways',
  none: 'Not recorded yet',
};

export const childSupportLabels: Record<ChildSupportDirection, string> = {
  to_child: 'Supports the child',
  from_child: 'The child supports them',
  both: 'Support flows both ways',
  none: 'No support recorded yet',
};

/** Plain words for each type, as a family would say them (brothers and sisters, not siblings). */
export const relationshipTypeLabels: Record<RelationshipType, string> = {
  mother: 'Mother',
  father: 'Father',
  parent: 'Parent',
  step_parent: 'Step-parent',
  carer: 'Carer',
  partner: 'Partner',
  married: 'Married',
  separated: 'Separated',
  divorced: 'Divorced',
  grandmother: 'Grandmother',
  grandfather: 'Grandfather',
  grandparent: 'Grandparent',
  sibling: 'Brother or sister',
  half_sibling: 'Half-brother or half-sister',
  step_sibling: 'Stepbrother or stepsister',
  aunt: 'Aunt',
  uncle: 'Uncle',
  cousin: 'Cousin',
  godparent: 'Godparent',
  family_friend: 'Family friend',
  friend: 'Friend',
  neighbour: 'Neighbour',
  teacher: 'Teacher',
  youth_worker: 'Youth worker',
  coach: 'Coach',
  social_worker: 'Social worker',
  health_visitor: 'Health visitor',
  doctor: 'Doctor',
  member: 'Member or regular',
  other: 'Something else',
};

/** Words that can be said of one person when their gender is known ("sister", not "brother or sister"). */
const gendered: Partial<Record<RelationshipType, Partial<Record<Gender, string>>>> = {
  sibling: { female: 'Sister', male: 'Brother' },
  half_sibling: { female: 'Half-sister', male: 'Half-brother' },
  step_sibling: { female: 'Stepsister', male: 'Stepbrother' },
  parent: { female: 'Mother', male: 'Father' },
  grandparent: { female: 'Grandmother', male: 'Grandfather' },
};

/** The word for what a person is to someone else, using their gender where it helps. */
export function relationshipWord(type: string, gender: Gender = 'unknown'): string {
  const known = type as RelationshipType;
  const specific = gendered[known]?.[gender];
  if (specific) return specific;
  // Data recorded before a type was added still reads as words, not as a code.
  return relationshipTypeLabels[known] ?? type.replaceAll('_', ' ');
}

/** Relationship types that place the first person one generation above the second. */
export const parentTypes: ReadonlySet<RelationshipType> = new Set(['mother', 'father', 'parent']);
/** A couple, in any state: the genogram draws these side by side. */
export const coupleTypes: ReadonlySet<RelationshipType> = new Set(['partner', 'married', 'separated', 'divorced']);
export const grandparentTypes: ReadonlySet<RelationshipType> = new Set(['grandmother', 'grandfather', 'grandparent']);
export const auntOrUncleTypes: ReadonlySet<RelationshipType> = new Set(['aunt', 'uncle']);
export const sameGenerationTypes: ReadonlySet<RelationshipType> = new Set([
  'sibling',
  'half_sibling',
  'step_sibling',
  'cousin',
]);

/** The other end of a relationship, or null if `personId` is at neither end. */
export function otherEnd(relationship: Relationship, personId: string): string | null {
  if (relationship.fromPersonId === personId) return relationship.toPersonId;
  if (relationship.toPersonId === personId) return relationship.fromPersonId;
  return null;
}

/**
 * Which way support flows between the child and someone, from the child's side, whichever
 * way round the relationship was recorded.
 */
export function supportRelativeToChild(relationship: Relationship, childId: string): ChildSupportDirection {
  const flows = relationship.supportFlows;
  if (flows === 'both' || flows === 'none') return flows;
  const childIsFirst = relationship.fromPersonId === childId;
  // from_first: support flows from the first person to the second.
  if (flows === 'from_first') return childIsFirst ? 'from_child' : 'to_child';
  return childIsFirst ? 'to_child' : 'from_child';
}
