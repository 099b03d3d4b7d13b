/**
 * The network as plain data, and what can be read from it: who loves the child, lifelong
 * connections, the safety network, and gentle prompts where the picture looks thin. Pure: no
 * I/O, so the ecomap, the genogram, the pages and the API all read the same answers.
 */
import type { Circle, Closeness, Quality, SupportDirection } from './schema.js';
import { relationshipTypeNames, type RelationshipType } from './validation.js';

export interface GraphPerson {
  id: string;
  kind: 'person' | 'group' | 'place' | 'online_community';
  fullName: string;
  knownAs: string | null;
  gender: 'female' | 'male' | 'other' | 'unknown';
  dateOfBirth: string | null;
  diedOn: string | null;
  /** Null for the child at the centre. */
  circle: Circle | null;
  position: { x: number; y: number } | null;
  noLongerInvolvedOn: string | null;
}

export interface GraphRelationship {
  id: string;
  fromPersonId: string;
  toPersonId: string;
  type: string;
  closeness: Closeness;
  quality: Quality;
  supportFlows: SupportDirection;
  lovesTheChild: boolean | null;
  childLovesThem: boolean | null;
  lifelongConnection: boolean;
  safetyNetworkRole: string | null;
  startedOn: string | null;
  endedOn: string | null;
}

export interface ChildGraph {
  childId: string;
  people: GraphPerson[];
  relationships: GraphRelationship[];
}

export const closenessNames: Record<Closeness, string> = { strong: 'Strong', moderate: 'Moderate', tenuous: 'Tenuous' };
export const qualityNames: Record<Quality, string> = {
  supportive: 'Supportive',
  mixed: 'Mixed',
  stressful: 'Stressful',
  broken: 'Broken off',
};
export const circleNames: Record<Circle, string> = {
  family: 'Family',
  friends_and_community: 'Friends and community',
  professional: 'Professionals',
};

export const displayName = (person: Pick<GraphPerson, 'fullName' | 'knownAs'>): string =>
  person.knownAs ? `${person.knownAs} (${person.fullName})` : person.fullName;
export const shortName = (person: Pick<GraphPerson, 'fullName' | 'knownAs'>): string =>
  person.knownAs ?? person.fullName.split(' ')[0] ?? person.fullName;

export function relationshipTypeName(type: string): string {
  return relationshipTypeNames[type as RelationshipType] ?? type.replaceAll('_', ' ');
}

const tiesWithChild = new WeakMap<ChildGraph, Map<string, GraphRelationship>>();

/**
 * The tie between the child and one person, whichever way round it was recorded (the first
 * recorded, if there are several). Indexed once per graph: pages ask this for every person.
 */
export function tieWithChild(graph: ChildGraph, personId: string): GraphRelationship | undefined {
  let ties = tiesWithChild.get(graph);
  if (!ties) {
    ties = new Map();
    for (const relationship of graph.relationships) {
      const other =
        relationship.toPersonId === graph.childId
          ? relationship.fromPersonId
          : relationship.fromPersonId === graph.childId
            ? relationship.toPersonId
            : null;
      if (other !== null && !ties.has(other)) ties.set(other, relationship);
    }
    tiesWithChild.set(graph, ties);
  }
  return ties.get(personId);
}

/** Which way support flows between the child and a person, from the child's point of view. */
export function supportForChild(
  relationship: GraphRelationship,
  personId: string,
): 'to_child' | 'from_child' | 'both' | 'none' {
  if (relationship.supportFlows === 'both' || relationship.supportFlows === 'none') return relationship.supportFlows;
  const fromPerson = relationship.fromPersonId === personId;
  const flowsFromFirst = relationship.supportFlows === 'from_first';
  return fromPerson === flowsFromFirst ? 'to_child' : 'from_child';
}

const isCurrent = (person: GraphPerson) => person.noLongerInvolvedOn === null && person.diedOn === null;

export interface NetworkSummary {
  peopleCount: number;
  lovesTheChild: GraphPerson[];
  childLoves: GraphPerson[];
  lifelongConnections: GraphPerson[];
  safetyNetwork: { person: GraphPerson; role: string }[];
  byCircle: Record<Circle, number>;
  /** Connected to the child only through someone else. */
  throughOthers: GraphPerson[];
}

const summaries = new WeakMap<ChildGraph, NetworkSummary>();

export function summariseNetwork(graph: ChildGraph): NetworkSummary {
  const known = summaries.get(graph);
  if (known) return known;
  const summary = summarise(graph);
  summaries.set(graph, summary);
  return summary;
}

