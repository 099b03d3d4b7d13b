/**
 * Visits: the list, recording one (restoring this person's draft), one visit with its history,
 * and correcting one. A visit is never edited in place: a correction is a new version with its
 * reason (record history), and a stale correction is refused with both versions shown.
 */
import type { Database } from '../../../platform/db/database.js';
import { appendVersion, changedFields, saveVersion, versionsOf } from '../../../platform/history/record-history.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { isUuid } from '../../../platform/db/ids.js';
import {
  withChildRecord,
  type ChildRecordHandle,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import { childShortName } from '../names.js';
import {
  attachmentsOf,
  deleteDraft,
  findDraft,
  findVisit,
  insertVisit,
  networkPeopleOf,
  updateVisit,
  visitsOf,
} from '../queries.js';
import type { DraftContent } from '../schema.js';
import {
  parseVisit,
  visitLines,
  type FieldErrors,
  type VisitContent,
  type VisitFormValues,
  type VisitLine,
} from '../visit-form.js';
import { auditPart, author, forReader, recordService, VISIT } from './record.js';
import { childAndPreference, type ChildAndPreference } from './words.js';
import type { AttachmentSummary } from './attachments.js';

export const NEW_VISIT_DRAFT = 'visit-new';
export const correctionDraftKey = (visitId: string) => `visit-${visitId}-correction`;

export interface DraftView {
  content: DraftContent;
  version: number;
  savedAt: Date;
}

export interface VisitsPage extends ChildAndPreference {
  visits: { id: string; version: number; recordedByLabel: string; content: VisitContent }[];
}

export const viewVisits = recordService('view', 'visits.viewed', async (record): Promise<VisitsPage> => {
  const { tx, tenantId, childId, actor } = record;
  const visits = (await visitsOf(tx, tenantId, childId)).map((visit) => ({
    ...visit,
    content: forReader(actor, visit.content),
  }));
  const about = await childAndPreference(record);
  await record.audit('visits.viewed', { count: visits.length });
  return { ...about, visits };
});

export interface VisitFormContext {
  child: ChildSummary;
  network: { id: string; name: string }[];
  draft: DraftView | null;
}

async function formContext(record: ChildRecordHandle, formKey: string): Promise<VisitFormContext> {
  const { tx, tenantId, childId, actor } = record;
  const network = (await networkPeopleOf(tx, tenantId, childId)).map((person) => ({
    id: person.id,
    name: person.knownAs ? `${person.fullName} (${person.knownAs})` : person.fullName,
  }));
  const draft = actor.userId ? ((await findDraft(tx, tenantId, actor.userId, childId, formKey)) ?? null) : null;
  return { child: record.child, network, draft };
}

/** The child's visit with this id, if it is one. */
const visitOf = async (record: ChildRecordHandle, visitId: string) =>
  isUuid(visitId) ? await findVisit(record.tx, record.tenantId, record.childId, visitId) : undefined;

/** What the new-visit form needs: the child, their network, and this person's draft if any. */
export const newVisitForm = recordService('change', 'visit.form_opened', async (record) => {
  const context = await formContext(record, NEW_VISIT_DRAFT);
  await record.audit('visit.form_opened', { draftRestored: context.draft !== null });
  return context;
});

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

const notFound = { outcome: 'not_found' } as const;

/** Records a visit as typed: checked, saved as version 1 and audited; the draft is then done with. */
export const recordVisit = recordService(
  'change',
  'visit.recorded',
  async (record, values: VisitFormValues): Promise<VisitSave> => {
    const { tx, tenantId, childId, actor } = record;
    const context = await formContext(record, NEW_VISIT_DRAFT);
    const parsed = parseVisit(values, {
      network: new Map(context.network.map((person) => [person.id, person.name])),
      childName: childShortName(context.child),
      now: new Date(),
      isCorrection: false,
    });
    if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors, context };
    const { id, createdAt } = await insertVisit(tx, tenantId, childId, parsed.visit, author(actor));
    await appendVersion(tx, tenantId, {
      recordType: VISIT,
      recordId: id,
      version: 1,
      author: author(actor),
      reason: null,
      content: parsed.visit as unknown as Record<string, unknown>,
      recordedAt: createdAt,
    });
    if (actor.userId) await deleteDraft(tx, tenantId, actor.userId, childId, NEW_VISIT_DRAFT);
    await auditPart(record, 'visit.recorded', { type: VISIT, id }, { kind: parsed.visit.kind });
    return { outcome: 'saved', visitId: id, version: 1 };
  },
  notFound,
);

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
  child: ChildSummary;
  visitId: string;
  version: number;
  recordedByLabel: string;
  content: VisitContent;
  versions: VisitVersionView[];
  attachments: AttachmentSummary[];
}

