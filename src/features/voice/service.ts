/**
 * Visits, the child's words, how the child wants to take part, and drafts. Each call runs in
 * one council transaction, asks the record's access policy (checkChildAccess) first, and
 * writes its audit entry in that transaction. A visit is never edited in place: a correction
 * is a new version with its reason (record history), and a stale correction is refused with
 * both versions shown.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { together, withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { appendVersion, changedFields, saveVersion, versionsOf } from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { checkChildAccess, type RequestSource } from '../child-record/index.js';
import { caseloadCandidates, childSummaries, relationshipsOf } from '../child-record/index.js';
import { decideChildRecordAccess } from '../../platform/access/policy.js';
import { childShortName } from './names.js';
import { describePreference, participationWayNames, type ParticipationPreference } from './participation.js';
import {
  childHeader,
  attachmentsOf,
  searchRecords,
  type SearchOrder,
  type SearchHit,
  findAttachmentContent,
  insertAttachment,
  childsWordsOf,
  chronologyEntriesOf,
  insertChronologyEntry,
  deleteDraft,
  directWorkOf,
  findDirectWork,
  insertDirectWork,
  findDraft,
  findVisit,
  insertChildsWords,
  insertParticipationPreference,
  insertVisit,
  networkPeopleOf,
  participationPreferencesOf,
  saveDraftIfCurrent,
  updateVisit,
  visitsOf,
  visitHeadlinesOf,
} from './queries.js';
import type {
  AttachmentOwner,
  AttachmentType,
  ChronologyCategory,
  DirectWorkTool,
  DirectWorkWords,
  DraftContent,
  ParticipationWay,
} from './schema.js';
import { arrangeChronology, builtInTypeNames, type ChronologyEvent } from './chronology.js';
import { voicePaths } from './paths.js';
import { checkUpload } from './uploads.js';
import { directWorkToolDefinitions } from './direct-work.js';
import {
  parseVisit,
  visitKindNames,
  visitLines,
  type FieldErrors,
  type VisitContent,
  type VisitFormValues,
  type VisitLine,
} from './visit-form.js';

export const VISIT = 'visit';
export const NEW_VISIT_DRAFT = 'visit-new';
export const correctionDraftKey = (visitId: string) => `visit-${visitId}-correction`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });

function audit(
  tx: Tx,
  actor: Actor,
  childId: string,
  action: string,
  source: RequestSource,
  subject: { type: string; id: string } = { type: 'child_record', id: childId },
  details: Record<string, string | number | boolean | null> = {},
  reason: string | null = null,
) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'allowed',
    actor: author(actor),
    childPersonId: childId,
    subject,
    source,
    details,
    reason,
  });
}

export type ChildHeader = NonNullable<Awaited<ReturnType<typeof childHeader>>>;
export interface DraftView {
  content: DraftContent;
  version: number;
  savedAt: Date;
}

/** The worker's own reflection stays with staff; families and young people see the rest. */
const forReader = (actor: Actor, visit: VisitContent): VisitContent =>
  actor.kind === 'staff' ? visit : { ...visit, reflection: null };

/** The child's current participation preference, for any feature that plans meetings. No audit: the caller has checked access. */
export async function participationPreferenceOf(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<ParticipationPreference | null> {
  const [latest] = await participationPreferencesOf(tx, tenantId, childId, 1);
  return latest ? { ...latest, wayText: participationWayNames[latest.way] } : null;
}

export interface VisitsPage {
  child: ChildHeader;
  visits: { id: string; version: number; recordedByLabel: string; content: VisitContent }[];
  preference: ParticipationPreference | null;
  preferenceSentence: string;
}

export async function viewVisits(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<VisitsPage | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'visits.viewed'))) return null;
    const child = await childHeader(tx, actor.tenantId, childId);
    if (!child) return null;
    const visits = (await visitsOf(tx, actor.tenantId, childId)).map((visit) => ({
      ...visit,
      content: forReader(actor, visit.content),
    }));
    const preference = await participationPreferenceOf(tx, actor.tenantId, childId);
    await audit(tx, actor, childId, 'visits.viewed', source, undefined, { count: visits.length });
    return {
      child,
      visits,
      preference,
      preferenceSentence: describePreference(childShortName(child), preference),
    };
  });
}

