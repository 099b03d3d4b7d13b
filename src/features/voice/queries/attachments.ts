/** Attachments: what is attached to a record, and the content for the checked download. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { insertReturningId, isRowOfChild, ofChild } from '../../../platform/db/rows.js';
import { attachments, type AttachmentOwner, type AttachmentType } from '../schema.js';

export async function insertAttachment(
  tx: Tx,
  tenantId: string,
  childId: string,
  attachment: {
    belongsTo: AttachmentOwner;
    belongsToId: string | null;
    fileName: string;
    contentType: AttachmentType;
    description: string | null;
    content: Buffer;
  },
  author: { userId: string | null; label: string },
): Promise<string> {
  return insertReturningId(tx, attachments, {
    tenantId,
    childPersonId: childId,
    ...attachment,
    byteSize: attachment.content.length,
    uploadedBy: author.userId,
    uploadedByLabel: author.label,
  });
}

/** What is attached to one record (not the content itself). */
export async function attachmentsOf(
  tx: Tx,
  tenantId: string,
  childId: string,
  belongsTo: AttachmentOwner,
  belongsToId: string,
) {
  return tx
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      description: attachments.description,
      uploadedByLabel: attachments.uploadedByLabel,
      uploadedAt: attachments.uploadedAt,
    })
    .from(attachments)
    .where(
      ofChild(
        attachments,
        tenantId,
        childId,
        eq(attachments.belongsTo, belongsTo),
        eq(attachments.belongsToId, belongsToId),
      ),
    )
    .orderBy(attachments.uploadedAt);
}

export async function findAttachmentContent(tx: Tx, tenantId: string, childId: string, attachmentId: string) {
  const [row] = await tx
    .select({ fileName: attachments.fileName, contentType: attachments.contentType, content: attachments.content })
    .from(attachments)
    .where(isRowOfChild(attachments, tenantId, childId, attachmentId));
  return row;
}
