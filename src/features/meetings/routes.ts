/**
 * The meetings pages: the child's meetings and offers, planning a meeting, one meeting (what the
 * family may see of it, for a family member), the forms that record who was invited and came,
 * what happened, decisions and actions, the four stages of a family group conference, the
 * calendar invitation and the printable letter, the coordinator's conferences, and the counts.
 * GOV.UK question pages: checked on the server, shown again with what was typed and an error
 * summary when something is wrong; 303 on success.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { cleanText, dateFromInput, dateInputParts, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { presentDate } from '../child-record/index.js';
import { meetingInvitation } from './calendar.js';
import {
  actionPlanState,
  isWithdrawn,
  meetingKindNames,
  meetingKindPurposes,
  meetingNameInSentence,
  professionalsOnly,
  stageNames,
  stillInvited,
  withdrawalProblem,
  type Conference,
  type StagePart,
} from './conference.js';
import { meetingsPaths, stageSlugs } from './paths.js';
import { meetingKinds, type ConferenceStage } from './schema.js';
import { ownerCircleNames, reasonForActionFromMeeting, todayInUk } from '../plans/index.js';
import {
  actionForPlan,
  addAction,
  addActionToPlan,
  addDecision,
  childForOffer,
  coordinatorsConferences,
  familyMeetingCounts,
  inviteSomeone,
  meetingPlanningForm,
  meetingsSection,
  offerFamilyMeeting,
  offerFor,
  openMeeting,
  openMeetingForChange,
  planMeeting,
  recordOfferAnswer,
  recordPreparationVisit,
  recordStage,
  recordWhatHappened,
  withdrawInvitation,
  type ActionForPlan,
  type FieldIssue,
  type InviteeRow,
  type MeetingView,
  type Saved,
} from './service.js';

type Body = Record<string, unknown>;
type Values = Record<string, string>;
type Field = Record<string, unknown>;

const childName = (child: { fullName: string; knownAs: string | null }) =>
  child.knownAs ?? child.fullName.split(' ')[0]!;

const notFound = (reply: FastifyReply) => {
  reply.callNotFound();
  return reply;
};

const recordHeader = (child: MeetingView['child'], heading: string) => ({
  child,
  recordHeading: heading,
  recordNavigation: childRecordNavigation(child.childId, 'meetings'),
});

// ---- Building a form -------------------------------------------------------------------------

function errorsFrom(issues: readonly FieldIssue[], dateFields: readonly string[] = []): FormErrors {
  const fieldErrors: FormErrors['fieldErrors'] = {};
  const errorList: FormErrors['errorList'] = [];
  for (const issue of issues) {
    if (fieldErrors[issue.field]) continue;
    fieldErrors[issue.field] = { text: issue.message };
    const target = dateFields.includes(issue.field)
      ? `${issue.field}-Day`
      : issue.field === 'form'
        ? 'main-content'
        : issue.field;
    errorList.push({ text: issue.message, href: `#${target}` });
  }
  return { errorList, fieldErrors };
}

const text = (name: string, label: string, values: Values, extra: Field = {}): Field => ({
  type: 'text',
  name,
  label,
  value: values[name] ?? '',
  ...extra,
});
const area = (name: string, label: string, values: Values, extra: Field = {}): Field => ({
  type: 'textarea',
  name,
  label,
  value: values[name] ?? '',
  family: true,
  ...extra,
});
const dateField = (name: string, label: string, values: Values, hint?: string): Field => ({
  type: 'date',
  name,
  label,
  hint,
  day: values[`${name}-Day`] ?? '',
  month: values[`${name}-Month`] ?? '',
  year: values[`${name}-Year`] ?? '',
});
const radios = (name: string, label: string, labels: Record<string, string>, values: Values, extra: Field = {}) => ({
  type: 'radios',
  name,
  label,
  items: Object.entries(labels).map(([value, itemText]) => ({
    value,
    text: itemText,
    checked: values[name] === value,
  })),
  ...extra,
});
const select = (
  name: string,
  label: string,
  options: { value: string; text: string }[],
  values: Values,
  extra = {},
) => ({
  type: 'select',
  name,
  label,
  items: options.map((option) => ({ ...option, selected: values[name] === option.value })),
  ...extra,
});
const yesNo = { yes: 'Yes', no: 'No' };

/** What was typed, as strings, for the fields named (dates as their three boxes). */
function typed(body: Body, names: readonly string[], dates: readonly string[] = []): Values {
  const values: Values = {};
  for (const name of names) values[name] = cleanText(body[name]);
  for (const name of dates) {
    for (const part of ['Day', 'Month', 'Year']) values[`${name}-${part}`] = cleanText(body[`${name}-${part}`]);
  }
  return values;
}

/** What the service checks: typed text, with each date put together. */
function inputFrom(values: Values, body: Body, dates: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) if (!/-(Day|Month|Year)$/.test(name)) input[name] = value;
  for (const name of dates) input[name] = dateFromInput(body, name);
  return input;
}

function dateValues(name: string, isoDate: string | null | undefined): Values {
  const parts = dateInputParts(isoDate);
  return { [`${name}-Day`]: parts.day, [`${name}-Month`]: parts.month, [`${name}-Year`]: parts.year };
}

const inviteeCircleNames = { family: 'Family', network: 'Friend or community', professional: 'Professional' };
const attendanceNames = {
  invited: 'Invited',
  came: 'Came',
  could_not_come: 'Could not come, and shared their views',
  did_not_come: 'Did not come',
};

// ---- The stage forms ------------------------------------------------------------------------

interface StageForm {
  part: StagePart;
  heading: string;
  intro: string[];
  names: string[];
  dates: string[];
  fields: (values: Values) => Field[];
  stored: (conference: Conference) => Values;
}