export interface VisitFormContext {
  child: ChildHeader;
  network: { id: string; name: string }[];
  draft: DraftView | null;
}

async function formContext(tx: Tx, actor: Actor, childId: string, formKey: string) {
  const child = await childHeader(tx, actor.tenantId, childId);
  if (!child) return null;
  const network = (await networkPeopleOf(tx, actor.tenantId, childId)).map((person) => ({
    id: person.id,
    name: person.knownAs ? `${person.fullName} (${person.knownAs})` : person.fullName,
  }));
  const draft = actor.userId ? ((await findDraft(tx, actor.tenantId, actor.userId, childId, formKey)) ?? null) : null;
  return { child, network, draft };
}

/** What the new-visit form needs: the child, their network, and this person's draft if any. */
export async function newVisitForm(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<VisitFormContext | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'visit.form_opened'))) return null;
    const context = await formContext(tx, actor, childId, NEW_VISIT_DRAFT);
    if (!context) return null;
    await audit(tx, actor, childId, 'visit.form_opened', source, undefined, { draftRestored: context.draft !== null });
    return context;
  });
}

export type VisitSave =
  | { outcome: 'saved'; visitId: string; version: number }
  | { outcome: 'not_found' }
  | { outcome: 'invalid'; errors: FieldErrors; context: VisitFormContext }
  | { outcome: 'unchanged'; context: VisitFormContext }
  | {
      outcome: 'conflict';
      context: VisitFormContext;
      theirs: VisitContent;
      theirVersion: number;
      theirAuthor: string;
    };

/** Records a visit as typed: checked, saved as version 1 and audited; the draft is then done with. */
export async function recordVisit(
  database: Database,
  actor: Actor,
  childId: string,
  values: VisitFormValues,
  source: RequestSource,
  now = new Date(),
): Promise<VisitSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'visit.recorded'))) {
      return { outcome: 'not_found' as const };
    }
    const context = await formContext(tx, actor, childId, NEW_VISIT_DRAFT);
    if (!context) return { outcome: 'not_found' as const };
    const parsed = parseVisit(values, {
      network: new Map(context.network.map((person) => [person.id, person.name])),
      childName: childShortName(context.child),
      now,
      isCorrection: false,
    });
    if (!parsed.ok) return { outcome: 'invalid' as const, errors: parsed.errors, context };
    const { id, createdAt } = await insertVisit(tx, actor.tenantId, childId, parsed.visit, author(actor));
    await appendVersion(tx, actor.tenantId, {
      recordType: VISIT,
      recordId: id,
      version: 1,
      author: author(actor),
      reason: null,
      content: parsed.visit as unknown as Record<string, unknown>,
      recordedAt: createdAt,
    });
    if (actor.userId) await deleteDraft(tx, actor.tenantId, actor.userId, childId, NEW_VISIT_DRAFT);
    await audit(tx, actor, childId, 'visit.recorded', source, { type: VISIT, id }, { kind: parsed.visit.kind });
    return { outcome: 'saved' as const, visitId: id, version: 1 };
  });
}

export interface VisitVersionView {
  version: number;
  recordedAt: Date;
  recordedByLabel: string;
  reason: string | null;
  isCorrection: boolean;
  changed: string[];
  content: VisitContent;
}
export interface VisitView {
  child: ChildHeader;
  visitId: string;
  version: number;
  recordedByLabel: string;
  content: VisitContent;
  versions: VisitVersionView[];
  attachments: AttachmentSummary[];
}

