/**
 * What the plan pages show, worked out here so templates hold no rules and routes only route:
 * the child's name and header, dates as typed, notices, the list of plans, the staff plan page
 * and the family version's page.
 */
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import type { LanguageCheck } from '../language/index.js';
import type { FamilyVersion } from './family-version.js';
import { plansPaths } from './paths.js';
import { dateInWords, sourceInWords, statusInWords, type PlanActionSource } from './plan-rules.js';
import type { ChildForPlans, ChildPlans, PlanView } from './service.js';
import { renderProgressChart } from './progress-chart.js';
import { agreementResponseNames, dateFrom, ownerCircleNames, planKindNames } from './validation.js';

/** "3 June 2026 at 14:05" in the UK. */
export const whenRecorded = (when: Date) => ukDateTimeInWords(when);

export const childName = (child: ChildForPlans) => child.knownAs ?? child.fullName.split(' ')[0] ?? child.fullName;

/** The child's record header above a plan page. */
export const header = (child: ChildForPlans) => ({
  child: { fullName: child.fullName, knownAs: child.knownAs, reference: child.reference },
  recordNavigation: childRecordNavigation(child.id, 'plans'),
});

/** A date as typed, in words when it is a real date. */
export function dateTyped(day = '', month = '', year = ''): string {
  const parsed = dateFrom(day, month, year, 'the date', true);
  return parsed.ok ? dateInWords(parsed.value) : `${day}/${month}/${year}`;
}

const noticeText: Record<string, string> = {
  started: 'The plan has been started',
  saved: 'Your change has been saved',
  agreed: 'The plan has been recorded as agreed',
  reviewed: 'The review has been recorded',
  agreement: 'Thank you. What you think of the plan has been saved',
  shared: 'The family can now read the family version and say what they think of it',
};
/** The notice at the top of a page after a change (from `?notice=`), or null. */
export const noticeFor = (notice: string | undefined) => noticeText[notice ?? ''] ?? null;

/** Where a plan action came from, in words, linking to the meeting's page. */
export function meetingSource(childId: string, source: PlanActionSource) {
  return {
    text: sourceInWords(source),
    href: plansPaths.meeting.href({ childId, meetingId: source.meetingId }),
  };
}

/** The child's plans: staff open the whole plan, the family the family version. */
export function plansListPage(found: ChildPlans, childId: string, staff: boolean) {
  return {
    pageTitle: `${childName(found.child)}’s plans`,
    ...header(found.child),
    recordHeading: 'Plans',
    childName: childName(found.child),
    mayStart: staff,
    newHref: plansPaths.new.href({ childId }),
    plans: found.plans.map((plan) => ({
      title: plan.title,
      href: staff
        ? plansPaths.plan.href({ childId, planId: plan.id })
        : plansPaths.family.href({ childId, planId: plan.id }),
      kind: planKindNames[plan.kind],
      starts: dateInWords(plan.startsOn),
      status: plan.status === 'agreed' ? `Agreed on ${dateInWords(plan.agreedOn)}` : 'Being written',
      agreed: plan.status === 'agreed',
      overdueActions: plan.overdueActions,
      reviewOverdue: plan.reviewOverdue,
    })),
    hasMapping: found.mapping !== null,
  };
}

