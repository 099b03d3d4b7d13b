/** Downloading an attachment: only through this route, which checks access and audits every opening. */
import type { FastifyInstance } from 'fastify';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { registerRecordPage } from '../../../platform/http/record-page.js';
import { voicePaths } from '../paths.js';
import { openAttachment } from '../service.js';
import { contentDisposition } from '../uploads.js';
import { viewing, type VoicePagesContext } from './shared.js';

export function registerAttachmentDownload(app: FastifyInstance, { database }: VoicePagesContext): void {
  const call = serviceCaller(database);
  registerRecordPage(app, voicePaths.attachment, {
    ...viewing('attachment.opened'),
    load: (request) => call(request, openAttachment, request.params.childId, request.params.attachmentId),
    show: (found, _request, reply) =>
      // The type is the one found in the content when it was uploaded; the browser may not guess
      // another, and the file can run nothing even if opened on its own.
      reply
        .header('content-type', found.contentType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          contentDisposition(found.contentType.startsWith('image/') ? 'inline' : 'attachment', found.fileName),
        )
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(found.content),
  });
}