/** One visit with its history: every version, newest first, each with what it changed. */
export async function viewVisit(
  database: Database,
  actor: Actor,
  childId: string,
  visitId: string,
  source: RequestSource,
): Promise<VisitView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'visit.viewed'))) return null;
    if (!UUID.test(visitId)) return null;
    const child = await childHeader(tx, actor.tenantId, childId);
    const visit = await findVisit(tx, actor.tenantId, childId, visitId);
    if (!child || !visit) return null;
    const versions = await versionsOf(tx, actor.tenantId, VISIT, visitId);
    const attached = await attachmentsOf(tx, actor.tenantId, childId, 'visit', visitId);
    await audit(tx, actor, childId, 'visit.viewed', source, { type: VISIT, id: visitId });
    return {
      child,
      visitId,
      version: visit.version,
      recordedByLabel: visit.recordedByLabel,
      content: forReader(actor, visit.content),
      attachments: attached,
      versions: versions.map((version, index) => {
        const content = forReader(actor, version.content as unknown as VisitContent);
        const earlier = versions[index + 1];
        return {
          version: version.version,
          recordedAt: version.recordedAt,
          recordedByLabel: version.recordedByLabel,
          reason: version.reason,
          isCorrection: version.isCorrection,
          changed: earlier
            ? changedFields(forReader(actor, earlier.content as unknown as VisitContent) as never, content as never)
            : [],
          content,
        };
      }),
    };
  });
}

export interface CorrectionForm extends VisitFormContext {
  visit: VisitContent;
  version: number;
}

export async function correctionForm(
  database: Database,
  actor: Actor,
  childId: string,
  visitId: string,
  source: RequestSource,
): Promise<CorrectionForm | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'visit.correction_opened'))) return null;
    if (!UUID.test(visitId)) return null;
    const visit = await findVisit(tx, actor.tenantId, childId, visitId);
    const context = await formContext(tx, actor, childId, correctionDraftKey(visitId));
    if (!visit || !context) return null;
    await audit(tx, actor, childId, 'visit.correction_opened', source, { type: VISIT, id: visitId });
    return { ...context, visit: visit.content, version: visit.version };
  });
}

/** Corrects a visit: a new version with its reason, refused if someone else corrected it since. */
export async function correctVisit(
  database: Database,
  actor: Actor,
  childId: string,
  visitId: string,
  change: { values: VisitFormValues; expectedVersion: number },
  source: RequestSource,
  now = new Date(),
): Promise<VisitSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'visit.corrected'))) {
      return { outcome: 'not_found' as const };
    }
    const visit = UUID.test(visitId) ? await findVisit(tx, actor.tenantId, childId, visitId) : undefined;
    const context = await formContext(tx, actor, childId, correctionDraftKey(visitId));
    if (!visit || !context) return { outcome: 'not_found' as const };
    const parsed = parseVisit(change.values, {
      network: new Map([
        ...context.network.map((person) => [person.id, person.name] as [string, string]),
        // People who were there stay choosable even if they have since left the network.
        ...visit.content.whoWasThere.flatMap((person) =>
          person.personId ? [[person.personId, person.name] as [string, string]] : [],
        ),
      ]),
      childName: childShortName(context.child),
      now,
      isCorrection: true,
    });
    if (!parsed.ok) return { outcome: 'invalid' as const, errors: parsed.errors, context };
    const fields = changedFields(
      visit.content as unknown as Record<string, unknown>,
      parsed.visit as unknown as Record<string, unknown>,
    );
    const saved = await saveVersion(tx, actor.tenantId, {
      recordType: VISIT,
      recordId: visitId,
      before: visit.content as unknown as Record<string, unknown>,
      beforeRecordedAt: visit.createdAt,
      content: parsed.visit as unknown as Record<string, unknown>,
      expectedVersion: change.expectedVersion,
      author: author(actor),
      reason: change.values.reason.trim(),
      isCorrection: true,
    });
    if (saved.outcome === 'conflict') {
      return {
        outcome: 'conflict' as const,
        context,
        theirs: saved.current.content as unknown as VisitContent,
        theirVersion: saved.current.version,
        theirAuthor: 'recordedByLabel' in saved.current ? saved.current.recordedByLabel : '',
      };
    }
    if (fields.length === 0) throw new Unchanged(context);
    await updateVisit(tx, actor.tenantId, visitId, parsed.visit, saved.version);
    if (actor.userId) await deleteDraft(tx, actor.tenantId, actor.userId, childId, correctionDraftKey(visitId));
    await audit(
      tx,
      actor,
      childId,
      'visit.corrected',
      source,
      { type: VISIT, id: visitId },
      { fields: fields.join(','), version: saved.version },
      change.values.reason.trim(),
    );
    return { outcome: 'saved' as const, visitId, version: saved.version };
  }).catch((error: unknown) => {
    // Nothing changed: the transaction rolled back, so no empty version was kept.
    if (error instanceof Unchanged) return { outcome: 'unchanged' as const, context: error.context };
    throw error;
  });
}

