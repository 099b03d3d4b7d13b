/** Direct work with the child (Three Houses, Wizard or Fairy, ...): recording it and reading it back. */
import type { Database } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type ChildSummary, type RequestSource } from '../../child-record/index.js';
import { attachmentsOf, findDirectWork, insertDirectWork } from '../queries.js';
import type { DirectWorkTool, DirectWorkWords } from '../schema.js';
import { auditPart, author } from './record.js';
import type { AttachmentSummary } from './attachments.js';

export interface DirectWorkRecord {
  id: string;
  tool: DirectWorkTool;
  doneOn: string;
  doneWith: string;
  childsWords: DirectWorkWords;
  recordedByLabel: string;
}

export function recordDirectWork(
  database: Database,
  actor: Actor,
  childId: string,
  work: { tool: DirectWorkTool; doneOn: string; doneWith: string; childsWords: DirectWorkWords },
  source: RequestSource,
): Promise<string | null> {
  return withChildRecord(
    database,
    actor,
    childId,
    { need: 'change', action: 'direct_work.recorded', source },
    async (record) => {
      const id = await insertDirectWork(record.tx, actor.tenantId, childId, work, author(actor));
      await auditPart(record, 'direct_work.recorded', { type: 'direct_work', id }, { tool: work.tool });
      return id;
    },
  );
}

export async function viewDirectWork(
  database: Database,
  actor: Actor,
  childId: string,
  workId: string,
  source: RequestSource,
): Promise<{ child: ChildSummary; work: DirectWorkRecord; attachments: AttachmentSummary[] } | null> {
  const found = await withChildRecord(
    database,
    actor,
    childId,
    { need: 'view', action: 'direct_work.viewed', source },
    async (record) => {
      if (!isUuid(workId)) return null;
      const work = await findDirectWork(record.tx, actor.tenantId, childId, workId);
      if (!work) return null;
      const attached = await attachmentsOf(record.tx, actor.tenantId, childId, 'direct_work', workId);
      await auditPart(record, 'direct_work.viewed', { type: 'direct_work', id: workId });
      return { child: record.child, work, attachments: attached };
    },
  );
  return found ?? null;
}