const stageForms: Record<string, StageForm> = {
  [stageSlugs.preparation]: {
    part: 'preparation',
    heading: 'Preparation',
    intro: [
      'The family says yes to a conference, then the coordinator and the family choose together whom to invite. The coordinator visits each person to prepare them.',
    ],
    names: [
      'whyReferred',
      'childPreparation',
      'advocate',
      'language',
      'interpreter',
      'accessNeeds',
      'venue',
      'food',
      'childcare',
    ],
    dates: ['referredOn', 'familyAgreedOn'],
    fields: (values) => [
      dateField('referredOn', 'When was the family referred for a conference?', values),
      area('whyReferred', 'Why, in plain words', values, { rows: 3 }),
      dateField('familyAgreedOn', 'When did the family agree to a conference?', values),
      { type: 'heading', text: 'The child' },
      area('childPreparation', 'How the child was prepared, and how they want to take part (optional)', values, {
        hint: 'For example, in the room for part of it, through a letter or a drawing, or with someone speaking for them',
      }),
      text('advocate', 'Advocate for the child, if they want one (optional)', values),
      { type: 'heading', text: 'Practical arrangements' },
      text('language', 'Language the family want to use (optional)', values),
      text('interpreter', 'Interpreter (optional)', values),
      area('accessNeeds', 'Access needs (optional)', values, { rows: 2 }),
      text('venue', 'Where it will be held (optional)', values),
      text('food', 'Food (optional)', values),
      text('childcare', 'Childcare for younger children (optional)', values),
    ],
    stored: (conference) => {
      const stored = conference.preparation;
      return {
        ...Object.fromEntries(Object.entries(stored ?? {}).map(([key, value]) => [key, String(value ?? '')])),
        ...dateValues('referredOn', stored?.referredOn),
        ...dateValues('familyAgreedOn', stored?.familyAgreedOn),
      };
    },
  },
  [stageSlugs.information]: {
    part: 'information',
    heading: 'Information',
    intro: [
      'Professionals share what they are worried about, in plain words, and what is working well. Bottom lines are what any plan must make sure of. The family can ask anything.',
    ],
    names: ['worries', 'strengths', 'bottomLines', 'resources', 'questionsAndAnswers'],
    dates: [],
    fields: (values) => [
      area('worries', 'What professionals are worried about', values),
      area('strengths', 'What is working well', values),
      area('bottomLines', 'Bottom lines that any plan must meet', values, { hint: 'One on each line' }),
      area('resources', 'Help and resources that are available (optional)', values, { rows: 3 }),
      area('questionsAndAnswers', 'The family’s questions, and the answers (optional)', values),
    ],
    stored: (conference) => ({
      worries: conference.information?.worries ?? '',
      strengths: conference.information?.strengths ?? '',
      bottomLines: conference.information?.bottomLines.join('\n') ?? '',
      resources: conference.information?.resources ?? '',
      questionsAndAnswers: conference.information?.questionsAndAnswers ?? '',
    }),
  },
  [stageSlugs.privateFamilyTime]: {
    part: 'privateFamilyTime',
    heading: 'Private family time',
    intro: [
      'The family talks alone and makes its plan. Only when it started and ended is recorded, and the plan as the family brings it back, in their own words.',
    ],
    names: ['startedAt', 'endedAt', 'familyPlan'],
    dates: [],
    fields: (values) => [
      text('startedAt', 'When did private family time start?', values, {
        hint: 'For example, 11:00',
        classes: 'govuk-input--width-5',
      }),
      text('endedAt', 'When did it end?', values, { hint: 'For example, 12:15', classes: 'govuk-input--width-5' }),
      area('familyPlan', 'The family’s plan, in their words', values, { rows: 8 }),
    ],
    stored: (conference) => ({
      startedAt: conference.privateFamilyTime?.startedAt ?? '',
      endedAt: conference.privateFamilyTime?.endedAt ?? '',
      familyPlan: conference.privateFamilyTime?.familyPlan ?? '',
    }),
  },
  [stageSlugs.agreement]: {
    part: 'agreement',
    heading: 'Agreement',
    intro: [
      'Professionals come back and hear the family’s plan. If it is accepted, it becomes the child’s plan, and everyone can see it came from this conference.',
    ],
    names: [
      'meetsBottomLines',
      'unmetBottomLinesReason',
      'planAccepted',
      'whatWasAgreed',
      'changesAndWhy',
      'resourcesCommitted',
      'whoWillTellChild',
    ],
    dates: ['reviewOn'],
    fields: (values) => [
      radios('meetsBottomLines', 'Does the family’s plan meet every bottom line?', yesNo, values, {
        classes: 'govuk-radios--inline',
      }),
      area('unmetBottomLinesReason', 'If not, why is it accepted? (needed if the plan is accepted)', values, {
        rows: 3,
      }),
      radios('planAccepted', 'Is the plan accepted?', yesNo, values, {
        classes: 'govuk-radios--inline',
        hint: 'If not, the family can go back to private time to change it',
      }),
      area('whatWasAgreed', 'What was agreed, or what needs to change', values),
      area('changesAndWhy', 'What was changed from the family’s plan, and why (optional)', values, { rows: 3 }),
      area('resourcesCommitted', 'Help and resources committed (optional)', values, { rows: 3 }),
      text('whoWillTellChild', 'Who will tell the child about the plan?', values),
      dateField('reviewOn', 'When will the family plan be reviewed?', values),
    ],
    stored: (conference) => {
      const stored = conference.agreement;
      if (!stored) return {};
      return {
        meetsBottomLines: stored.meetsBottomLines ? 'yes' : 'no',
        unmetBottomLinesReason: stored.unmetBottomLinesReason ?? '',
        planAccepted: stored.planAccepted ? 'yes' : 'no',
        whatWasAgreed: stored.whatWasAgreed,
        changesAndWhy: stored.changesAndWhy ?? '',
        resourcesCommitted: stored.resourcesCommitted ?? '',
        whoWillTellChild: stored.whoWillTellChild,
        ...dateValues('reviewOn', stored.reviewOn),
      };
    },
  },
};

// ---- Presenting a meeting -------------------------------------------------------------------

const timeText = (meeting: { startsAt: string | null; endsAt: string | null }) =>
  meeting.startsAt ? `${meeting.startsAt}${meeting.endsAt ? ` to ${meeting.endsAt}` : ''}` : 'Time to be arranged';

const stageTag = (stage: ConferenceStage | null) =>
  stage ? { text: stageNames[stage], classes: stage === 'agreed' ? 'govuk-tag--green' : 'govuk-tag--blue' } : null;