class Unchanged extends Error {
  constructor(readonly context: VisitFormContext) {
    super('unchanged');
  }
}

/**
 * A visit's lines with their source (visit, version, line), for carrying a line into the
 * child's current mapping. Access-checked and audited like reading the visit.
 */
export async function linesOfVisit(
  database: Database,
  actor: Actor,
  childId: string,
  visitId: string,
  source: RequestSource,
): Promise<VisitLine[] | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'visit.viewed'))) return null;
    const visit = UUID.test(visitId) ? await findVisit(tx, actor.tenantId, childId, visitId) : undefined;
    if (!visit) return null;
    await audit(tx, actor, childId, 'visit.viewed', source, { type: VISIT, id: visitId }, { part: 'lines' });
    return visitLines(visitId, visit.version, forReader(actor, visit.content));
  });
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

export interface DirectWorkRecord {
  id: string;
  tool: DirectWorkTool;
  doneOn: string;
  doneWith: string;
  childsWords: DirectWorkWords;
  recordedByLabel: string;
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

export async function viewOwnWords(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<{
  child: ChildHeader;
  entries: OwnWordsEntry[];
  directWork: DirectWorkRecord[];
  preference: ParticipationPreference | null;
  preferenceSentence: string;
} | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'own_words.viewed'))) return null;
    const child = await childHeader(tx, actor.tenantId, childId);
    if (!child) return null;
    const directWork = await directWorkOf(tx, actor.tenantId, childId);
    const entries = gatherOwnWords(
      await visitsOf(tx, actor.tenantId, childId),
      await childsWordsOf(tx, actor.tenantId, childId),
      directWork,
    );
    const preference = await participationPreferenceOf(tx, actor.tenantId, childId);
    await audit(tx, actor, childId, 'own_words.viewed', source, undefined, { count: entries.length });
    return {
      child,
      entries,
      directWork,
      preference,
      preferenceSentence: describePreference(childShortName(child), preference),
    };
  });
}

/** The child header alone, for a form page about the child (access checked and audited). */
export async function childForForm(
  database: Database,
  actor: Actor,
  childId: string,
  action: string,
  source: RequestSource,
): Promise<{ child: ChildHeader; preferences: ParticipationPreference[] } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, action))) return null;
    const child = await childHeader(tx, actor.tenantId, childId);
    if (!child) return null;
    await audit(tx, actor, childId, action, source);
    const preferences = (await participationPreferencesOf(tx, actor.tenantId, childId)).map((preference) => ({
      ...preference,
      wayText: participationWayNames[preference.way],
    }));
    return { child, preferences };
  });
}

export async function recordChildsWords(
  database: Database,
  actor: Actor,
  childId: string,
  quote: { words: string; heardBy: string; heardOn: string; setting: string | null },
  source: RequestSource,
): Promise<boolean> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'childs_words.recorded'))) return false;
    await insertChildsWords(tx, actor.tenantId, childId, quote, author(actor));
    await audit(tx, actor, childId, 'childs_words.recorded', source);
    return true;
  });
}

export async function recordParticipationPreference(
  database: Database,
  actor: Actor,
  childId: string,
  preference: { way: ParticipationWay; inTheirWords: string | null; saidOn: string },
  source: RequestSource,
): Promise<boolean> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'participation.recorded'))) return false;
    await insertParticipationPreference(tx, actor.tenantId, childId, preference, author(actor));
    await audit(tx, actor, childId, 'participation.recorded', source, undefined, { way: preference.way });
    return true;
  });
}

export type DraftSave =
  | { outcome: 'saved'; version: number; savedAt: Date }
  | { outcome: 'conflict'; theirs: DraftView }
  | { outcome: 'not_found' };

