/**
 * The child's own words: everything they have said, gathered from visits, direct work and
 * quotes recorded on their own; recording a quote; and how they would like to take part in
 * meetings, which other features (meetings) read.
 */
import type { Database, Tx } from '../../../platform/db/database.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import type { Actor } from '../../../platform/identity/actor.js';
import {
  withChildRecord,
  type ChildRecordHandle,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import { directWorkToolDefinitions } from '../direct-work.js';
import { childShortName } from '../names.js';
import { describePreference, participationWayNames, type ParticipationPreference } from '../participation.js';
import {
  childsWordsOf,
  directWorkOf,
  insertChildsWords,
  insertParticipationPreference,
  participationPreferencesOf,
  visitsOf,
} from '../queries.js';
import { visitKindNames, type VisitContent } from '../visit-form.js';
import { recordChange, recordService } from './record.js';
import type { DirectWorkRecord } from './direct-work.js';

/** The child's current participation preference, for any feature that plans meetings. No audit: the caller has checked access. */
export async function participationPreferenceOf(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<ParticipationPreference | null> {
  const [latest] = await participationPreferencesOf(tx, tenantId, childId, 1);
  return latest ? { ...latest, wayText: participationWayNames[latest.way] } : null;
}

/** The child, and how they would like to take part in meetings, in words: what the visits and own-words pages show first. */
export interface ChildAndPreference {
  child: ChildSummary;
  preference: ParticipationPreference | null;
  preferenceSentence: string;
}

export async function childAndPreference(record: ChildRecordHandle): Promise<ChildAndPreference> {
  const preference = await participationPreferenceOf(record.tx, record.tenantId, record.childId);
  return {
    child: record.child,
    preference,
    preferenceSentence: describePreference(childShortName(record.child), preference),
  };
}

export interface OwnWordsEntry {
  words: string;
  heardBy: string;
  /** When it was said: an ISO date or date-time, for ordering. */
  when: string;
  setting: string | null;
  source:
    { type: 'visit'; visitId: string } | { type: 'quote'; quoteId: string } | { type: 'direct_work'; workId: string };
}

/** Everything the child has said, gathered from visits, direct work and quotes recorded on their own, oldest first. */
export function gatherOwnWords(
  visits: { id: string; recordedByLabel: string; content: VisitContent }[],
  quotes: { id: string; words: string; heardBy: string; heardOn: string; setting: string | null }[],
  work: DirectWorkRecord[] = [],
): OwnWordsEntry[] {
  const entries: OwnWordsEntry[] = [
    ...visits
      .filter((visit) => visit.content.childsWords)
      .map((visit) => ({
        words: visit.content.childsWords!,
        heardBy: visit.recordedByLabel,
        when: visit.content.happenedAt,
        setting: [visitKindNames[visit.content.kind], visit.content.place].filter(Boolean).join(', '),
        source: { type: 'visit' as const, visitId: visit.id },
      })),
    ...quotes.map((quote) => ({
      words: quote.words,
      heardBy: quote.heardBy,
      when: quote.heardOn,
      setting: quote.setting,
      source: { type: 'quote' as const, quoteId: quote.id },
    })),
    ...work.flatMap((record) =>
      directWorkToolDefinitions[record.tool].parts.flatMap((part) =>
        (record.childsWords[part.key] ?? []).map((words) => ({
          words,
          heardBy: record.doneWith,
          when: record.doneOn,
          setting: `${directWorkToolDefinitions[record.tool].name}: ${part.label.toLowerCase()}`,
          source: { type: 'direct_work' as const, workId: record.id },
        })),
      ),
    ),
  ];
  return entries.sort((a, b) => a.when.localeCompare(b.when));
}

export interface OwnWordsPage extends ChildAndPreference {
  entries: OwnWordsEntry[];
  directWork: DirectWorkRecord[];
}

export const viewOwnWords = recordService('view', 'own_words.viewed', async (record): Promise<OwnWordsPage> => {
  const { tx, tenantId, childId } = record;
  const directWork = await directWorkOf(tx, tenantId, childId);
  const entries = gatherOwnWords(
    await visitsOf(tx, tenantId, childId),
    await childsWordsOf(tx, tenantId, childId),
    directWork,
  );
  const about = await childAndPreference(record);
  await record.audit('own_words.viewed', { count: entries.length });
  return { ...about, entries, directWork };
});

export interface ChildForForm {
  child: ChildSummary;
  preferences: ParticipationPreference[];
}

/** The child, and what they have said about taking part, for a form page about them (opened to change, and audited). */
export function childForForm(
  database: Database,
  actor: Actor,
  childId: string,
  action: AuditAction,
  source: RequestSource,
): Promise<ChildForForm | null> {
  return withChildRecord(database, actor, childId, { need: 'change', action, source }, async (record) => {
    await record.audit(action);
    const preferences = (await participationPreferencesOf(record.tx, actor.tenantId, childId)).map((preference) => ({
      ...preference,
      wayText: participationWayNames[preference.way],
    }));
    return { child: record.child, preferences };
  });
}

export const recordChildsWords = recordChange('childs_words.recorded', insertChildsWords);

export const recordParticipationPreference = recordChange(
  'participation.recorded',
  insertParticipationPreference,
  (preference) => ({ way: preference.way }),
);
