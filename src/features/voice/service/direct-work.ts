/** Direct work with the child (Three Houses, Wizard or Fairy, ...): recording it and reading it back. */
import { isUuid } from '../../../platform/db/ids.js';
import type { ChildSummary } from '../../child-record/index.js';
import { attachmentsOf, findDirectWork, insertDirectWork } from '../queries.js';
import type { DirectWorkTool, DirectWorkWords } from '../schema.js';
import { auditPart, author, recordService } from './record.js';
import type { AttachmentSummary } from './attachments.js';

export interface DirectWorkRecord {
  id: string;
  tool: DirectWorkTool;
  doneOn: string;
  doneWith: string;
  childsWords: DirectWorkWords;
  recordedByLabel: string;
}

export const recordDirectWork = recordService(
  'change',
  'direct_work.recorded',
  async (record, work: { tool: DirectWorkTool; doneOn: string; doneWith: string; childsWords: DirectWorkWords }) => {
    const id = await insertDirectWork(record.tx, record.tenantId, record.childId, work, author(record.actor));
    await auditPart(record, 'direct_work.recorded', { type: 'direct_work', id }, { tool: work.tool });
    return id;
  },
);

export const viewDirectWork = recordService(
  'view',
  'direct_work.viewed',
  async (
    record,
    workId: string,
  ): Promise<{ child: ChildSummary; work: DirectWorkRecord; attachments: AttachmentSummary[] } | null> => {
    const { tx, tenantId, childId } = record;
    const work = isUuid(workId) ? await findDirectWork(tx, tenantId, childId, workId) : undefined;
    if (!work) return null;
    const attached = await attachmentsOf(tx, tenantId, childId, 'direct_work', workId);
    await auditPart(record, 'direct_work.viewed', { type: 'direct_work', id: workId });
    return { child: record.child, work, attachments: attached };
  },
);