/**
 * Saves what is typed in a form as this person's draft, if nobody (another window) saved the
 * same draft since `expectedVersion`; otherwise hands back theirs, so both can be shown.
 */
export async function saveDraft(
  database: Database,
  actor: Actor,
  childId: string,
  formKey: string,
  change: { content: DraftContent; expectedVersion: number },
  source: RequestSource,
): Promise<DraftSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!actor.userId || !(await checkChildAccess(tx, actor, childId, 'change', source, 'draft.saved'))) {
      return { outcome: 'not_found' as const };
    }
    const key = { userId: actor.userId, childId, formKey };
    const saved = await saveDraftIfCurrent(tx, actor.tenantId, key, change.content, change.expectedVersion);
    if (!saved) {
      const theirs = await findDraft(tx, actor.tenantId, actor.userId, childId, formKey);
      if (!theirs) return { outcome: 'not_found' as const };
      return { outcome: 'conflict' as const, theirs };
    }
    await audit(
      tx,
      actor,
      childId,
      'draft.saved',
      source,
      { type: 'draft', id: childId },
      {
        form: formKey,
        version: saved.version,
      },
    );
    return { outcome: 'saved' as const, version: saved.version, savedAt: saved.savedAt };
  });
}

export async function readDraft(
  database: Database,
  actor: Actor,
  childId: string,
  formKey: string,
  source: RequestSource,
): Promise<{ draft: DraftView | null } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!actor.userId || !(await checkChildAccess(tx, actor, childId, 'change', source, 'draft.read'))) return null;
    const draft = (await findDraft(tx, actor.tenantId, actor.userId, childId, formKey)) ?? null;
    await audit(tx, actor, childId, 'draft.read', source, { type: 'draft', id: childId }, { form: formKey });
    return { draft };
  });
}

export async function recordDirectWork(
  database: Database,
  actor: Actor,
  childId: string,
  work: { tool: DirectWorkTool; doneOn: string; doneWith: string; childsWords: DirectWorkWords },
  source: RequestSource,
): Promise<string | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'direct_work.recorded'))) return null;
    const id = await insertDirectWork(tx, actor.tenantId, childId, work, author(actor));
    await audit(tx, actor, childId, 'direct_work.recorded', source, { type: 'direct_work', id }, { tool: work.tool });
    return id;
  });
}

export async function viewDirectWork(
  database: Database,
  actor: Actor,
  childId: string,
  workId: string,
  source: RequestSource,
): Promise<{ child: ChildHeader; work: DirectWorkRecord; attachments: AttachmentSummary[] } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'direct_work.viewed'))) return null;
    if (!UUID.test(workId)) return null;
    const child = await childHeader(tx, actor.tenantId, childId);
    const work = await findDirectWork(tx, actor.tenantId, childId, workId);
    if (!child || !work) return null;
    const attached = await attachmentsOf(tx, actor.tenantId, childId, 'direct_work', workId);
    await audit(tx, actor, childId, 'direct_work.viewed', source, { type: 'direct_work', id: workId });
    return { child, work, attachments: attached };
  });
}

/**
 * A source of events for the child's chronology. Another feature registers one from its
 * service (once, at start) and its events appear beside visits and hand-recorded entries,
 * filterable by `type`. `read` runs inside the chronology's transaction, after access is checked.
 */
export interface ChronologySource {
  type: string;
  name: string;
  read: (tx: Tx, tenantId: string, childId: string) => Promise<ChronologyEvent[]>;
}
const chronologySources = new Map<string, ChronologySource>();
export function registerChronologySource(source: ChronologySource): void {
  chronologySources.set(source.type, source);
}
export type { ChronologyEvent };

