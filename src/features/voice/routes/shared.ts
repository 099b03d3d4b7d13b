/** What voice's page routes share: what they are given, who may call them, and a 404. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { hasPermission } from '../../../platform/identity/roles.js';
import { childRecordNavigation, type ChildRecordSection } from '../../../platform/views/child-record-navigation.js';
import type { ChildSummary } from '../../child-record/index.js';
import { childShortName } from '../names.js';
import { noticeFor } from '../presenters.js';

/** What voice's pages need from the application: the database, and the chronology's sources. */
export type VoicePagesContext = Pick<FeatureContext, 'database' | 'chronology'>;

export const viewAccess = { permission: 'child_record.view' } as const;
export const changeAccess = { permission: 'child_record.change' } as const;

/** Answers as if the record did not exist: the same for a refusal as for a wrong id. */
export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

/**
 * What the top of each of voice's pages in the child's record shows: the page's title, the
 * child, the heading, the record's navigation at `section`, and the notice the page was sent.
 */
export function recordPageTop(
  request: { params: { childId: string }; query: { notice?: string } },
  child: ChildSummary,
  page: { title: string; heading: string; section: ChildRecordSection },
) {
  return {
    pageTitle: page.title,
    child,
    childName: childShortName(child),
    recordHeading: page.heading,
    recordNavigation: childRecordNavigation(request.params.childId, page.section),
    notice: noticeFor(request.query.notice),
  };
}

/** Whether the person asking may change children's records (what the page offers them). */
export const mayChange = (request: FastifyRequest): boolean =>
  hasPermission(request.actor!.roles, 'child_record.change');

/** A GOV.UK date input's three boxes, filled with today's date in the UK. */
export function todayParts(prefix: string, today: string): Record<string, string> {
  const [year = '', month = '', day = ''] = today.split('-');
  return {
    [`${prefix}-Day`]: String(Number(day)),
    [`${prefix}-Month`]: String(Number(month)),
    [`${prefix}-Year`]: year,
  };
}
