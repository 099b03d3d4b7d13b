/**
 * Shapes a mapping for its pages: the three columns with their sections and entries, whose
 * view each entry is, the balance note, and the scaling table and chart. Pure functions.
 */
import { presentDate } from '../child-record/index.js';
import { mappingBalance, mappingQuestions, sectionEntryNames, sectionHints, sectionNames } from './domain.js';
import { renderScalingChart } from './scaling-chart.js';
import {
  formatScore,
  scalingOccasions,
  scalingSeries,
  scoreGroupNames,
  scoreGroups,
  trendSentences,
} from './scaling.js';
import type { MappingEntryRow, ScalingScoreRow } from './queries.js';
import type { MappingSummary, MappingView } from './service.js';
import type { SectionComparison } from './domain.js';
import type { RecordVersion } from '../../platform/history/record-history.js';
import type { MappingSection, ViewKind } from './schema.js';
import { mappingPaths } from './paths.js';

/** What the record calls a child in a sentence: the name they are known by, or their first name. */
export const shortName = (child: { fullName: string; knownAs: string | null }) =>
  child.knownAs ?? child.fullName.split(' ')[0]!;

const viewWords: Record<ViewKind, string> = {
  child: 'in their own words',
  family: 'family',
  network: 'network',
  professional: 'professional',
};

/** "Sarah Thompson (family)", "Mia (in their own words)". */
export const whoseView = (entry: Pick<MappingEntryRow, 'viewOfName' | 'viewOfKind'>) =>
  `${entry.viewOfName} (${viewWords[entry.viewOfKind]})`;

function entryDetails(entry: MappingEntryRow): string[] {
  const details: string[] = [];
  if (entry.section === 'past_harm') {
    if (entry.harmSeverity) details.push(`How bad: ${entry.harmSeverity}`);
    if (entry.harmFrequency) details.push(`How often: ${entry.harmFrequency}`);
    if (entry.harmWhen) details.push(`When: ${entry.harmWhen}`);
  }
  if (entry.section === 'next_step') {
    details.push(`Who: ${entry.stepOwnerName ?? ''}`);
    if (entry.stepDueOn) details.push(`By: ${presentDate(entry.stepDueOn)}`);
  }
  return details;
}

export function presentColumns(
  childId: string,
  mappingId: string,
  entries: readonly MappingEntryRow[],
  mayChange: boolean,
) {
  return mappingQuestions.map((question) => ({
    id: question.id,
    heading: question.heading,
    sections: (question.sections as readonly MappingSection[]).map((section) => ({
      id: section,
      name: sectionNames[section],
      hint: sectionHints[section],
      addText: `Add ${sectionEntryNames[section]}`,
      addHref: mayChange ? mappingPaths.newEntry.href({ childId, mappingId }, { section }) : null,
      entries: entries
        .filter((entry) => entry.section === section)
        .map((entry) => ({
          id: entry.id,
          statement: entry.statement,
          whoseView: whoseView(entry),
          details: entryDetails(entry),
          source: entry.sourceLabel,
          changed: entry.version > 1,
          changeHref: mayChange ? mappingPaths.entry.href({ childId, mappingId, entryId: entry.id }) : null,
          historyHref:
            entry.version > 1 ? mappingPaths.entryHistory.href({ childId, mappingId, entryId: entry.id }) : null,
        })),
    })),
  }));
}

export function presentBalance(
  entries: readonly MappingEntryRow[],
  scores: readonly ScalingScoreRow[],
  childName: string,
) {
  return mappingBalance(entries, scores.filter((score) => score.scorerKind === 'child').length, childName).notes;
}

/** The scaling chart, its words, and the same figures as a table (one row per occasion). */
export function presentScaling(scores: readonly ScalingScoreRow[], childName: string, idPrefix = 'scaling') {
  const series = scalingSeries(scores);
  const occasions = scalingOccasions(scores);
  const groupsScored = scoreGroups.filter((group) => series.some((line) => line.group === group));
  return {
    hasScores: scores.length > 0,
    chartSvg: scores.length > 0 ? renderScalingChart(series, childName, idPrefix) : null,
    trends: trendSentences(series),
    tableHead: [
      { text: 'Date' },
      ...groupsScored.map((group) => ({ text: scoreGroupNames[group], format: 'numeric' })),
    ],
    tableRows: occasions.map((occasion) => [
      { text: presentDate(occasion.scoredOn) },
      ...groupsScored.map((group) => ({
        text: occasion.byGroup[group] === null ? '–' : formatScore(occasion.byGroup[group]),
        format: 'numeric',
      })),
    ]),
  };
}

/** Each person's score beside the others', for one mapping: the child first, then family, network and professionals. */
export function presentScores(scores: readonly ScalingScoreRow[]) {
  return scalingOccasions(scores).flatMap((occasion) =>
    occasion.scores.map((score) => [
      { text: score.scorerName },
      { text: scoreGroupNames[score.scorerKind] },
      { text: String(score.score), format: 'numeric' },
      { text: score.reason },
      { text: presentDate(score.scoredOn) },
    ]),
  );
}

/** "The child: 5", "Family: 3.5", … for one mapping (its latest day of scaling). */
export function groupAverages(scores: readonly ScalingScoreRow[]): string[] {
  const latest = scalingOccasions(scores).at(-1);
  if (!latest) return [];
  return scoreGroups.flatMap((group) =>
    latest.byGroup[group] === null ? [] : [`${scoreGroupNames[group]}: ${formatScore(latest.byGroup[group])}`],
  );
}

/** The child's mappings, newest first, each with how much was said under each question. */
export const presentMappingList = (childId: string, mappings: readonly MappingSummary[]) =>
  mappings.map((mapping) => ({
    ...mapping,
    href: mappingPaths.mapping.href({ childId, mappingId: mapping.id }),
    heldOnText: presentDate(mapping.heldOn),
    aboutText: mapping.childNames.length > 1 ? mapping.childNames.join(' and ') : null,
    counts: mappingQuestions.map((question) => ({
      heading: question.heading,
      entries: question.sections.reduce((sum, id) => sum + (mapping.sections[id] ?? 0), 0),
    })),
  }));

/** One of two mappings side by side: its name, date, link and scaling. */
export const describeCompared = (childId: string, opened: MappingView) => ({
  title: opened.mapping.title,
  heldOnText: presentDate(opened.mapping.heldOn),
  href: mappingPaths.mapping.href({ childId, mappingId: opened.mapping.id }),
  averages: groupAverages(opened.scores),
});

/** What changed between two mappings, section by section under the three questions. */
export const comparedQuestions = (sections: readonly SectionComparison[]) =>
  mappingQuestions.map((question) => ({
    heading: question.heading,
    sections: sections.filter((section) => (question.sections as readonly MappingSection[]).includes(section.section)),
  }));

/** Each kept version of an entry: what it said, where, in whose view, and who changed it when. */
export const presentEntryVersions = (versions: readonly RecordVersion[]) =>
  versions.map((version) => {
    const content = version.content as { statement?: string; section?: MappingSection; viewOfName?: string };
    return {
      version: version.version,
      statement: content.statement ?? '',
      sectionName: content.section ? sectionNames[content.section] : '',
      viewOfName: content.viewOfName ?? '',
      recordedAt: version.recordedAt.toLocaleString('en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/London',
      }),
      recordedBy: version.recordedByLabel,
      reason: version.reason,
    };
  });