async function builtInEvents(tx: Tx, actor: Actor, childId: string): Promise<ChronologyEvent[]> {
  const [visits, work, entries] = await together([
    visitHeadlinesOf(tx, actor.tenantId, childId),
    directWorkOf(tx, actor.tenantId, childId),
    chronologyEntriesOf(tx, actor.tenantId, childId),
  ]);
  return [
    ...visits.map((visit) => ({
      occurredAt: visit.happenedAt.toISOString(),
      type: 'visit',
      title: `${visitKindNames[visit.kind]}${visit.childSeen ? (visit.seenAlone ? ': seen, and seen alone' : ': seen') : ': not seen'}`,
      details: visit.place,
      byline: visit.recordedByLabel,
      href: voicePaths.visit(childId, visit.id),
    })),
    ...work.map((record) => ({
      occurredAt: record.doneOn,
      type: 'direct_work',
      title: directWorkToolDefinitions[record.tool].name,
      details: `With ${record.doneWith}`,
      byline: record.recordedByLabel,
      href: voicePaths.directWork(childId, record.id),
    })),
    ...entries.map((entry) => ({
      occurredAt: entry.happenedOn,
      type: entry.category,
      title: entry.title,
      details: entry.details,
      byline: entry.recordedByLabel,
      href: null,
    })),
  ];
}

export async function viewChronology(
  database: Database,
  actor: Actor,
  childId: string,
  chosenTypes: string[],
  source: RequestSource,
): Promise<{ child: ChildHeader; events: ChronologyEvent[]; types: { type: string; name: string }[] } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'chronology.viewed'))) return null;
    // Every source's events, read together (on a server, one round trip rather than one each).
    const [child, builtIn, ...contributed] = await together([
      childHeader(tx, actor.tenantId, childId),
      builtInEvents(tx, actor, childId),
      ...[...chronologySources.values()].map((contributor) => contributor.read(tx, actor.tenantId, childId)),
    ]);
    if (!child) return null;
    const events = [...builtIn, ...contributed.flat()];
    const types = [
      ...Object.entries(builtInTypeNames).map(([type, name]) => ({ type, name })),
      ...[...chronologySources.values()].map((contributor) => ({ type: contributor.type, name: contributor.name })),
    ];
    const known = new Set(types.map((type) => type.type));
    await audit(tx, actor, childId, 'chronology.viewed', source, undefined, { filtered: chosenTypes.length > 0 });
    return {
      child,
      events: arrangeChronology(
        events,
        chosenTypes.filter((type) => known.has(type)),
      ),
      types,
    };
  });
}

export async function recordChronologyEntry(
  database: Database,
  actor: Actor,
  childId: string,
  entry: { happenedOn: string; category: ChronologyCategory; title: string; details: string | null },
  source: RequestSource,
): Promise<boolean> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'chronology.recorded'))) return false;
    await insertChronologyEntry(tx, actor.tenantId, childId, entry, author(actor));
    await audit(tx, actor, childId, 'chronology.recorded', source, undefined, { category: entry.category });
    return true;
  });
}

export type AttachmentSummary = Awaited<ReturnType<typeof attachmentsOf>>[number];

export type AttachmentSave =
  | { outcome: 'saved'; attachmentId: string; contentType: AttachmentType }
  | { outcome: 'invalid'; message: string }
  | { outcome: 'not_found' };

/**
 * Attaches a photo, drawing or document to a record of the child's. The type is decided from
 * the content; the record it belongs to must be this child's.
 */
export async function addAttachment(
  database: Database,
  actor: Actor,
  childId: string,
  upload: {
    belongsTo: AttachmentOwner;
    belongsToId: string | null;
    fileName: string;
    description: string | null;
    content: Buffer;
  },
  source: RequestSource,
): Promise<AttachmentSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'attachment.added'))) {
      return { outcome: 'not_found' as const };
    }
    const ownerId = upload.belongsTo === 'child_record' ? null : upload.belongsToId;
    if (upload.belongsTo !== 'child_record') {
      const owner =
        ownerId && UUID.test(ownerId)
          ? upload.belongsTo === 'direct_work'
            ? await findDirectWork(tx, actor.tenantId, childId, ownerId)
            : await findVisit(tx, actor.tenantId, childId, ownerId)
          : undefined;
      if (!owner) return { outcome: 'not_found' as const };
    }
    const checked = checkUpload(upload.fileName, upload.content);
    if (!checked.ok) return { outcome: 'invalid' as const, message: checked.message };
    const attachmentId = await insertAttachment(
      tx,
      actor.tenantId,
      childId,
      {
        belongsTo: upload.belongsTo,
        belongsToId: ownerId,
        fileName: checked.fileName,
        contentType: checked.contentType,
        description: upload.description,
        content: upload.content,
      },
      author(actor),
    );
    await audit(
      tx,
      actor,
      childId,
      'attachment.added',
      source,
      { type: 'attachment', id: attachmentId },
      {
        contentType: checked.contentType,
        bytes: upload.content.length,
      },
    );
    return { outcome: 'saved' as const, attachmentId, contentType: checked.contentType };
  });
}