/** One visit with its history: every version, newest first, each with what it changed. */
export const viewVisit = recordService(
  'view',
  'visit.viewed',
  async (record, visitId: string): Promise<VisitView | null> => {
    const visit = await visitOf(record, visitId);
    if (!visit) return null;
    const { tx, tenantId, childId, actor } = record;
    const versions = await versionsOf(tx, tenantId, VISIT, visitId);
    const attached = await attachmentsOf(tx, tenantId, childId, 'visit', visitId);
    await auditPart(record, 'visit.viewed', { type: VISIT, id: visitId });
    return {
      child: record.child,
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
  },
);

export interface CorrectionForm extends VisitFormContext {
  visit: VisitContent;
  version: number;
}

export const correctionForm = recordService(
  'change',
  'visit.correction_opened',
  async (record, visitId: string): Promise<CorrectionForm | null> => {
    if (!isUuid(visitId)) return null;
    const visit = await visitOf(record, visitId);
    const context = await formContext(record, correctionDraftKey(visitId));
    if (!visit) return null;
    await auditPart(record, 'visit.correction_opened', { type: VISIT, id: visitId });
    return { ...context, visit: visit.content, version: visit.version };
  },
);

class Unchanged extends Error {
  constructor(readonly context: VisitFormContext) {
    super('unchanged');
  }
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
  const purpose = { need: 'change', action: 'visit.corrected', source } as const;
  const saved = await withChildRecord(database, actor, childId, purpose, async (record): Promise<VisitSave> => {
    const { tx } = record;
    const visit = await visitOf(record, visitId);
    const context = await formContext(record, correctionDraftKey(visitId));
    if (!visit) return notFound;
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
    if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors, context };
    const fields = changedFields(
      visit.content as unknown as Record<string, unknown>,
      parsed.visit as unknown as Record<string, unknown>,
    );
    const reason = change.values.reason.trim();
    const version = await saveVersion(tx, actor.tenantId, {
      recordType: VISIT,
      recordId: visitId,
      before: visit.content as unknown as Record<string, unknown>,
      beforeRecordedAt: visit.createdAt,
      content: parsed.visit as unknown as Record<string, unknown>,
      expectedVersion: change.expectedVersion,
      author: author(actor),
      reason,
      isCorrection: true,
    });
    if (version.outcome === 'conflict') {
      return {
        outcome: 'conflict',
        context,
        theirs: version.current.content as unknown as VisitContent,
        theirVersion: version.current.version,
        theirAuthor: 'recordedByLabel' in version.current ? version.current.recordedByLabel : '',
      };
    }
    // Nothing changed: thrown, so the transaction rolls back and no empty version is kept.
    if (fields.length === 0) throw new Unchanged(context);
    await updateVisit(tx, actor.tenantId, visitId, parsed.visit, version.version);
    if (actor.userId) await deleteDraft(tx, actor.tenantId, actor.userId, childId, correctionDraftKey(visitId));
    await auditPart(
      record,
      'visit.corrected',
      { type: VISIT, id: visitId },
      { fields: fields.join(','), version: version.version },
      reason,
    );
    return { outcome: 'saved', visitId, version: version.version };
  }).catch((error: unknown) => {
    if (error instanceof Unchanged) return { outcome: 'unchanged' as const, context: error.context };
    throw error;
  });
  return saved ?? notFound;
}

/**
 * A visit's lines with their source (visit, version, line), for carrying a line into the
 * child's current mapping. Access-checked and audited like reading the visit.
 */
export const linesOfVisit = recordService(
  'view',
  'visit.viewed',
  async (record, visitId: string): Promise<VisitLine[] | null> => {
    const visit = await visitOf(record, visitId);
    if (!visit) return null;
    await auditPart(record, 'visit.viewed', { type: VISIT, id: visitId }, { part: 'lines' });
    return visitLines(visitId, visit.version, forReader(record.actor, visit.content));
  },
);
