/** What voice's page routes share: what they are given, who may call them, and a 404. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { hasPermission } from '../../../platform/identity/roles.js';
import { childRecordNavigation, type ChildRecordSection } from '../../../platform/views/child-record-navigation.js';
import type { ChildSummary } from '../../child-record/index.js';
import { childShortName } from '../names.js';
import type { ParticipationPreference } from '../participation.js';
import { voicePaths } from '../paths.js';
import { noticeFor, presentPreference } from '../presenters.js';

/** What voice's pages need from the application: the database, and the chronology's sources. */
export type VoicePagesContext = Pick<FeatureContext, 'database' | 'chronology'>;

export const viewAccess = { permission: 'child_record.view' } as const;
export const changeAccess = { permission: 'child_record.change' } as const;

/** A page that shows part of the child's record, and the audit action it records. */
export const viewing = (audit: AuditAction) => ({ access: viewAccess, audit });
/** A page that changes the child's record (or its form), and the audit action it records. */
export const changing = (audit: AuditAction) => ({ access: changeAccess, audit });

/** Answers as if the record did not exist: the same for a refusal as for a wrong id. */
export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

/**
 * What the top of each of voice's pages in the child's record shows: the page's title, the
 * child, the heading, the record's navigation at `section`, and the notice the page was sent.
 * A list's heading ('Visits') is titled with the child's name ('Visits: Robin'); one record's
 * heading is what it is and when (['Home visit', '3 February 2025']: 'Home visit: 3 February 2025').
 */
export function recordPageTop(
  request: { params: { childId: string }; query: { notice?: string } },
  child: ChildSummary,
  section: ChildRecordSection,
  heading: string | readonly [what: string, when: string],
) {
  const childName = childShortName(child);
  const [pageTitle, recordHeading] =
    typeof heading === 'string'
      ? [`${heading}: ${childName}`, heading]
      : [`${heading[0]}, ${heading[1]}`, `${heading[0]}: ${heading[1]}`];
  return {
    pageTitle,
    child,
    childName,
    recordHeading,
    recordNavigation: childRecordNavigation(request.params.childId, section),
    notice: noticeFor(request.query.notice),
  };
}

/** How the child would like to take part in meetings, as the visits and own-words pages show it. */
export function preferenceOnPage(
  request: FastifyRequest<{ Params: { childId: string } }>,
  page: { preference: ParticipationPreference | null; preferenceSentence: string },
) {
  return {
    preferenceSentence: page.preferenceSentence,
    preference: presentPreference(page.preference),
    mayChange: mayChange(request),
    takingPartHref: voicePaths.takingPart.href({ childId: request.params.childId }),
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
