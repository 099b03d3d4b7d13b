/** The caseload's pages as people read them: the list of children and a child's record front page. */
import type { PageContext } from '../../platform/views/render.js';
import type { FormErrors } from '../../platform/http/forms.js';
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { childRecordPaths, presentAge, presentDate, type ChildSummary } from '../child-record/index.js';
import { overdueWorkInWords } from '../plans/index.js';
import type { Caseload } from './service.js';
import { caseloadPaths } from './paths.js';

const notices: Record<string, string> = {
  details_changed: 'The details have been changed. The earlier version is kept in the history.',
  person_added: 'They have been added to the network.',
  relationship_added: 'The relationship has been recorded.',
  relationship_changed: 'The relationship has been changed. The earlier version is kept.',
  no_longer_involved: 'They are marked as no longer involved. Their place in the history is kept.',
  merged: 'The two records are now one. Both histories are kept.',
  person_changed: 'Their details have been changed. The earlier details are kept in the history.',
  person_unchanged: 'Nothing was changed.',
};

/** The banner after a change elsewhere in the record (the `notice` in the link back), or none. */
export const noticeFor = (code: unknown): string | null => (typeof code === 'string' ? (notices[code] ?? null) : null);

/** The caseload page: the children listed, and a switch between one's own and one's teams' children. */
export function presentCaseload(
  { children, scope, hasTeams, overdueWork, whereNow }: Caseload,
  mostUrgentFirst = false,
): PageContext {
  const urgency = (childId: string) => whereNow.get(childId)?.urgency ?? Number.MAX_SAFE_INTEGER;
  const listed = mostUrgentFirst ? [...children].sort((a, b) => urgency(a.childId) - urgency(b.childId)) : children;
  return {
    mostUrgentFirst,
    sortHref: caseloadPaths.caseload.href({}, { show: scope === 'my_teams' ? 'team' : 'mine', sort: 'urgent' }),
    pageTitle: 'Children you work with',
    listNavigation: hasTeams
      ? [
          {
            text: 'Allocated to you',
            href: caseloadPaths.caseload.href({}, { show: 'mine' }),
            active: scope === 'allocated_to_me',
          },
          {
            text: 'Your teams’ children',
            href: caseloadPaths.caseload.href({}, { show: 'team' }),
            active: scope === 'my_teams',
          },
        ]
      : null,
    scope,
    children: listed.map((child) => ({
      ...child,
      whereNow: whereNow.get(child.childId) ?? null,
      href: childRecordPaths.record.href({ childId: child.childId }),
      age: presentAge(child.dateOfBirth, child.dateOfBirthIsApproximate),
      overdue: overdueWorkInWords(overdueWork.get(child.childId)),
    })),
  };
}

/** The child's summary at the top of their record's front page. */
export function presentChild(child: ChildSummary) {
  return {
    ...child,
    age: presentAge(child.dateOfBirth, child.dateOfBirthIsApproximate),
    dateOfBirthText: presentDate(child.dateOfBirth),
    openedOnText: presentDate(child.openedOn),
  };
}

/** The record's front page frame: its title, the record's navigation and the way back to the caseload. */
export function childRecordFrame(child: ChildSummary) {
  return {
    pageTitle: child.knownAs ?? child.fullName,
    recordNavigation: childRecordNavigation(child.childId, 'network'),
    child: presentChild(child),
    backHref: caseloadPaths.caseload.href({}),
  };
}

/** The page asking why someone needs to open a restricted record (its name only when they may know it). */
export function restrictedRecordPage(
  childId: string,
  form: { childName?: string; grantUntil?: Date; values: { reason?: string }; errors: FormErrors },
): PageContext {
  return {
    pageTitle: 'This record is restricted',
    ...(form.childName === undefined ? {} : { childName: form.childName }),
    action: childRecordPaths.openRestricted.href({ childId }),
    // The council sets how long; shown when known (not on a form sent back with an error).
    grantUntilText: form.grantUntil
      ? `until ${ukDateTimeInWords(form.grantUntil)}`
      : 'for a short time your council sets',
    values: form.values,
    ...form.errors,
  };
}