/** An attachment's content, for the access-checked download route. Every opening is audited. */
export async function openAttachment(
  database: Database,
  actor: Actor,
  childId: string,
  attachmentId: string,
  source: RequestSource,
): Promise<{ fileName: string; contentType: AttachmentType; content: Buffer } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'attachment.opened'))) return null;
    if (!UUID.test(attachmentId)) return null;
    const found = await findAttachmentContent(tx, actor.tenantId, childId, attachmentId);
    if (!found) return null;
    await audit(tx, actor, childId, 'attachment.opened', source, { type: 'attachment', id: attachmentId });
    return found;
  });
}

export interface SearchResult extends SearchHit {
  childName: string;
  href: string;
}

function hrefOf(hit: SearchHit): string {
  if (hit.kind === 'visit') return voicePaths.visit(hit.childId, hit.id);
  if (hit.kind === 'direct_work') return voicePaths.directWork(hit.childId, hit.id);
  if (hit.kind === 'childs_words') return voicePaths.ownWords(hit.childId);
  return voicePaths.chronology(hit.childId);
}

/** Searches one child's records (visits, their words, direct work, chronology). */
export async function searchChild(
  database: Database,
  actor: Actor,
  childId: string,
  terms: string | null,
  source: RequestSource,
  order: SearchOrder = 'newest',
  page = 1,
): Promise<{ child: ChildHeader; results: SearchResult[]; total: number } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'child_record.searched'))) return null;
    const child = await childHeader(tx, actor.tenantId, childId);
    if (!child) return null;
    const { hits, total } = terms
      ? await searchRecords(tx, actor.tenantId, [childId], terms, { order, page })
      : { hits: [], total: 0 };
    if (terms) {
      await audit(tx, actor, childId, 'child_record.searched', source, undefined, {
        results: total,
        page,
      });
    }
    return {
      child,
      results: hits.map((hit) => ({ ...hit, childName: childShortName(child), href: hrefOf(hit) })),
      total,
    };
  });
}

/**
 * Searches the records of every child this person may open now: allocated to them, shared
 * with them, or their teams' children, as the access policy decides (restricted records
 * without an open reason are left out). The search is audited; opening a result is audited
 * by the page it opens.
 */
export async function searchCaseload(
  database: Database,
  actor: Actor,
  terms: string,
  source: RequestSource,
  order: SearchOrder = 'newest',
  page = 1,
): Promise<{ results: SearchResult[]; total: number }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const candidates = [
      ...(await caseloadCandidates(tx, actor.tenantId, relationships, 'allocated_to_me')),
      ...(relationships.teamIds.length + relationships.managedTeamIds.length > 0
        ? await caseloadCandidates(tx, actor.tenantId, relationships, 'my_teams')
        : []),
    ];
    const allowed = [
      ...new Set(
        candidates
          .filter(({ facts }) => decideChildRecordAccess(relationships, 'view', facts).allowed)
          .map(({ summary }) => summary.childId),
      ),
    ];
    const { hits, total } = await searchRecords(tx, actor.tenantId, allowed, terms, { order, page });
    const names = new Map(
      (await childSummaries(tx, actor.tenantId, [...new Set(hits.map((hit) => hit.childId))])).map((child) => [
        child.childId,
        childShortName(child),
      ]),
    );
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'caseload.searched',
      outcome: 'allowed',
      actor: author(actor),
      childPersonId: null,
      subject: null,
      source,
      details: { children: allowed.length, results: total, page },
    });
    return {
      results: hits.map((hit) => ({ ...hit, childName: names.get(hit.childId) ?? '', href: hrefOf(hit) })),
      total,
    };
  });
}