/** Everything the staff plan page shows. */
export function planPage(found: PlanView, childId: string, planId: string, mayChange: boolean) {
  const { plan, content } = found;
  const overdue = new Set(found.overdueActionIds);
  const ids = { childId, planId };
  return {
    pageTitle: plan.title,
    ...header(found.child),
    recordHeading: plan.title,
    mayChange,
    summary: [
      { key: { text: 'Kind of plan' }, value: { text: planKindNames[plan.kind] } },
      { key: { text: 'Starts' }, value: { text: dateInWords(plan.startsOn) } },
      {
        key: { text: 'Next review by' },
        value: { text: `${dateInWords(plan.reviewBy)}${found.reviewOverdue ? ' (overdue)' : ''}` },
      },
      {
        key: { text: 'Where it is' },
        value: {
          text:
            plan.status === 'agreed'
              ? `Agreed on ${dateInWords(plan.agreedOn)}${plan.sharedWithFamily ? ', shared with the family' : ''}`
              : 'Being written with the family',
        },
      },
      { key: { text: 'Support the family will get' }, value: { text: content.support ?? 'Not written yet' } },
    ],
    reviewOverdue: found.reviewOverdue,
    agreed: plan.status === 'agreed',
    shared: plan.sharedWithFamily,
    goals: content.goals.map((goal, index) => ({
      number: index + 1,
      goalInFamilyWords: goal.goalInFamilyWords,
      professionalWording: goal.professionalWording,
      worries: goal.worries.map((worry) => worry.statement),
      fromMapping: goal.fromSafetyGoalId !== null,
      changeHref: plansPaths.goal.href({ ...ids, goalId: goal.id }),
    })),
    actions: content.actions.map((action) => ({
      anchor: `action-${action.id}`,
      whatWillHappen: action.whatWillHappen,
      who: `${action.ownerName} (${ownerCircleNames[action.ownerCircle]})`,
      byWhen: dateInWords(action.dueOn),
      status: statusInWords(action.status),
      done: action.status === 'done',
      overdue: overdue.has(action.id),
      goal: content.goals.find((goal) => goal.id === action.goalId)?.goalInFamilyWords ?? 'The whole plan',
      source: action.fromMeeting ? meetingSource(childId, action.fromMeeting) : null,
      changeHref: plansPaths.action.href({ ...ids, actionId: action.id }),
    })),
    progress: found.progress.map((goal, index) => ({
      goalInFamilyWords: goal.goalInFamilyWords,
      svg: renderProgressChart(goal, `progress-${index}`),
      rows: goal.points.map((point) => ({
        heldOn: dateInWords(point.heldOn),
        scores: point.scores.map((score) => `${score.personName}: ${score.score}`).join(', ') || 'No scores',
        average: point.average === null ? 'None' : String(point.average),
      })),
    })),
    reviews: [...found.reviews].reverse().map((review) => ({
      heldOn: dateInWords(review.heldOn),
      whoCame: review.whoCame,
      whatHasChanged: review.whatHasChanged,
      whatHasBeenAchieved: review.whatHasBeenAchieved,
      decisions: review.decisions,
    })),
    agreements: found.agreements.map((agreement) => ({
      who: agreement.personName,
      response: agreementResponseNames[agreement.response],
      words: agreement.inTheirWords,
      when: whenRecorded(agreement.recordedAt),
      earlierVersion:
        agreement.planVersion < plan.version
          ? `About version ${agreement.planVersion}; the plan has changed since`
          : null,
    })),
    achieved: found.reviews
      .filter((review) => review.whatHasBeenAchieved !== null)
      .map((review) => ({ on: dateInWords(review.heldOn), text: review.whatHasBeenAchieved! })),
    changes: found.changesSinceAgreed
      ? {
          agreedOn: dateInWords(found.changesSinceAgreed.agreedOn),
          differences: found.changesSinceAgreed.differences,
          reasons: found.changesSinceAgreed.changes.map((change) => ({
            when: whenRecorded(change.recordedAt),
            who: change.recordedByLabel,
            reason: change.reason ?? 'No reason needed (nothing expected of anyone changed)',
          })),
        }
      : null,
    versions: found.versions.map((version) => ({
      number: version.version,
      when: whenRecorded(version.recordedAt),
      who: version.recordedByLabel,
      reason: version.reason,
    })),
    links: {
      newGoal: plansPaths.newGoal.href(ids),
      newAction: plansPaths.newAction.href(ids),
      agree: plansPaths.agree.href(ids),
      share: plansPaths.share.href(ids),
      details: plansPaths.details.href(ids),
      newReview: plansPaths.newReview.href(ids),
      family: plansPaths.family.href(ids),
      forChild: plansPaths.forChild.href(ids),
      agreement: plansPaths.agreement.href(ids),
      list: plansPaths.list.href({ childId }),
    },
  };
}

/** The family version's page; staff also see how it reads (the language check). */
export function familyPage(
  found: PlanView,
  version: FamilyVersion,
  ids: { childId: string; planId: string },
  reader: { staff: boolean; personId: string | null },
  check: LanguageCheck | null,
) {
  const { staff } = reader;
  return {
    pageTitle: `${version.title}: the family version`,
    version,
    staff,
    shared: found.plan.sharedWithFamily,
    agreed: found.plan.status === 'agreed',
    status:
      found.plan.status === 'agreed'
        ? `Agreed on ${dateInWords(found.plan.agreedOn)}`
        : 'This plan is still being written together. Tell us what you think.',
    backHref: staff ? plansPaths.plan.href(ids) : plansPaths.list.href({ childId: ids.childId }),
    pdfHref: plansPaths.familyPdf.href(ids),
    forChildHref: plansPaths.forChild.href(ids),
    agreementHref: plansPaths.agreement.href(ids),
    language: check
      ? {
          readingAge: check.readability.readingAge,
          target: check.readability.target,
          withinTarget: check.readability.withinTarget,
          findings: check.findings.slice(0, 20).map((finding) => ({
            matched: finding.matched,
            why: finding.why,
            alternatives: finding.alternatives.join(', '),
          })),
          more: Math.max(0, check.findings.length - 20),
        }
      : null,
    agreements: found.agreements
      .filter((agreement) => staff || agreement.personId === reader.personId)
      .map((agreement) => ({
        who: agreement.personName,
        response: agreementResponseNames[agreement.response],
        words: agreement.inTheirWords,
        when: whenRecorded(agreement.recordedAt),
      })),
  };
}
