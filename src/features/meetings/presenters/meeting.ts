/** Presenting meetings: the child's meetings, one meeting, its conference's stages and who was invited. */
import { presentDate } from '../../child-record/index.js';
import { childRecordNavigation } from '../../../platform/views/child-record-navigation.js';
import { plansPaths, todayInUk } from '../../plans/index.js';
import {
  actionPlanState,
  isWithdrawn,
  meetingKindNames,
  meetingKindPurposes,
  professionalsOnly,
  stageNames,
  stillInvited,
  withdrawalProblem,
} from '../conference.js';
import { meetingPaths, stageSlugs } from '../paths.js';
import type { ConferenceStage } from '../schema.js';
import type { CalendarMeeting } from '../calendar.js';
import { attendanceNames } from './fields.js';
import type { InviteeRow, MeetingsSection, MeetingView } from '../service.js';

/** What the child is called on the pages: the name they are known by, or their first name. */
export const childName = (child: { fullName: string; knownAs: string | null }) =>
  child.knownAs ?? child.fullName.split(' ')[0]!;

/** The top of a page of the child's record, in its Meetings section. */
export const recordHeader = (child: MeetingView['child'], heading: string) => ({
  child,
  recordHeading: heading,
  recordNavigation: childRecordNavigation(child.childId, 'meetings'),
});

/** A link to one of the child's plans, at one of its actions when given. */
export function planHref(childId: string, planId: string, planActionId?: string): string {
  const plan = plansPaths.plan.href({ childId, planId });
  return planActionId ? `${plan}#action-${encodeURIComponent(planActionId)}` : plan;
}

// ---- Presenting a meeting -------------------------------------------------------------------

export const timeText = (meeting: { startsAt: string | null; endsAt: string | null }) =>
  meeting.startsAt ? `${meeting.startsAt}${meeting.endsAt ? ` to ${meeting.endsAt}` : ''}` : 'Time to be arranged';

export const stageTag = (stage: ConferenceStage | null) =>
  stage ? { text: stageNames[stage], classes: stage === 'agreed' ? 'govuk-tag--green' : 'govuk-tag--blue' } : null;