function presentConference(view: MeetingView) {
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
      href: view.mayChange && meeting.stage !== 'agreed' ? meetingsPaths.stage(childId, meeting.id, stage.slug) : null,
      rows: stage.summary.map((row) => ({
        key: { text: row.key },
        value: row.lines
          ? {
              html: `<ul class="govuk-list govuk-list--bullet">${row.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
            }
          : { text: row.value },
      })),
    })),
    planHref: meeting.planId
      ? `/children/${encodeURIComponent(childId)}/plans/${encodeURIComponent(meeting.planId)}`
      : null,
  };
}

const meetingNotices: Record<string, (name: string) => string> = {
  'added-to-plan': (name) => `The action is now in ${name}’s plan`,
  'invitation-withdrawn': () => 'The invitation has been withdrawn. The meeting’s record still shows it',
};

/** An invitation withdrawn, in words: "Invitation withdrawn on 2 December 2026: invited by mistake". */
function withdrawnInWords(invitee: InviteeRow): string {
  const on = presentDate(todayInUk(invitee.withdrawnAt!));
  return `Invitation withdrawn on ${on}${invitee.withdrawalReason ? `: ${invitee.withdrawalReason}` : ''}`;
}

/** One row of the table of who was invited: who, whether they came, their visit, and what may be done. */
function inviteeRow(opened: MeetingView, invitee: InviteeRow) {
  const { childId } = opened.child;
  const meetingId = opened.meeting.id;
  const who = { text: invitee.name + (invitee.relationship ? ` (${invitee.relationship})` : '') };
  const visit = { text: invitee.preparationVisitOn ? presentDate(invitee.preparationVisitOn) : 'Not yet' };
  if (isWithdrawn(invitee)) return [who, { text: withdrawnInWords(invitee) }, visit, { text: '' }];
  const name = escapeHtml(invitee.name);
  const links = opened.mayChange
    ? [
        `<a class="govuk-link" href="${meetingsPaths.invitee(childId, meetingId, invitee.id)}">Change<span class="govuk-visually-hidden"> for ${name}</span></a>`,
        ...(withdrawalProblem(invitee, opened.meeting, opened.today) === null
          ? [
              `<a class="govuk-link" href="${meetingsPaths.withdrawInvitation(childId, meetingId, invitee.id)}">Withdraw<span class="govuk-visually-hidden"> ${name}’s</span> invitation</a>`,
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

export function registerMeetingsRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;

  // ---- The child's meetings -------------------------------------------------------------------
  app.get<{ Params: { childId: string } }>(
    meetingsPaths.sectionPattern,
    { config: { access: view } },
    async (request, reply) => {
      const section = await meetingsSection(database, request.actor!, request.params.childId, requestSource(request));
      if (!section) return notFound(reply);
      const { childId } = section.child;
      const name = childName(section.child);
      return reply.render('meetings/views/section.njk', {
        pageTitle: `Meetings – ${name}`,
        ...recordHeader(section.child, 'Meetings'),
        childName: name,
        newMeetingHref: section.mayChange ? meetingsPaths.newMeeting(childId) : null,
        newOfferHref: section.mayChange ? meetingsPaths.newOffer(childId) : null,
        meetings: section.meetings.map((meeting) => ({
          href: meetingsPaths.meeting(childId, meeting.id),
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
                html: `<a class="govuk-link" href="${meetingsPaths.offer(childId, offer.id)}">Record the answer<span class="govuk-visually-hidden"> to the offer of ${presentDate(offer.offeredOn)}</span></a>`,
              }
            : { text: '' },
        ]),
        familyView: request.actor!.kind !== 'staff',
      });
    },
  );

  // ---- Planning a meeting ---------------------------------------------------------------------
  const meetingNames = [
    'kind',
    'startsAt',
    'endsAt',
    'place',
    'purpose',
    'coordinatorUserId',
    'offerId',
    'reviewOfMeetingId',
  ];
  const renderNewMeeting = (
    reply: FastifyReply,
    form: NonNullable<Awaited<ReturnType<typeof meetingPlanningForm>>>,
    status: number,
    values: Values,
    errors: FormErrors,
  ) => {
    const name = childName(form.child);
    const { childId } = form.child;
    const fields: Field[] = [
      radios(
        'kind',
        'What kind of meeting is it?',
        Object.fromEntries(meetingKinds.map((kind) => [kind, meetingKindNames[kind]])),
        values,
      ),
      dateField('heldOn', 'When is it?', values),
      text('startsAt', 'Start time (optional)', values, {
        hint: 'For example, 10:00',
        classes: 'govuk-input--width-5',
      }),
      text('endsAt', 'End time (optional)', values, { hint: 'For example, 12:30', classes: 'govuk-input--width-5' }),
      text('place', 'Where is it?', values, { hint: 'A place the family can find, or ‘Video call’' }),
      area('purpose', 'What is it for? (optional)', values, { rows: 3 }),
      { type: 'heading', text: 'Family group conferences' },
      select(
        'coordinatorUserId',
        'Coordinator',
        [
          { value: '', text: 'Choose the coordinator' },
          ...form.coordinators.map((coordinator) => ({ value: coordinator.userId, text: coordinator.fullName })),
        ],
        values,
        { hint: 'Someone independent of the work with the family, not the allocated worker' },
      ),
    ];
    if (form.acceptedOffers.length) {
      fields.push(
        select(
          'offerId',
          'The offer the family accepted (optional)',
          [
            { value: '', text: 'None' },
            ...form.acceptedOffers.map((offer) => ({
              value: offer.id,
              text: `Offered ${presentDate(offer.offeredOn)}, before ${offer.beforeDecision}`,
            })),
          ],
          values,
        ),
      );
    }
    if (form.agreedConferences.length) {
      fields.push(
        select(
          'reviewOfMeetingId',
          'Is it a review of a family plan? (optional)',
          [
            { value: '', text: 'No, a new conference' },
            ...form.agreedConferences.map((meeting) => ({
              value: meeting.id,
              text: `Review of the conference on ${presentDate(meeting.heldOn)}`,
            })),
          ],
          values,
        ),
      );
    }
    return reply.status(status).render('meetings/views/form.njk', {
      pageTitle: `Plan a meeting – ${name}`,
      ...recordHeader(form.child, 'Plan a meeting'),
      backHref: meetingsPaths.section(childId),
      action: meetingsPaths.newMeeting(childId),
      insets: [
        form.childPreference
          ? `How ${name} said they want to take part in meetings: ${form.childPreference}`
          : `${name} has not yet said how they want to take part in meetings. Ask them, and record it on the meeting.`,
      ],
      fields,
      submitText: 'Plan the meeting',
      ...errors,
    });
  };

  app.get<{ Params: { childId: string } }>(
    meetingsPaths.newMeetingPattern,
    { config: { access: change } },
    async (request, reply) => {
      const form = await meetingPlanningForm(database, request.actor!, request.params.childId, requestSource(request));
      if (!form) return notFound(reply);
      return renderNewMeeting(reply, form, 200, {}, noErrors);
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    meetingsPaths.newMeetingPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const values = typed(body, meetingNames, ['heldOn']);
      const result = await planMeeting(
        database,
        request.actor!,
        childId,
        inputFrom(values, body, ['heldOn']),
        requestSource(request),
      );
      if (result.outcome === 'saved') return reply.redirect(meetingsPaths.meeting(childId, result.meetingId), 303);
      const form = await meetingPlanningForm(database, request.actor!, childId, requestSource(request));
      if (!form || result.outcome === 'not_found') return notFound(reply);
      return renderNewMeeting(
        reply,
        form,
        400,
        values,
        errorsFrom(result.outcome === 'invalid' ? result.issues : [], ['heldOn']),
      );
    },
  );

  // ---- Offers ---------------------------------------------------------------------------------
  const offerFields = (values: Values) => [
    dateField('offeredOn', 'When was the family offered a family group decision-making meeting?', values),
    text('beforeDecision', 'Before which decision?', values, {
      hint: 'For example, ‘going to court’ or ‘a change of home’',
    }),
  ];
  app.get<{ Params: { childId: string } }>(
    meetingsPaths.newOfferPattern,
    { config: { access: change } },
    async (request, reply) => {
      const child = await childForOffer(database, request.actor!, request.params.childId, requestSource(request));
      if (!child) return notFound(reply);
      return reply.render('meetings/views/form.njk', {
        pageTitle: `Record an offer – ${childName(child)}`,
        ...recordHeader(child, 'Record an offer of a family meeting'),
        backHref: meetingsPaths.section(child.childId),
        action: meetingsPaths.newOffer(child.childId),
        fields: offerFields({}),
        ...noErrors,
      });
    },
  );
  app.post<{ Params: { childId: string }; Body: Body }>(
    meetingsPaths.newOfferPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const values = typed(body, ['beforeDecision'], ['offeredOn']);
      const result = await offerFamilyMeeting(
        database,
        request.actor!,
        childId,
        inputFrom(values, body, ['offeredOn']),
        requestSource(request),
      );
      if (result.outcome === 'saved') return reply.redirect(meetingsPaths.section(childId), 303);
      const child = await childForOffer(database, request.actor!, childId, requestSource(request));
      if (!child || result.outcome === 'not_found') return notFound(reply);
      return reply.status(400).render('meetings/views/form.njk', {
        pageTitle: `Record an offer – ${childName(child)}`,
        ...recordHeader(child, 'Record an offer of a family meeting'),
        backHref: meetingsPaths.section(childId),
        action: meetingsPaths.newOffer(childId),
        fields: offerFields(values),
        ...errorsFrom(result.outcome === 'invalid' ? result.issues : [], ['offeredOn']),
      });
    },
  );

  const answerFields = (values: Values) => [
    radios(
      'response',
      'What did the family say?',
      { accepted: 'Yes, they want a meeting', declined: 'No', awaiting: 'Not yet answered' },
      values,
    ),
    dateField('respondedOn', 'When did they answer?', values),
    area('familyReason', 'If they said no, their reason, in their words', values, { rows: 3 }),
  ];
  const renderAnswer = async (
    request: FastifyRequest<{ Params: { childId: string; offerId: string } }>,
    reply: FastifyReply,
    status: number,
    values: Values | null,
    errors: FormErrors,
  ) => {
    const { childId, offerId } = request.params;
    const found = await offerFor(database, request.actor!, childId, offerId, requestSource(request));
    if (!found) return notFound(reply);
    const { offer, child } = found;
    const shown = values ?? {
      response: offer.response,
      familyReason: offer.familyReason ?? '',
      ...dateValues('respondedOn', offer.respondedOn),
    };
    return reply.status(status).render('meetings/views/form.njk', {
      pageTitle: `The family’s answer – ${childName(child)}`,
      ...recordHeader(child, 'The family’s answer'),
      backHref: meetingsPaths.section(childId),
      action: meetingsPaths.offer(childId, offerId),
      intro: [`Offered on ${presentDate(offer.offeredOn)}, before ${offer.beforeDecision}.`],
      fields: answerFields(shown),
      ...errors,
    });
  };
  app.get<{ Params: { childId: string; offerId: string } }>(
    meetingsPaths.offerPattern,
    { config: { access: change } },
    (request, reply) => renderAnswer(request, reply, 200, null, noErrors),
  );
  app.post<{ Params: { childId: string; offerId: string }; Body: Body }>(
    meetingsPaths.offerPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, offerId } = request.params;
      const body = request.body ?? {};
      const values = typed(body, ['response', 'familyReason'], ['respondedOn']);
      const result = await recordOfferAnswer(
        database,
        request.actor!,
        childId,
        offerId,
        inputFrom(values, body, ['respondedOn']),
        requestSource(request),
      );
      if (result.outcome === 'saved') return reply.redirect(meetingsPaths.section(childId), 303);
      if (result.outcome === 'not_found') return notFound(reply);
      return renderAnswer(
        request,
        reply,
        400,
        values,
        errorsFrom(result.outcome === 'invalid' ? result.issues : [], ['respondedOn']),
      );
    },
  );

  // ---- One meeting ----------------------------------------------------------------------------
  app.get<{ Params: { childId: string; meetingId: string }; Querystring: { notice?: string } }>(
    meetingsPaths.meetingPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const opened = await openMeeting(database, request.actor!, childId, meetingId, requestSource(request));
      if (!opened) return notFound(reply);
      const { meeting } = opened;
      const kindName = meetingKindNames[meeting.kind];
      const may = opened.mayChange;
      return reply.render('meetings/views/meeting.njk', {
        pageTitle: `${kindName}, ${presentDate(meeting.heldOn)} – ${childName(opened.child)}`,
        ...recordHeader(opened.child, kindName),
        backHref: meetingsPaths.section(childId),
        childName: childName(opened.child),
        familyView: opened.familyView,
        summaryRows: [
          { key: { text: 'When' }, value: { text: `${presentDate(meeting.heldOn)}, ${timeText(meeting)}` } },
          { key: { text: 'Where' }, value: { text: meeting.place } },
          {
            key: { text: 'What it is for' },
            value: { text: meeting.purpose ?? sentence(meetingKindPurposes[meeting.kind]) },
          },
          ...(meeting.coordinatorName
            ? [{ key: { text: 'Coordinator' }, value: { text: meeting.coordinatorName } }]
            : []),
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
        whatHappenedHref: may ? meetingsPaths.whatHappened(childId, meetingId) : null,
        inviteHref: may ? meetingsPaths.invitees(childId, meetingId) : null,
        notice: Object.hasOwn(meetingNotices, request.query.notice ?? '')
          ? meetingNotices[request.query.notice!]!(childName(opened.child))
          : null,
        inviteeRows: opened.invitees.map((invitee) => inviteeRow(opened, invitee)),
        decisions: meeting.decisions,
        actions: meeting.actions.map((action) => {
          const plan = actionPlanState(opened.actionsInPlans.get(action.id), opened);
          return {
            ...action,
            dueOnText: presentDate(action.dueOn),
            inPlanHref:
              plan.state === 'in_plan'
                ? `/children/${encodeURIComponent(childId)}/plans/${encodeURIComponent(plan.planId)}#action-${encodeURIComponent(plan.planActionId)}`
                : null,
            inPlanTitle: plan.state === 'in_plan' ? plan.planTitle : null,
            addToPlanHref: plan.state === 'can_add' ? meetingsPaths.actionToPlan(childId, meetingId, action.id) : null,
          };
        }),
        decisionHref: may ? meetingsPaths.decisions(childId, meetingId) : null,
        actionHref: may ? meetingsPaths.actions(childId, meetingId) : null,
        conference: presentConference(opened),
        waiting: opened.waiting,
        icsHref: meetingsPaths.invitation(childId, meetingId),
        letterHref: professionalsOnly.includes(meeting.kind) ? null : meetingsPaths.letter(childId, meetingId),
      });
    },
  );

  // ---- The forms that change a meeting ----------------------------------------------------------
  interface MeetingForm {
    pattern: string;
    part: string;
    heading: string;
    names: string[];
    dates: string[];
    intro?: (opened: MeetingView) => string[];
    stored: (opened: MeetingView, params: Record<string, string>) => Values | null;
    fields: (values: Values, opened: MeetingView) => Field[];
    save: (
      opened: { childId: string; meetingId: string; params: Record<string, string> },
      input: Record<string, unknown>,
      version: number,
      request: FastifyRequest,
    ) => Promise<Saved>;
  }

  const forms: MeetingForm[] = [
    {
      pattern: meetingsPaths.inviteePattern,
      part: 'invite',
      heading: 'Invite someone',
      names: ['personId', 'name', 'relationship', 'circle'],
      dates: [],
      intro: () => ['Choose someone from the child’s world, or type the name of someone else.'],
      stored: () => ({}),
      fields: (values, opened) => {
        const invited = new Set(stillInvited(opened.invitees).map((invitee) => invitee.personId));
        return [
          select(
            'personId',
            `Someone in ${childName(opened.child)}’s world`,
            [
              { value: '', text: 'Choose someone' },
              ...opened.people
                .filter((person) => !invited.has(person.id))
                .map((person) => ({
                  value: person.id,
                  text: person.id === opened.child.childId ? `${person.name} (the child)` : person.name,
                })),
            ],
            values,
          ),
          { type: 'heading', text: 'Or someone else' },
          text('name', 'Their name', values),
          text('relationship', 'Who they are to the child (optional)', values, { hint: 'For example, ‘school nurse’' }),
          radios('circle', 'They are', inviteeCircleNames, values, { classes: 'govuk-radios--small' }),
        ];
      },
      save: ({ childId, meetingId }, input, _version, request) =>
        inviteSomeone(database, request.actor!, childId, meetingId, input, requestSource(request)),
    },
    {
      pattern: meetingsPaths.oneInviteePattern,
      part: 'invitee',
      heading: 'Preparation and attendance',
      names: ['attendance', 'preparationNotes'],
      dates: ['preparationVisitOn'],
      stored: (opened, params) => {
        const invitee = opened.invitees.find((candidate) => candidate.id === params.inviteeId);
        if (!invitee || isWithdrawn(invitee)) return null;
        return {
          attendance: invitee.attendance,
          preparationNotes: invitee.preparationNotes ?? '',
          ...dateValues('preparationVisitOn', invitee.preparationVisitOn),
        };
      },
      intro: () => [],
      fields: (values) => [
        dateField('preparationVisitOn', 'When were they visited to prepare? (optional)', values),
        area('preparationNotes', 'What they want to say, and what helps them take part (optional)', values, {
          rows: 3,
        }),
        radios('attendance', 'Did they come?', attendanceNames, values, { classes: 'govuk-radios--small' }),
      ],
      save: ({ childId, meetingId, params }, input, _version, request) =>
        recordPreparationVisit(
          database,
          request.actor!,
          childId,
          meetingId,
          params.inviteeId!,
          input,
          requestSource(request),
        ),
    },
    {
      pattern: meetingsPaths.whatHappenedPattern,
      part: 'what_happened',
      heading: 'What happened',
      names: ['childPreference', 'howChildTookPart', 'whatWasShared', 'professionalNotes'],
      dates: [],
      stored: ({ meeting }) => ({
        childPreference: meeting.childPreference ?? '',
        howChildTookPart: meeting.howChildTookPart ?? '',
        whatWasShared: meeting.whatWasShared ?? '',
        professionalNotes: meeting.professionalNotes ?? '',
      }),
      fields: (values, opened) => [
        area('childPreference', `How ${childName(opened.child)} said they want to take part`, values, { rows: 2 }),
        area('howChildTookPart', `How ${childName(opened.child)} took part`, values, {
          rows: 3,
          hint: 'For example, came for the first half, or Nan read out their letter',
        }),
        area('whatWasShared', 'What was shared', values, { rows: 6, hint: 'The family can read this' }),
        area('professionalNotes', 'Professionals’ notes (optional)', values, {
          rows: 4,
          family: false,
          hint: 'Only professionals see these: never the family',
        }),
      ],
      save: ({ childId, meetingId }, input, version, request) =>
        recordWhatHappened(database, request.actor!, childId, meetingId, input, version, requestSource(request)),
    },
    {
      pattern: meetingsPaths.decisionsPattern,
      part: 'decision',
      heading: 'Record a decision',
      names: ['decision', 'reason'],
      dates: [],
      stored: () => ({}),
      fields: (values) => [
        area('decision', 'What was decided?', values, { rows: 3 }),
        area('reason', 'Why?', values, { rows: 3 }),
      ],
      save: ({ childId, meetingId }, input, _version, request) =>
        addDecision(database, request.actor!, childId, meetingId, input, requestSource(request)),
    },
    {
      pattern: meetingsPaths.actionsPattern,
      part: 'action',
      heading: 'Record an action',
      names: ['whatWillHappen', 'ownerName', 'forThePlan'],
      dates: ['dueOn'],
      stored: () => ({}),
      fields: (values, opened) => [
        area('whatWillHappen', 'What will happen?', values, { rows: 3 }),
        text('ownerName', 'Who will do it?', values),
        dateField('dueOn', 'By when?', values),
        ...(opened.meeting.stage
          ? [
              {
                type: 'checkbox',
                name: 'forThePlan',
                legend: 'The child’s plan',
                label: 'Add it to the child’s plan when the family plan is agreed',
                checked: values.forThePlan === 'yes',
              },
            ]
          : []),
      ],
      save: ({ childId, meetingId }, input, _version, request) =>
        addAction(database, request.actor!, childId, meetingId, input, requestSource(request)),
    },
  ];

  const renderMeetingForm = (
    reply: FastifyReply,
    form: { heading: string; fields: Field[]; intro: string[] },
    opened: MeetingView,
    action: string,
    status: number,
    errors: FormErrors,
    conflict: string | null = null,
  ) =>
    reply.status(status).render('meetings/views/form.njk', {
      pageTitle: `${form.heading} – ${meetingKindNames[opened.meeting.kind]} – ${childName(opened.child)}`,
      ...recordHeader(opened.child, form.heading),
      backHref: meetingsPaths.meeting(opened.child.childId, opened.meeting.id),
      backText: 'Back to the meeting',
      action,
      intro: [`${meetingKindNames[opened.meeting.kind]}, ${presentDate(opened.meeting.heldOn)}.`, ...form.intro],
      fields: [{ type: 'hidden', name: 'version', value: String(opened.meeting.version) }, ...form.fields],
      conflict,
      ...errors,
    });

  for (const form of forms) {
    type Params = { childId: string; meetingId: string } & Record<string, string>;
    app.get<{ Params: Params }>(form.pattern, { config: { access: change } }, async (request, reply) => {
      const { childId, meetingId } = request.params;
      const opened = await openMeetingForChange(
        database,
        request.actor!,
        childId,
        meetingId,
        requestSource(request),
        form.part,
      );
      const stored = opened ? form.stored(opened, request.params) : null;
      if (!opened || !stored) return notFound(reply);
      return renderMeetingForm(
        reply,
        { heading: form.heading, fields: form.fields(stored, opened), intro: form.intro?.(opened) ?? [] },
        opened,
        request.url,
        200,
        noErrors,
      );
    });
    app.post<{ Params: Params; Body: Body }>(form.pattern, { config: { access: change } }, async (request, reply) => {
      const { childId, meetingId } = request.params;
      const body = request.body ?? {};
      const values = typed(body, form.names, form.dates);
      const version = Number(cleanText(body.version)) || 0;
      const result = await form.save(
        { childId, meetingId, params: request.params },
        inputFrom(values, body, form.dates),
        version,
        request,
      );
      if (result.outcome === 'saved') return reply.redirect(meetingsPaths.meeting(childId, meetingId), 303);
      const opened = await openMeetingForChange(
        database,
        request.actor!,
        childId,
        meetingId,
        requestSource(request),
        form.part,
      );
      if (!opened || result.outcome === 'not_found') return notFound(reply);
      return renderMeetingForm(
        reply,
        { heading: form.heading, fields: form.fields(values, opened), intro: form.intro?.(opened) ?? [] },
        opened,
        request.url,
        result.outcome === 'conflict' ? 409 : 400,
        errorsFrom(result.outcome === 'invalid' ? result.issues : [], form.dates),
        result.outcome === 'conflict' ? result.message : null,
      );
    });
  }

  // ---- Withdrawing an invitation, after a confirmation ---------------------------------------
  type InviteeParams = { childId: string; meetingId: string; inviteeId: string };
  const renderWithdrawal = async (
    request: FastifyRequest<{ Params: InviteeParams }>,
    reply: FastifyReply,
    status: number,
    values: Values,
    errors: FormErrors,
  ) => {
    const { childId, meetingId, inviteeId } = request.params;
    const opened = await openMeetingForChange(
      database,
      request.actor!,
      childId,
      meetingId,
      requestSource(request),
      'withdraw_invitation',
    );
    const invitee = opened?.invitees.find((candidate) => candidate.id === inviteeId);
    if (!opened || !invitee) return notFound(reply);
    const problem = withdrawalProblem(invitee, opened.meeting, opened.today);
    const kindName = meetingKindNames[opened.meeting.kind];
    return reply.status(status).render('meetings/views/withdraw-invitation.njk', {
      pageTitle: `Withdraw ${invitee.name}’s invitation – ${kindName} – ${childName(opened.child)}`,
      ...recordHeader(opened.child, `Are you sure you want to withdraw ${invitee.name}’s invitation?`),
      backHref: meetingsPaths.meeting(childId, meetingId),
      action: meetingsPaths.withdrawInvitation(childId, meetingId, inviteeId),
      meetingText: `${kindName}, ${presentDate(opened.meeting.heldOn)}, ${timeText(opened.meeting)}, ${opened.meeting.place}.`,
      inviteeName: invitee.name,
      // Shown instead of the form when the invitation cannot be withdrawn.
      problem: problem?.message ?? null,
      values,
      ...errors,
    });
  };
  app.get<{ Params: InviteeParams }>(
    meetingsPaths.withdrawInvitationPattern,
    { config: { access: change } },
    (request, reply) => renderWithdrawal(request, reply, 200, {}, noErrors),
  );
  app.post<{ Params: InviteeParams; Body: Body }>(
    meetingsPaths.withdrawInvitationPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, meetingId, inviteeId } = request.params;
      const values = typed(request.body ?? {}, ['reason']);
      const result = await withdrawInvitation(
        database,
        request.actor!,
        childId,
        meetingId,
        inviteeId,
        values,
        requestSource(request),
      );
      if (result.outcome === 'saved') {
        return reply.redirect(`${meetingsPaths.meeting(childId, meetingId)}?notice=invitation-withdrawn`, 303);
      }
      if (result.outcome === 'not_found') return notFound(reply);
      const issues = result.outcome === 'invalid' ? result.issues : [{ field: 'form', message: result.message }];
      return renderWithdrawal(request, reply, result.outcome === 'conflict' ? 409 : 400, values, errorsFrom(issues));
    },
  );

  // ---- A meeting's action as an action of the child's plan ------------------------------------
  type ActionParams = { childId: string; meetingId: string; actionId: string };
  const WHOLE_PLAN = 'whole';
  const renderActionToPlan = (
    reply: FastifyReply,
    found: ActionForPlan,
    status: number,
    values: Values,
    errors: FormErrors,
    conflict: string | null = null,
  ) => {
    const { view: opened, action, plans } = found;
    const name = childName(opened.child);
    const { childId } = opened.child;
    const meetingId = opened.meeting.id;
    const kindName = meetingKindNames[opened.meeting.kind];
    const planHref = (planId: string, planActionId?: string) =>
      `/children/${encodeURIComponent(childId)}/plans/${encodeURIComponent(planId)}${planActionId ? `#action-${encodeURIComponent(planActionId)}` : ''}`;
    const several = plans.length > 1;
    const only = plans.length === 1 ? plans[0]! : null;
    // With one plan, its only goal (or the whole plan when it has none) is chosen already.
    const prefilled = only ? `${only.id}/${only.goals.length === 1 ? only.goals[0]!.id : WHOLE_PLAN}` : '';
    const target = values.target ?? (only && only.goals.length <= 1 ? prefilled : '');
    const ownerCircle = values.ownerCircle ?? found.owner?.circle ?? '';
    const heading = found.inPlan
      ? `This action is already in ${name}’s plan`
      : plans.length === 0
        ? `${name} has no plan yet`
        : `Add an action to ${name}’s plan`;
    return reply.status(status).render('meetings/views/action-to-plan.njk', {
      pageTitle: `${heading} – ${kindName} – ${name}`,
      ...recordHeader(opened.child, heading),
      backHref: meetingsPaths.meeting(childId, meetingId),
      action: meetingsPaths.actionToPlan(childId, meetingId, action.id),
      childName: name,
      actionRows: [
        { key: { text: 'What will happen' }, value: { text: action.whatWillHappen } },
        { key: { text: 'Who will do it' }, value: { text: action.ownerName } },
        { key: { text: 'By when' }, value: { text: presentDate(action.dueOn) } },
        { key: { text: 'From' }, value: { text: `${kindName}, ${presentDate(opened.meeting.heldOn)}` } },
      ],
      inPlan: found.inPlan
        ? { title: found.inPlan.planTitle, href: planHref(found.inPlan.planId, found.inPlan.planActionId) }
        : null,
      startPlanHref: `/children/${encodeURIComponent(childId)}/plans/new`,
      hasPlans: plans.length > 0,
      agreedPlans: plans.filter((plan) => plan.agreed).map((plan) => plan.title),
      reason: reasonForActionFromMeeting({
        meetingId,
        actionId: action.id,
        meetingName: meetingNameInSentence(opened.meeting.kind),
        heldOn: opened.meeting.heldOn,
      }),
      versions: plans.map((plan) => ({ name: `planVersion-${plan.id}`, value: String(plan.version) })),
      targetLegend: only
        ? `Which goal of “${only.title}” does it serve?`
        : 'Which plan does it go in, and which goal does it serve?',
      targetItems: plans.flatMap((plan) => [
        ...plan.goals.map((goal) => ({
          value: `${plan.id}/${goal.id}`,
          text: goal.goalInFamilyWords,
          hint: several ? { text: `A goal of “${plan.title}”` } : undefined,
          checked: target === `${plan.id}/${goal.id}`,
        })),
        ...(plan.goals.length > 0 && !several ? [{ divider: 'or' }] : []),
        {
          value: `${plan.id}/${WHOLE_PLAN}`,
          text: several ? `The whole of “${plan.title}”` : 'The whole plan',
          checked: target === `${plan.id}/${WHOLE_PLAN}`,
        },
      ]),
      ownerLegend: `Who is ${action.ownerName}?`,
      ownerHint: found.owner
        ? `${found.owner.name} is in ${name}’s world as ${ownerCircleNames[found.owner.circle].toLowerCase()}`
        : undefined,
      ownerItems: Object.entries(ownerCircleNames).map(([value, text]) => ({
        value,
        text,
        checked: ownerCircle === value,
      })),
      conflict,
      ...errors,
    });
  };

  app.get<{ Params: ActionParams }>(
    meetingsPaths.actionToPlanPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, meetingId, actionId } = request.params;
      const found = await actionForPlan(database, request.actor!, childId, meetingId, actionId, requestSource(request));
      if (!found) return notFound(reply);
      return renderActionToPlan(reply, found, 200, {}, noErrors);
    },
  );

  app.post<{ Params: ActionParams; Body: Body }>(
    meetingsPaths.actionToPlanPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, meetingId, actionId } = request.params;
      const body = request.body ?? {};
      const values = typed(body, ['target', 'ownerCircle']);
      const [planId = '', goal = ''] = values.target!.split('/');
      const result = await addActionToPlan(
        database,
        request.actor!,
        childId,
        meetingId,
        actionId,
        {
          planId,
          goalId: goal === WHOLE_PLAN ? null : goal,
          expectedVersion: cleanText(body[`planVersion-${planId}`]),
          ownerCircle: values.ownerCircle,
        },
        requestSource(request),
      );
      if (result.outcome === 'added') {
        return reply.redirect(`${meetingsPaths.meeting(childId, meetingId)}?notice=added-to-plan#actions`, 303);
      }
      if (result.outcome === 'not_found') return notFound(reply);
      const found = await actionForPlan(database, request.actor!, childId, meetingId, actionId, requestSource(request));
      if (!found) return notFound(reply);
      // Already in the plan: the page says where, and nothing changes.
      if (result.outcome === 'already_in_plan') return renderActionToPlan(reply, found, 200, {}, noErrors);
      if (result.outcome === 'no_plan') return renderActionToPlan(reply, found, 400, values, noErrors);
      if (result.outcome === 'conflict') {
        return renderActionToPlan(reply, found, 409, values, noErrors, result.message);
      }
      const onPage = (field: string) =>
        field === 'planId' || field === 'goalId' || field === 'expectedVersion'
          ? 'target'
          : field === 'ownerCircle'
            ? 'ownerCircle'
            : 'form';
      return renderActionToPlan(
        reply,
        found,
        400,
        values,
        errorsFrom(result.issues.map((issue) => ({ field: onPage(issue.field), message: issue.message }))),
      );
    },
  );

  // ---- The four stages of a conference ------------------------------------------------------
  type StageParams = { childId: string; meetingId: string; stage: string };
  const stageFormOf = (slug: string) => (Object.hasOwn(stageForms, slug) ? stageForms[slug] : undefined);

  app.get<{ Params: StageParams }>(
    meetingsPaths.stagePattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, meetingId, stage } = request.params;
      const form = stageFormOf(stage);
      if (!form) return notFound(reply);
      const opened = await openMeetingForChange(
        database,
        request.actor!,
        childId,
        meetingId,
        requestSource(request),
        form.part,
      );
      if (!opened?.meeting.stage) return notFound(reply);
      return renderMeetingForm(
        reply,
        { heading: form.heading, fields: form.fields(form.stored(opened.meeting.conference)), intro: form.intro },
        opened,
        meetingsPaths.stage(childId, meetingId, stage),
        200,
        noErrors,
      );
    },
  );

  app.post<{ Params: StageParams; Body: Body }>(
    meetingsPaths.stagePattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, meetingId, stage } = request.params;
      const form = stageFormOf(stage);
      if (!form) return notFound(reply);
      const body = request.body ?? {};
      const values = typed(body, form.names, form.dates);
      const result = await recordStage(
        database,
        request.actor!,
        childId,
        meetingId,
        form.part,
        inputFrom(values, body, form.dates),
        Number(cleanText(body.version)) || 0,
        requestSource(request),
      );
      if (result.outcome === 'saved') return reply.redirect(meetingsPaths.meeting(childId, meetingId), 303);
      const opened = await openMeetingForChange(
        database,
        request.actor!,
        childId,
        meetingId,
        requestSource(request),
        form.part,
      );
      if (!opened || result.outcome === 'not_found') return notFound(reply);
      return renderMeetingForm(
        reply,
        { heading: form.heading, fields: form.fields(values), intro: form.intro },
        opened,
        meetingsPaths.stage(childId, meetingId, stage),
        result.outcome === 'conflict' ? 409 : 400,
        errorsFrom(result.outcome === 'invalid' ? result.issues : [], form.dates),
        result.outcome === 'conflict' ? result.message : null,
      );
    },
  );

  // ---- The invitation: a calendar file and a printable letter ---------------------------------
  app.get<{ Params: { childId: string; meetingId: string } }>(
    meetingsPaths.invitationPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const opened = await openMeeting(
        database,
        request.actor!,
        childId,
        meetingId,
        requestSource(request),
        'invitation',
      );
      if (!opened) return notFound(reply);
      const { meeting } = opened;
      const ics = meetingInvitation(
        {
          meetingId: meeting.id,
          kindName: meetingKindNames[meeting.kind],
          heldOn: meeting.heldOn,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          place: meeting.place,
          organiser: opened.councilName,
          purpose: meetingKindPurposes[meeting.kind],
        },
        new Date(),
        request.hostname.split(':')[0] || 'kith.example',
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="meeting-${meeting.heldOn}.ics"`)
        .header('cache-control', 'no-store')
        .send(ics);
    },
  );

  app.get<{ Params: { childId: string; meetingId: string } }>(
    meetingsPaths.letterPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const opened = await openMeeting(database, request.actor!, childId, meetingId, requestSource(request), 'letter');
      if (!opened || professionalsOnly.includes(opened.meeting.kind)) return notFound(reply);
      const { meeting } = opened;
      const name = childName(opened.child);
      return reply.render('meetings/views/letter.njk', {
        pageTitle: `Invitation letter – ${meetingKindNames[meeting.kind]} – ${name}`,
        backHref: meetingsPaths.meeting(childId, meetingId),
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
      });
    },
  );

  // ---- The coordinator's conferences, and the counts -------------------------------------------
  app.get(
    meetingsPaths.conferences,
    { config: { access: { permission: 'conferences.coordinate' } } },
    async (request, reply) => {
      const list = await coordinatorsConferences(database, request.actor!, requestSource(request));
      const order: ConferenceStage[] = ['preparation', 'information', 'private_family_time', 'agreement', 'agreed'];
      return reply.render('meetings/views/conferences.njk', {
        pageTitle: 'Your conferences',
        groups: order
          .map((stage) => ({
            name: stageNames[stage],
            conferences: list
              .filter((entry) => entry.meeting.stage === stage)
              .map((entry) => ({
                href: meetingsPaths.meeting(entry.child.childId, entry.meeting.id),
                childName: entry.child.fullName,
                heldOnText: presentDate(entry.meeting.heldOn),
                isReview: entry.meeting.reviewOfMeetingId !== null,
                waiting: entry.waiting,
              })),
          }))
          .filter((group) => group.conferences.length > 0),
      });
    },
  );

  app.get(
    meetingsPaths.counts,
    { config: { access: { permission: 'family_meetings.count' } } },
    async (request, reply) => {
      const counts = await familyMeetingCounts(database, request.actor!, requestSource(request));
      return reply.render('meetings/views/counts.njk', {
        pageTitle: 'Family group decision-making: offers and outcomes',
        rows: [
          ['Children with an offer or a conference', counts.children],
          ['Offers made', counts.offered],
          ['Offers accepted', counts.accepted],
          ['Offers declined', counts.declined],
          ['Offers waiting for an answer', counts.awaiting],
          ['Conferences held', counts.held],
          ['Family plans agreed', counts.planAgreed],
          ['Family plans reviewed', counts.reviewed],
        ].map(([label, count]) => [{ text: String(label) }, { text: String(count), format: 'numeric' }]),
      });
    },
  );
}

const sentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;

const escapeHtml = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