function summarise(graph: ChildGraph): NetworkSummary {
  const members = graph.people.filter((person) => person.id !== graph.childId);
  const current = members.filter(isCurrent);
  const withTie = current.map((person) => ({ person, tie: tieWithChild(graph, person.id) }));
  const byCircle: Record<Circle, number> = { family: 0, friends_and_community: 0, professional: 0 };
  for (const person of current) if (person.circle) byCircle[person.circle] += 1;
  return {
    peopleCount: current.length,
    lovesTheChild: withTie.filter(({ tie }) => tie?.lovesTheChild === true).map(({ person }) => person),
    childLoves: withTie.filter(({ tie }) => tie?.childLovesThem === true).map(({ person }) => person),
    lifelongConnections: withTie.filter(({ tie }) => tie?.lifelongConnection === true).map(({ person }) => person),
    safetyNetwork: withTie.flatMap(({ person, tie }) =>
      tie?.safetyNetworkRole ? [{ person, role: tie.safetyNetworkRole }] : [],
    ),
    byCircle,
    throughOthers: withTie.filter(({ tie }) => !tie).map(({ person }) => person),
  };
}

/** Guided questions for family finding, in the child's name. Always offered; never a score. */
export function familyFindingQuestions(childName: string): string[] {
  return [
    `Who loves ${childName}?`,
    `Whom does ${childName} love?`,
    `Who might learn to love ${childName}, if they were asked?`,
    `Who has ${childName} lost touch with, and would like to see again?`,
  ];
}

const PARENT_TYPES = new Set(['mother', 'father', 'parent', 'step_parent', 'carer']);

/**
 * Gentle prompts from gaps in what is recorded. They invite a question to the family; they
 * say nothing about the family itself.
 */
export function networkPrompts(
  graph: ChildGraph,
  childName: string,
  householdMemberIds: readonly string[] = [],
): string[] {
  const summary = summariseNetwork(graph);
  const prompts: string[] = [];
  const members = graph.people.filter((person) => person.id !== graph.childId && isCurrent(person));
  const household = new Set(householdMemberIds);
  const adultsBeyondHousehold = members.filter(
    (person) => person.kind === 'person' && person.circle === 'family' && !household.has(person.id),
  );
  if (summary.peopleCount === 0) {
    prompts.push(
      `No one is recorded in ${childName}’s world yet. Start with who ${childName} lives with and who they would call in a crisis.`,
    );
    return prompts;
  }
  if (adultsBeyondHousehold.length === 0) {
    prompts.push(`No family is recorded beyond ${childName}’s home yet. Who else is family to ${childName}?`);
  }
  const parentIds = graph.relationships
    .filter((relationship) => PARENT_TYPES.has(relationship.type) && relationship.toPersonId === graph.childId)
    .map((relationship) => relationship.fromPersonId);
  const parentsWithFamily = parentIds.filter((parentId) =>
    graph.relationships.some(
      (relationship) =>
        PARENT_TYPES.has(relationship.type) &&
        relationship.toPersonId === parentId &&
        relationship.fromPersonId !== graph.childId,
    ),
  );
  if (parentIds.length >= 2 && parentsWithFamily.length < parentIds.length) {
    const without = graph.people.find(
      (person) => parentIds.includes(person.id) && !parentsWithFamily.includes(person.id),
    );
    if (without) prompts.push(`No one from ${shortName(without)}’s side of the family is recorded yet. Who is there?`);
  }
  if (summary.lifelongConnections.length === 0) {
    prompts.push(`No lifelong connections are recorded yet. Who will be there for ${childName} as they grow up?`);
  }
  if (summary.safetyNetwork.length < 3) {
    prompts.push(
      `The safety network has ${summary.safetyNetwork.length === 0 ? 'no one' : summary.safetyNetwork.length === 1 ? 'one person' : 'two people'} so far. Who else could help keep ${childName} safe?`,
    );
  }
  if (summary.childLoves.length === 0) {
    prompts.push(`${childName}’s own view of who they love is not recorded yet. Ask ${childName}.`);
  }
  return prompts;
}

/** A plain-English summary for the page and for the ecomap's description. */
export function summarySentences(graph: ChildGraph, childName: string): string[] {
  const summary = summariseNetwork(graph);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    `${count(summary.peopleCount, 'person, group or place is', 'people, groups and places are')} in ${childName}’s world: ${summary.byCircle.family} family, ${summary.byCircle.friends_and_community} friends and community, ${summary.byCircle.professional} professionals.`,
    `${count(summary.lovesTheChild.length, 'person loves', 'people love')} ${childName}; ${childName} loves ${count(summary.childLoves.length, 'person', 'people')}.`,
    `${count(summary.lifelongConnections.length, 'lifelong connection', 'lifelong connections')}; the safety network has ${count(summary.safetyNetwork.length, 'person', 'people')}.`,
  ];
}
