/** Shapes a child's network for the pages: the ecomap, the table beside it, the prompts, the forms' choices. */
import { presentDate } from '../child-record/index.js';
import { ecomapForRecordPage } from './ecomap.js';
import type { GenogramLayout } from './genogram.js';
import { monthName, networkGrowth, renderGrowthSvg, type TieVersion } from './growth.js';
import {
  circleNames,
  closenessNames,
  displayName,
  familyFindingQuestions,
  networkPrompts,
  qualityNames,
  relationshipTypeName,
  shortName,
  summarySentences,
  supportForChild,
  tieWithChild,
  type ChildGraph,
} from './graph.js';
import { networkPaths } from './paths.js';
import type { NetworkPersonView, NetworkView } from './service.js';
import { relationshipTypeNames, relationshipTypes } from './validation.js';

export function graphOf(network: NetworkView): ChildGraph {
  const { child } = network;
  return {
    childId: child.id,
    people: [
      { ...child, circle: null, position: null, noLongerInvolvedOn: null },
      ...network.members.map((member) => ({
        ...member,
        position:
          member.positionX !== null && member.positionY !== null ? { x: member.positionX, y: member.positionY } : null,
      })),
    ],
    relationships: network.relationships,
  };
}

const yesNo = (value: boolean | null) => (value === true ? 'Yes' : value === false ? 'No' : 'Not said yet');
const supportText = {
  to_child: 'Towards the child',
  from_child: 'From the child',
  both: 'Both ways',
  none: 'Not recorded',
};

export function presentNetworkSection(
  network: NetworkView & { tieVersions?: TieVersion[] },
  options: { mayChange: boolean; now?: Date },
) {
  const graph = graphOf(network);
  const childName = shortName(network.child);
  const householdIds = network.households
    .filter((household) => household.memberIds.includes(network.child.id))
    .flatMap((household) => household.memberIds);
  const growth = networkGrowth(network.child.id, network.tieVersions ?? [], options.now ?? new Date());
  const childParams = { childId: network.child.id };
  const rows = network.members.map((member) => {
    const tie = tieWithChild(graph, member.id);
    return {
      personId: member.id,
      anchor: `person-${member.id}`,
      name: displayName(member),
      circle: circleNames[member.circle],
      relationship: tie ? relationshipTypeName(tie.type) : 'Through others',
      closeness: tie ? closenessNames[tie.closeness] : '',
      quality: tie ? qualityNames[tie.quality] : '',
      support: tie ? supportText[supportForChild(tie, member.id)] : '',
      lovesTheChild: tie ? yesNo(tie.lovesTheChild) : '',
      childLovesThem: tie ? yesNo(tie.childLovesThem) : '',
      loveText: tie
        ? [tie.lovesTheChild ? `Loves ${childName}` : null, tie.childLovesThem ? `${childName} loves them` : null]
            .filter(Boolean)
            .join('; ')
        : '',
      lifelong: tie?.lifelongConnection ? 'Yes' : 'No',
      safetyRole: tie?.safetyNetworkRole ?? '',
      whatTheyBring: member.whatTheyBring ?? '',
      contactDetails: member.contactDetails ?? '',
      past: member.diedOn
        ? `Died ${presentDate(member.diedOn)}`
        : member.noLongerInvolvedOn
          ? `No longer involved since ${presentDate(member.noLongerInvolvedOn)}`
          : '',
      changeTieHref:
        tie && options.mayChange
          ? networkPaths.relationship.href({ childId: network.child.id, relationshipId: tie.id })
          : null,
      detailsHref: options.mayChange
        ? networkPaths.person.href({ childId: network.child.id, personId: member.id })
        : null,
      mergeHref: options.mayChange ? networkPaths.merge.href({ childId: network.child.id, personId: member.id }) : null,
      noLongerInvolvedHref:
        options.mayChange && !member.noLongerInvolvedOn
          ? networkPaths.noLongerInvolved.href({ childId: network.child.id, personId: member.id })
          : null,
    };
  });
  return {
    childName,
    asOf: network.asOf,
    asOfText: network.asOf ? presentDate(network.asOf) : null,
    ecomapSvg: ecomapForRecordPage(graph),
    summary: summarySentences(graph, childName),
    prompts: networkPrompts(graph, childName, householdIds),
    questions: familyFindingQuestions(childName),
    rows,
    growthSvg: growth.length > 1 ? renderGrowthSvg(growth, childName) : null,
    growthRows: growth.map((point) => [
      { text: monthName(point.month) },
      { text: String(point.safetyNetwork), format: 'numeric' },
      { text: String(point.lifelongConnections), format: 'numeric' },
    ]),
    mayChange: options.mayChange,
    addPersonHref: networkPaths.addPerson.href(childParams),
    addRelationshipHref: networkPaths.addRelationship.href(childParams),
    genogramHref: networkPaths.genogram.href(childParams),
    ecomapSvgHref: networkPaths.ecomapSvg.href(childParams),
  };
}

