/**
 * Where meetings meet the child's plan: a meeting's action made a plan action, and the four
 * stages of a family group conference, whose accepted agreement becomes the child's plan.
 */
import { isUuid } from '../../../platform/db/ids.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import { childRecordService } from '../../child-record/index.js';
import {
  addActionFromMeeting,
  adoptFamilyPlan,
  dateInWords,
  plansToAddMeetingActionTo,
  type MeetingActionInPlan,
  type PlanToChoose,
  type PossibleOwner,
} from '../../plans/index.js';
import {
  agreementProblems,
  bottomLinesFrom,
  meetingNameInSentence,
  privateTimeProblems,
  stageAfter,
  stageProblem,
  stillInvited,
  type Conference,
  type MeetingAction,
  type StagePart,
} from '../conference.js';
import { findMeeting, findMeetingForUpdate, updateMeetingIfVersion } from '../queries.js';
import {
  actionToPlanSchema,
  agreementSchema,
  informationSchema,
  preparationSchema,
  privateTimeSchema,
} from '../validation.js';
import {
  auditMeeting,
  meetingChange,
  type MeetingChange,
  conflict,
  invalid,
  isStaff,
  issuesOf,
  notFound,
  parsedOr,
  readMeeting,
  type FieldIssue,
  type MeetingView,
  type Saved,
} from './record.js';

export interface ActionForPlan {
  view: MeetingView;
  action: MeetingAction;
  /** The plan action it already is, when it is. */
  inPlan: MeetingActionInPlan | null;
  /** The child's plans, newest first, with their goals: none when the child has no plan yet. */
  plans: PlanToChoose[];
  /** The person in the child's network the action's owner is, when the name says so. */
  owner: PossibleOwner | null;
}

/** A meeting's action with the child's plans it could become an action of, for the page that asks which. */
export const actionForPlan = childRecordService(
  'change',
  'meeting.change',
  async (record, meetingId: string, actionId: string): Promise<ActionForPlan | null> => {
    const view = await readMeeting(record, meetingId, 'meeting.change');
    if (!view || view.familyView) return null;
    const action = view.meeting.actions.find((candidate) => candidate.id === actionId);
    if (!action) return null;
    const choices = await plansToAddMeetingActionTo(record.tx, record.actor, record.childId, action.ownerName);
    await auditMeeting(record, 'meeting.view', meetingId, { part: 'action_to_plan', forChange: true, actionId });
    return { view, action, inPlan: view.actionsInPlans.get(actionId) ?? null, ...choices };
  },
);

export type ActionToPlan =
  | { outcome: 'added'; planId: string; planActionId: string }
  | { outcome: 'already_in_plan'; planId: string; planActionId: string; planTitle: string }
  | { outcome: 'no_plan' }
  | { outcome: 'not_found' }
  | { outcome: 'invalid'; issues: FieldIssue[] }
  | { outcome: 'conflict'; message: string };

/**
 * Makes one of a meeting's actions an action of the child's plan, through the plans' own rules,
 * with the meeting and the action kept as its source. Once only: a second time says where it
 * already is. The meeting is held for the transaction, so two people cannot add it twice at once.
 * Needs the right to change the child's record; audited on the child's record either way.
 */
export const addActionToPlan = childRecordService(
  'change',
  'meeting.action_to_plan',
  async (record, meetingId: string, actionId: string, input: Record<string, unknown>): Promise<ActionToPlan> => {
    const { tx, actor, childId, source } = record;
    if (!isStaff(actor) || !isUuid(meetingId)) return notFound;
    const meeting = await findMeetingForUpdate(tx, actor.tenantId, childId, meetingId);
    const action = meeting?.actions.find((candidate) => candidate.id === actionId);
    if (!meeting || !action) return notFound;
    const parsed = actionToPlanSchema.safeParse(input);
    const result = await addActionFromMeeting(
      tx,
      actor,
      childId,
      {
        // Already in a plan, or no plan yet, is the answer whatever was chosen.
        choice: parsed.success ? parsed.data : null,
        whatWillHappen: action.whatWillHappen,
        ownerName: action.ownerName,
        dueOn: action.dueOn,
        source: {
          meetingId: meeting.id,
          actionId: action.id,
          meetingName: meetingNameInSentence(meeting.kind),
          heldOn: meeting.heldOn,
        },
      },
      source,
    );
    switch (result.outcome) {
      case 'added':
        await auditMeeting(record, 'meeting.action_to_plan', meeting.id, {
          actionId: action.id,
          planId: result.planId,
          planActionId: result.planActionId,
        });
        return { outcome: 'added', planId: result.planId, planActionId: result.planActionId };
      case 'already_in_plan':
        await auditMeeting(record, 'meeting.action_to_plan', meeting.id, {
          actionId: action.id,
          planId: result.planId,
          alreadyInPlan: true,
        });
        return result;
      case 'conflict':
        return { outcome: 'conflict', message: result.message };
      case 'invalid':
        return parsed.success ? result : invalid(issuesOf(parsed.error));
      case 'no_plan':
        return result;
    }
  },
  notFound,
);

