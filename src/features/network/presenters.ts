/** Shapes a child's network for the pages: the ecomap, the table beside it, the prompts. */
import { presentDate } from '../child-record/index.js';
import { ecomapForRecordPage } from './ecomap.js';
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
import type { NetworkView } from './service.js';

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
      changeTieHref: tie && options.mayChange ? networkPaths.relationship(network.child.id, tie.id) : null,
      detailsHref: options.mayChange ? networkPaths.person(network.child.id, member.id) : null,
      mergeHref: options.mayChange ? networkPaths.merge(network.child.id, member.id) : null,
      noLongerInvolvedHref:
        options.mayChange && !member.noLongerInvolvedOn
          ? networkPaths.noLongerInvolved(network.child.id, member.id)
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
    addPersonHref: networkPaths.addPerson(network.child.id),
    addRelationshipHref: networkPaths.addRelationship(network.child.id),
    genogramHref: networkPaths.genogram(network.child.id),
    ecomapSvgHref: networkPaths.ecomapSvg(network.child.id),
  };
}
