/**
 * Photos, drawings and documents attached to a record of the child's. The type is decided from
 * the content; the record an attachment belongs to must be this child's; every opening is audited.
 */
import { isUuid } from '../../../platform/db/ids.js';
import type { attachmentsOf } from '../queries.js';
import { findAttachmentContent, findDirectWork, findVisit, insertAttachment } from '../queries.js';
import type { AttachmentOwner, AttachmentType } from '../schema.js';
import { checkUpload } from '../uploads.js';
import { auditPart, author, recordService } from './record.js';

export type AttachmentSummary = Awaited<ReturnType<typeof attachmentsOf>>[number];

export type AttachmentSave =
  | { outcome: 'saved'; attachmentId: string; contentType: AttachmentType }
  | { outcome: 'invalid'; message: string }
  | { outcome: 'not_found' };

/** Attaches a photo, drawing or document to a record of the child's. */
export const addAttachment = recordService(
  'change',
  'attachment.added',
  async (
    record,
    upload: {
      belongsTo: AttachmentOwner;
      belongsToId: string | null;
      fileName: string;
      description: string | null;
      content: Buffer;
    },
  ): Promise<AttachmentSave> => {
    const { tx, tenantId, childId, actor } = record;
    const ownerId = upload.belongsTo === 'child_record' ? null : upload.belongsToId;
    if (upload.belongsTo !== 'child_record') {
      const owner =
        ownerId && isUuid(ownerId)
          ? upload.belongsTo === 'direct_work'
            ? await findDirectWork(tx, tenantId, childId, ownerId)
            : await findVisit(tx, tenantId, childId, ownerId)
          : undefined;
      if (!owner) return { outcome: 'not_found' };
    }
    const checked = checkUpload(upload.fileName, upload.content);
    if (!checked.ok) return { outcome: 'invalid', message: checked.message };
    const attachmentId = await insertAttachment(
      tx,
      tenantId,
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
    await auditPart(
      record,
      'attachment.added',
      { type: 'attachment', id: attachmentId },
      { contentType: checked.contentType, bytes: upload.content.length },
    );
    return { outcome: 'saved', attachmentId, contentType: checked.contentType };
  },
  { outcome: 'not_found' } as const,
);

/** An attachment's content, for the access-checked download route. Every opening is audited. */
export const openAttachment = recordService('view', 'attachment.opened', async (record, attachmentId: string) => {
  const attachment = isUuid(attachmentId)
    ? await findAttachmentContent(record.tx, record.tenantId, record.childId, attachmentId)
    : undefined;
  if (!attachment) return null;
  await auditPart(record, 'attachment.opened', { type: 'attachment', id: attachmentId });
  return attachment;
});
