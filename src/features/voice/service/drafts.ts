/**
 * Drafts: what is typed in a form, kept for its author as they type. A draft saved elsewhere
 * (another window) since the version this page holds is handed back rather than overwritten.
 */
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type RequestSource } from '../../child-record/index.js';
import { findDraft, saveDraftIfCurrent } from '../queries.js';
import type { DraftContent } from '../schema.js';
import { auditPart } from './record.js';
import type { DraftView } from './visits.js';

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
  const { userId } = actor;
  if (!userId) return { outcome: 'not_found' };
  const purpose = { need: 'change', action: 'draft.saved', source } as const;
  const saved = await withChildRecord(database, actor, childId, purpose, async (record): Promise<DraftSave> => {
    const key = { userId, childId, formKey };
    const draft = await saveDraftIfCurrent(record.tx, actor.tenantId, key, change.content, change.expectedVersion);
    if (!draft) {
      const theirs = await findDraft(record.tx, actor.tenantId, userId, childId, formKey);
      return theirs ? { outcome: 'conflict', theirs } : { outcome: 'not_found' };
    }
    await auditPart(record, 'draft.saved', { type: 'draft', id: childId }, { form: formKey, version: draft.version });
    return { outcome: 'saved', version: draft.version, savedAt: draft.savedAt };
  });
  return saved ?? { outcome: 'not_found' };
}

export async function readDraft(
  database: Database,
  actor: Actor,
  childId: string,
  formKey: string,
  source: RequestSource,
): Promise<{ draft: DraftView | null } | null> {
  const { userId } = actor;
  if (!userId) return null;
  return withChildRecord(database, actor, childId, { need: 'change', action: 'draft.read', source }, async (record) => {
    const draft = (await findDraft(record.tx, actor.tenantId, userId, childId, formKey)) ?? null;
    await auditPart(record, 'draft.read', { type: 'draft', id: childId }, { form: formKey });
    return { draft };
  });
}