export function presentConference(view: MeetingView) {
  const { meeting } = view;
  if (!meeting.stage) return null;
  const conference = meeting.conference;
  const { childId } = view.child;
  const stages: {
    slug: string;
    name: string;
    done: boolean;
    summary: { key: string; value: string; lines?: string[] }[];
  }[] = [
    {
      slug: stageSlugs.preparation,
      name: 'Preparation',
      done: Boolean(conference.preparation),
      summary: conference.preparation
        ? [
            { key: 'Referred', value: presentDate(conference.preparation.referredOn) },
            { key: 'Why', value: conference.preparation.whyReferred },
            { key: 'The family agreed', value: presentDate(conference.preparation.familyAgreedOn) },
            { key: 'The child’s preparation', value: conference.preparation.childPreparation ?? 'Not recorded yet' },
            { key: 'Advocate', value: conference.preparation.advocate ?? 'None asked for' },
            {
              key: 'Arrangements',
              value:
                [
                  conference.preparation.language && `Language: ${conference.preparation.language}`,
                  conference.preparation.interpreter && `Interpreter: ${conference.preparation.interpreter}`,
                  conference.preparation.accessNeeds && `Access: ${conference.preparation.accessNeeds}`,
                  conference.preparation.venue && `Venue: ${conference.preparation.venue}`,
                  conference.preparation.food && `Food: ${conference.preparation.food}`,
                  conference.preparation.childcare && `Childcare: ${conference.preparation.childcare}`,
                ]
                  .filter(Boolean)
                  .join('. ') || 'None recorded',
            },
          ]
        : [],
    },
    {
      slug: stageSlugs.information,
      name: 'Information',
      done: Boolean(conference.information),
      summary: conference.information
        ? [
            { key: 'Worries', value: conference.information.worries },
            { key: 'What is working well', value: conference.information.strengths },
            { key: 'Bottom lines', value: '', lines: conference.information.bottomLines },
            { key: 'Help available', value: conference.information.resources ?? 'None recorded' },
            { key: 'Questions and answers', value: conference.information.questionsAndAnswers ?? 'None recorded' },
          ]
        : [],
    },
    {
      slug: stageSlugs.privateFamilyTime,
      name: 'Private family time',
      done: Boolean(conference.privateFamilyTime),
      summary: conference.privateFamilyTime
        ? [
            {
              key: 'Time',
              value: `${conference.privateFamilyTime.startedAt} to ${conference.privateFamilyTime.endedAt}`,
            },
            { key: 'The family’s plan', value: conference.privateFamilyTime.familyPlan },
          ]
        : [],
    },
    {
      slug: stageSlugs.agreement,
      name: 'Agreement',
      done: Boolean(conference.agreement),
      summary: conference.agreement
        ? [
            {
              key: 'Meets every bottom line',
              value: conference.agreement.meetsBottomLines
                ? 'Yes'
                : `No. Why it is accepted: ${conference.agreement.unmetBottomLinesReason ?? 'not accepted'}`,
            },
            { key: 'Plan accepted', value: conference.agreement.planAccepted ? 'Yes' : 'Not yet' },
            { key: 'What was agreed', value: conference.agreement.whatWasAgreed },
            { key: 'Changes and why', value: conference.agreement.changesAndWhy ?? 'None' },
            { key: 'Help committed', value: conference.agreement.resourcesCommitted ?? 'None recorded' },
            { key: 'Who will tell the child', value: conference.agreement.whoWillTellChild },
            { key: 'Review', value: presentDate(conference.agreement.reviewOn) },
          ]
        : [],
    },
  ];
  return {
    stage: meeting.stage,
    stageTag: stageTag(meeting.stage),
    coordinatorName: meeting.coordinatorName,
    stages: stages.map((stage) => ({
      ...stage,
      href:
        view.mayChange && meeting.stage !== 'agreed'
          ? meetingPaths.stage.href({ childId, meetingId: meeting.id, stage: stage.slug })
          : null,
      rows: stage.summary.map((row) => ({
        key: { text: row.key },
        value: row.lines
          ? {
              html: `<ul class="govuk-list govuk-list--bullet">${row.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
            }
          : { text: row.value },
      })),
    })),
    planHref: meeting.planId ? planHref(childId, meeting.planId) : null,
  };
}

export const meetingNotices: Record<string, (name: string) => string> = {
  'added-to-plan': (name) => `The action is now in ${name}’s plan`,
  'invitation-withdrawn': () => 'The invitation has been withdrawn. The meeting’s record still shows it',
};

/** An invitation withdrawn, in words: "Invitation withdrawn on 2 December 2026: invited by mistake". */
function withdrawnInWords(invitee: InviteeRow): string {
  const on = presentDate(todayInUk(invitee.withdrawnAt!));
  return `Invitation withdrawn on ${on}${invitee.withdrawalReason ? `: ${invitee.withdrawalReason}` : ''}`;
}

/** One row of the table of who was invited: who, whether they came, their visit, and what may be done. */
export function inviteeRow(opened: MeetingView, invitee: InviteeRow) {
  const { childId } = opened.child;
  const meetingId = opened.meeting.id;
  const who = { text: invitee.name + (invitee.relationship ? ` (${invitee.relationship})` : '') };
  const visit = { text: invitee.preparationVisitOn ? presentDate(invitee.preparationVisitOn) : 'Not yet' };
  if (isWithdrawn(invitee)) return [who, { text: withdrawnInWords(invitee) }, visit, { text: '' }];
  const name = escapeHtml(invitee.name);
  const links = opened.mayChange
    ? [
        `<a class="govuk-link" href="${meetingPaths.invitee.href({ childId, meetingId, inviteeId: invitee.id })}">Change<span class="govuk-visually-hidden"> for ${name}</span></a>`,
        ...(withdrawalProblem(invitee, opened.meeting, opened.today) === null
          ? [
              `<a class="govuk-link" href="${meetingPaths.withdrawInvitation.href({ childId, meetingId, inviteeId: invitee.id })}">Withdraw<span class="govuk-visually-hidden"> ${name}’s</span> invitation</a>`,
            ]
          : []),
      ]
    : [];
  return [
    who,
    { text: attendanceNames[invitee.attendance] },
    visit,
    links.length
      ? { html: `<ul class="govuk-list app-table-actions">${links.map((link) => `<li>${link}</li>`).join('')}</ul>` }
      : { text: '' },
  ];
}

export const sentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;

export const escapeHtml = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** The child's meetings and the offers made to the family. */
export function sectionPage(section: MeetingsSection, familyView: boolean) {
  const { childId } = section.child;
  const name = childName(section.child);
  return {
    pageTitle: `Meetings – ${name}`,
    ...recordHeader(section.child, 'Meetings'),
    childName: name,
    newMeetingHref: section.mayChange ? meetingPaths.newMeeting.href({ childId }) : null,
    newOfferHref: section.mayChange ? meetingPaths.newOffer.href({ childId }) : null,
    meetings: section.meetings.map((meeting) => ({
      href: meetingPaths.meeting.href({ childId, meetingId: meeting.id }),
      kindName: meetingKindNames[meeting.kind],
      heldOnText: presentDate(meeting.heldOn),
      timeText: timeText(meeting),
      place: meeting.place,
      stageTag: stageTag(meeting.stage),
      isReview: meeting.reviewOfMeetingId !== null,
      invited: stillInvited(meeting.invitees).length,
      came: meeting.invitees.filter((invitee) => invitee.attendance === 'came').length,
    })),
    offerRows: section.offers.map((offer) => [
      { text: presentDate(offer.offeredOn) },
      { text: offer.beforeDecision },
      {
        text:
          offer.response === 'awaiting'
            ? 'Waiting for an answer'
            : offer.response === 'accepted'
              ? `Accepted on ${presentDate(offer.respondedOn)}`
              : `Declined on ${presentDate(offer.respondedOn)}: “${offer.familyReason ?? ''}”`,
      },
      section.mayChange
        ? {
            html: `<a class="govuk-link" href="${meetingPaths.offer.href({ childId, offerId: offer.id })}">Record the answer<span class="govuk-visually-hidden"> to the offer of ${presentDate(offer.offeredOn)}</span></a>`,
          }
        : { text: '' },
    ]),
    familyView,
  };
}

/** One meeting, as the actor may see it; `notice` says what was just done. */
export function meetingPage(opened: MeetingView, notice: string | undefined) {
  const { meeting } = opened;
  const { childId } = opened.child;
  const meetingId = meeting.id;
  const kindName = meetingKindNames[meeting.kind];
  const may = opened.mayChange;
  return {
    pageTitle: `${kindName}, ${presentDate(meeting.heldOn)} – ${childName(opened.child)}`,
    ...recordHeader(opened.child, kindName),
    backHref: meetingPaths.section.href({ childId }),
    childName: childName(opened.child),
    familyView: opened.familyView,
    summaryRows: [
      { key: { text: 'When' }, value: { text: `${presentDate(meeting.heldOn)}, ${timeText(meeting)}` } },
      { key: { text: 'Where' }, value: { text: meeting.place } },
      {
        key: { text: 'What it is for' },
        value: { text: meeting.purpose ?? sentence(meetingKindPurposes[meeting.kind]) },
      },
      ...(meeting.coordinatorName ? [{ key: { text: 'Coordinator' }, value: { text: meeting.coordinatorName } }] : []),
    ],
    childRows: [
      {
        key: { text: `How ${childName(opened.child)} wants to take part` },
        value: { text: meeting.childPreference ?? 'Not recorded' },
      },
      { key: { text: 'How they took part' }, value: { text: meeting.howChildTookPart ?? 'Not recorded yet' } },
    ],
    whatWasShared: meeting.whatWasShared,
    professionalNotes: opened.familyView ? null : meeting.professionalNotes,
    whatHappenedHref: may ? meetingPaths.whatHappened.href({ childId, meetingId }) : null,
    inviteHref: may ? meetingPaths.invitees.href({ childId, meetingId }) : null,
    notice: Object.hasOwn(meetingNotices, notice ?? '') ? meetingNotices[notice!]!(childName(opened.child)) : null,
    inviteeRows: opened.invitees.map((invitee) => inviteeRow(opened, invitee)),
    decisions: meeting.decisions,
    actions: meeting.actions.map((action) => {
      const plan = actionPlanState(opened.actionsInPlans.get(action.id), opened);
      return {
        ...action,
        dueOnText: presentDate(action.dueOn),
        inPlanHref: plan.state === 'in_plan' ? planHref(childId, plan.planId, plan.planActionId) : null,
        inPlanTitle: plan.state === 'in_plan' ? plan.planTitle : null,
        addToPlanHref:
          plan.state === 'can_add' ? meetingPaths.actionToPlan.href({ childId, meetingId, actionId: action.id }) : null,
      };
    }),
    decisionHref: may ? meetingPaths.decisions.href({ childId, meetingId }) : null,
    actionHref: may ? meetingPaths.actions.href({ childId, meetingId }) : null,
    conference: presentConference(opened),
    waiting: opened.waiting,
    icsHref: meetingPaths.invitation.href({ childId, meetingId }),
    letterHref: professionalsOnly.includes(meeting.kind) ? null : meetingPaths.letter.href({ childId, meetingId }),
  };
}

/** The printable invitation letter (never for a meeting only professionals go to). */
export function letterPage(opened: MeetingView) {
  const { meeting } = opened;
  const name = childName(opened.child);
  return {
    pageTitle: `Invitation letter – ${meetingKindNames[meeting.kind]} – ${name}`,
    backHref: meetingPaths.meeting.href({ childId: opened.child.childId, meetingId: meeting.id }),
    councilName: opened.councilName,
    childName: name,
    kindName: meetingKindNames[meeting.kind],
    purpose: meeting.purpose ?? meetingKindPurposes[meeting.kind],
    kindPurpose: meetingKindPurposes[meeting.kind],
    whenText: `${presentDate(meeting.heldOn)}, ${timeText(meeting)}`,
    place: meeting.place,
    isConference: meeting.kind === 'family_group_conference',
    coordinatorName: meeting.coordinatorName,
    whoWillBeThere: stillInvited(opened.invitees).map(
      (invitee) => invitee.name + (invitee.relationship ? ` (${invitee.relationship})` : ''),
    ),
    arrangements: meeting.conference.preparation ?? null,
  };
}

/** What the calendar invitation says: the kind of meeting, when and where, and nothing from the record. */
export function calendarMeetingOf(opened: MeetingView): CalendarMeeting {
  const { meeting } = opened;
  return {
    meetingId: meeting.id,
    kindName: meetingKindNames[meeting.kind],
    heldOn: meeting.heldOn,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    organiser: opened.councilName,
    purpose: meetingKindPurposes[meeting.kind],
  };
}