// ---- The forms' choices ------------------------------------------------------------------------

export const circleLabels = {
  family: 'Family',
  friends_and_community: 'Friends and community (including groups and places)',
  professional: 'Professionals',
};
export const closenessLabels = { strong: 'Strong', moderate: 'Moderate', tenuous: 'Tenuous' };
export const qualityLabels = {
  supportive: 'Supportive',
  mixed: 'Mixed',
  stressful: 'Stressful',
  broken: 'Broken off',
};
const kindLabels = {
  person: 'A person',
  group: 'A group or club',
  place: 'A place',
  online_community: 'An online community',
};
const genderLabels = { female: 'Female', male: 'Male', other: 'Another way', unknown: 'Not known' };

/** Radio items from labels, with the chosen one checked. */
export const items = (labels: Record<string, string>, chosen: unknown) =>
  Object.entries(labels).map(([value, label]) => ({ value, text: label, checked: chosen === value }));

/** The kind and gender radios of the person fields. */
export const personItems = (values: { kind?: unknown; gender?: unknown }) => ({
  kindItems: items(kindLabels, values.kind),
  genderItems: items(genderLabels, values.gender),
});

/** Everything the shared tie fields need to draw themselves. */
export function tieFieldModel(
  values: Readonly<Record<string, unknown>>,
  names: { first: string; second: string; child: string },
) {
  const chosen = (name: string, otherwise: string) => (values[name] as string | undefined) ?? otherwise;
  return {
    typeItems: [
      { value: '', text: 'Choose a relationship' },
      ...relationshipTypes.map((type) => ({
        value: type,
        text: relationshipTypeNames[type],
        selected: values.type === type,
      })),
    ],
    closenessItems: items(closenessLabels, chosen('closeness', 'moderate')),
    qualityItems: items(qualityLabels, chosen('quality', 'supportive')),
    supportItems: items(
      {
        from_first: `From ${names.first} to ${names.second}`,
        to_first: `From ${names.second} to ${names.first}`,
        both: 'Both ways',
        none: 'Not recorded',
      },
      chosen('supportFlows', 'from_first'),
    ),
    lovesItems: items({ yes: 'Yes', no: 'No', unknown: 'Not said yet' }, chosen('lovesTheChild', 'unknown')),
    lovedItems: items({ yes: 'Yes', no: 'No', unknown: 'Not said yet' }, chosen('childLovesThem', 'unknown')),
    names,
  };
}

/** The child and everyone in their network, to choose one end of a relationship. */
export const peopleItems = (network: NetworkView, chosen: unknown) => [
  { value: '', text: 'Choose a person' },
  ...[network.child, ...network.members].map((person) => ({
    value: person.id,
    text: displayName(person),
    selected: chosen === person.id,
  })),
];

/** The records to keep when someone is recorded twice: similar names first. */
export function keptItems(network: NetworkView, duplicate: NetworkPersonView, chosen: string) {
  const words = new Set(duplicate.fullName.toLowerCase().split(/\s+/));
  const others = network.members
    .filter((member) => member.id !== duplicate.id)
    .map((member) => ({
      member,
      similar: member.fullName
        .toLowerCase()
        .split(/\s+/)
        .some((word) => words.has(word)),
    }))
    .sort((a, b) => Number(b.similar) - Number(a.similar) || a.member.fullName.localeCompare(b.member.fullName));
  return [
    { value: '', text: 'Choose the record to keep' },
    ...others.map(({ member, similar }) => ({
      value: member.id,
      text: `${displayName(member)}${member.dateOfBirth ? `, born ${presentDate(member.dateOfBirth)}` : ''}${similar ? ' (similar name)' : ''}`,
      selected: chosen === member.id,
    })),
  ];
}

const generationNames = ['Oldest generation shown', 'Next generation', 'Next generation', 'Next generation'];

/** The genogram's people by generation, the table beside the drawing. */
export function genogramGenerations(layout: GenogramLayout, childName: string) {
  return Array.from({ length: layout.generations }, (_, index) => ({
    name:
      index === layout.generations - 1 ? `${childName}’s generation` : (generationNames[index] ?? 'Next generation'),
    people: layout.people
      .filter((entry) => entry.generation === index)
      .map((entry) => ({
        anchor: `g-${entry.person.id}`,
        name: displayName(entry.person),
        born: entry.person.dateOfBirth ? presentDate(entry.person.dateOfBirth) : 'Date of birth not recorded',
        died: entry.person.diedOn ? presentDate(entry.person.diedOn) : null,
      })),
  }));
}