// ---- The four stages of a family group conference ---------------------------------------------

/** A stage's part of the conference from what was sent, or each field's problem. */
function parseStage(part: StagePart, input: Record<string, unknown>, heldOn: string) {
  switch (part) {
    case 'preparation':
      return parsedOr(preparationSchema, input);
    case 'information': {
      const lines =
        typeof input.bottomLines === 'string' ? bottomLinesFrom(input.bottomLines) : (input.bottomLines ?? []);
      return parsedOr(informationSchema, { ...input, bottomLines: lines });
    }
    case 'privateFamilyTime': {
      const parsed = parsedOr(privateTimeSchema, input);
      if (!('data' in parsed)) return parsed;
      const problems = privateTimeProblems(parsed.data);
      return problems.length ? invalid(problems) : parsed;
    }
    case 'agreement': {
      const parsed = parsedOr(agreementSchema, input);
      if (!('data' in parsed)) return parsed;
      const agreement = {
        ...parsed.data,
        unmetBottomLinesReason: parsed.data.meetsBottomLines ? null : parsed.data.unmetBottomLinesReason,
      };
      const problems = agreementProblems(agreement, heldOn);
      return problems.length ? invalid(problems) : { data: agreement };
    }
  }
}

/** What recording each stage is audited as. */
const stageAuditActions = {
  preparation: 'conference.preparation',
  information: 'conference.information',
  privateFamilyTime: 'conference.private_family_time',
  agreement: 'conference.agreement',
} as const satisfies Record<StagePart, AuditAction>;

/**
 * Records one stage of a family group conference, if the stages before it are recorded. An
 * accepted agreement makes the family's plan the child's plan (or a new version of the plan the
 * conference reviews), its source kept.
 */
export const recordStage = meetingChange(
  ([part]) => stageAuditActions[part],
  async (
    { record: { tx, actor, childId, source }, meeting, invitees }: MeetingChange,
    part: StagePart,
    input: Record<string, unknown>,
    expectedVersion: number,
  ): Promise<Saved<{ planId: string | null }>> => {
    if (!meeting.stage) return notFound;
    const fromFamily = stillInvited(invitees).filter(
      (invitee) => invitee.circle === 'family' || invitee.circle === 'network',
    ).length;
    const order = stageProblem(part, meeting.conference, meeting.stage, fromFamily);
    if (order) return invalid([order]);
    const parsed = parseStage(part, input, meeting.heldOn);
    if (!('data' in parsed)) return parsed;
    const conference: Conference = { ...meeting.conference, [part]: parsed.data };
    const stage = stageAfter(part, meeting.stage, conference.agreement);
    let planId: string | null = meeting.planId;
    if (part === 'agreement' && stage === 'agreed') {
      const reviewed = meeting.reviewOfMeetingId
        ? await findMeeting(tx, actor.tenantId, childId, meeting.reviewOfMeetingId)
        : undefined;
      const agreement = conference.agreement!;
      planId = await adoptFamilyPlan(
        tx,
        actor,
        childId,
        {
          meetingId: meeting.id,
          meetingName: meetingNameInSentence(meeting.kind),
          heldOn: meeting.heldOn,
          planId: reviewed?.planId ?? null,
          title: `Family plan from the family group conference on ${dateInWords(meeting.heldOn)}`,
          agreedOn: meeting.heldOn,
          reviewBy: agreement.reviewOn,
          goalsInFamilyWords: [conference.privateFamilyTime!.familyPlan, agreement.whatWasAgreed],
          actions: meeting.actions.filter((action) => action.forThePlan),
          support: agreement.resourcesCommitted,
          reason: reviewed
            ? `Agreed at the review of the family plan on ${dateInWords(meeting.heldOn)}${agreement.changesAndWhy ? `: ${agreement.changesAndWhy}` : ''}`
            : `Agreed at the family group conference on ${dateInWords(meeting.heldOn)}`,
        },
        source,
      );
    }
    const saved = await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, expectedVersion, {
      conference,
      stage,
      planId,
    });
    if (saved === null) return conflict;
    return { outcome: 'saved' as const, planId };
  },
);
