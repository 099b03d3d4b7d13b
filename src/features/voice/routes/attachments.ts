/** Downloading an attachment: only through this route, which checks access and audits every opening. */
import type { FastifyInstance } from 'fastify';
import { requestSource } from '../../../platform/http/request-source.js';
import { voicePaths } from '../paths.js';
import { openAttachment } from '../service.js';
import { contentDisposition } from '../uploads.js';
import { notFound, viewAccess, type VoicePagesContext } from './shared.js';

export function registerAttachmentDownload(app: FastifyInstance, { database }: VoicePagesContext): void {
  app.get<{ Params: { childId: string; attachmentId: string } }>(
    voicePaths.attachment.pattern,
    { config: { access: viewAccess, audit: 'attachment.opened' } },
    async (request, reply) => {
      const { childId, attachmentId } = request.params;
      const found = await openAttachment(database, request.actor!, childId, attachmentId, requestSource(request));
      if (!found) return notFound(reply);
      // The type is the one found in the content when it was uploaded; the browser may not guess
      // another, and the file can run nothing even if opened on its own.
      return reply
        .header('content-type', found.contentType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          contentDisposition(found.contentType.startsWith('image/') ? 'inline' : 'attachment', found.fileName),
        )
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(found.content);
    },
  );
}
