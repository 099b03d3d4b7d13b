/**
 * One set of rules for each step of the journey, used by the pages and the JSON API alike.
 * What depends on the record (an overlap, a step with no enquiry before it) is the service's;
 * what the answer alone shows is here. Messages follow the GOV.UK pattern.
 */
import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import {
  assessmentFactorCodeList,
  assessmentOutcomeList,
  closureReasonCodeList,
  episodeKindList,
  isOutcomeOf,
  planCategoryList,
  primaryNeedCodeList,
  protectionStepKindList,
} from './codes.js';

export const episodeMessages = {
  referredOn: 'Enter the date of the referral as a real date, for example 27 3 2026',
  referredFuture: 'The date of the referral must be today or in the past',
  source: 'Enter who made the referral',
  primaryNeed: 'Select the primary need',
  outcome: 'Select what the assessment led to',
  completedOn: 'Enter the date the assessment was completed as a real date, for example 27 3 2026',
  completedFuture: 'The date the assessment was completed must be today or in the past',
  outcomeReasons: 'Enter the reasons for the outcome',
  kind: 'Select the kind of help',
  startsOn: 'Enter the start date as a real date, for example 27 3 2026',
  lead: 'Enter the name of the lead practitioner',
  categories: 'Select the category of the child protection plan',
  categoriesOnlyForPlans: 'Only a child protection plan has categories',
  endsOn: 'Enter the end date as a real date, for example 27 3 2026',
  closureReason: 'Select the reason for ending',
  stepKind: 'Select the step of child protection',
  heldOn: 'Enter the date as a real date, for example 27 3 2026',
  heldFuture: 'The date must be today or in the past',
  decision: 'Enter what was decided and why',
  stepOutcome: 'Select the outcome',
  closedOn: 'Enter the date the case closed as a real date, for example 27 3 2026',
  closedFuture: 'The date the case closed must be today or in the past',
  summary: 'Enter the closing summary to the family',
  tooLong: (what: string, limit: string) => `${what} must be ${limit} characters or fewer`,
} as const;

const today = () => new Date().toISOString().slice(0, 10);
const pastDate = (wrong: string, future: string) => isoDate(wrong).refine((value) => value <= today(), future);
const required = (message: string, max: number, what: string) =>
  text({ error: message })
    .trim()
    .min(1, message)
    .max(max, episodeMessages.tooLong(what, max.toLocaleString('en-GB')));
const optional = (max: number, what: string) =>
  text()
    .trim()
    .max(max, episodeMessages.tooLong(what, max.toLocaleString('en-GB')))
    .optional()
    .transform((value) => (value ? value : null));
const optionalId = text()
  .max(64)
  .optional()
  .transform((value) => (value ? value : null));
const listOf = <T extends [string, ...string[]]>(values: T, message: string) =>
  z.array(z.enum(values, message)).max(values.length).default([]);

export const newReferralSchema = z
  .object({
    referredOn: pastDate(episodeMessages.referredOn, episodeMessages.referredFuture),
    source: required(episodeMessages.source, 200, 'Who made the referral'),
    primaryNeedCode: z.enum(primaryNeedCodeList, episodeMessages.primaryNeed).optional(),
  })
  .meta({ id: 'NewReferral' });
export type NewReferralInput = z.infer<typeof newReferralSchema>;

export const assessmentOutcomeSchema = z
  .object({
    outcome: z.enum(assessmentOutcomeList, episodeMessages.outcome),
    completedOn: pastDate(episodeMessages.completedOn, episodeMessages.completedFuture),
    factors: listOf(assessmentFactorCodeList, 'Select factors from the list').describe(
      'Factors identified at the end of assessment (CIN census codes)',
    ),
    reasons: required(episodeMessages.outcomeReasons, 4000, 'The reasons'),
    needAssessmentId: optionalId.describe('The assessment of need that is this assessment'),
  })
  .meta({ id: 'AssessmentOutcome' });
export type AssessmentOutcomeInput = z.infer<typeof assessmentOutcomeSchema>;

export const newEpisodeSchema = z
  .object({
    kind: z.enum(episodeKindList, episodeMessages.kind),
    startsOn: isoDate(episodeMessages.startsOn),
    serviceName: optional(100, 'The service’s name'),
    primaryNeedCode: z.enum(primaryNeedCodeList, episodeMessages.primaryNeed),
    leadPractitioner: optional(300, 'The lead practitioner’s name'),
    leadAgency: optional(300, 'The agency'),
    planCategories: listOf(planCategoryList, episodeMessages.categories),
    steppedFromEpisodeId: optionalId.describe(
      'The open episode this steps up or down from: it ends the day this starts',
    ),
  })
  .superRefine((episode, context) => {
    if ((episode.kind === 'family_help' || episode.kind === 'child_protection') && !episode.leadPractitioner) {
      context.addIssue({ code: 'custom', path: ['leadPractitioner'], message: episodeMessages.lead });
    }
    if (episode.kind === 'child_protection' && episode.planCategories.length === 0) {
      context.addIssue({ code: 'custom', path: ['planCategories'], message: episodeMessages.categories });
    }
    if (episode.kind !== 'child_protection' && episode.planCategories.length > 0) {
      context.addIssue({ code: 'custom', path: ['planCategories'], message: episodeMessages.categoriesOnlyForPlans });
    }
  })
  .meta({ id: 'NewEpisode' });
export type NewEpisodeInput = z.infer<typeof newEpisodeSchema>;

export const endEpisodeSchema = z
  .object({
    endsOn: isoDate(episodeMessages.endsOn),
    closureReasonCode: z.enum(closureReasonCodeList, episodeMessages.closureReason),
    expectedVersion: z.coerce.number().int().min(1).describe('The version read; a stale one is refused'),
  })
  .meta({ id: 'EpisodeEnd' });
export type EndEpisodeInput = z.infer<typeof endEpisodeSchema>;

export const protectionStepSchema = z
  .object({
    kind: z.enum(protectionStepKindList, episodeMessages.stepKind),
    heldOn: pastDate(episodeMessages.heldOn, episodeMessages.heldFuture),
    whoTookPart: optional(2000, 'Who took part'),
    decision: required(episodeMessages.decision, 4000, 'What was decided'),
    outcome: text({ error: episodeMessages.stepOutcome }).max(40),
    meetingId: optionalId.describe('The meeting (in meetings) where the discussion or conference was held'),
    planCategories: listOf(planCategoryList, episodeMessages.categories).describe(
      'An initial conference that makes a plan: its categories',
    ),
    leadPractitioner: optional(300, 'The lead child protection practitioner’s name').describe(
      'An initial conference that makes a plan: the lead child protection practitioner',
    ),
    closureReasonCode: z
      .enum(closureReasonCodeList, episodeMessages.closureReason)
      .optional()
      .describe('A review conference that ends the plan: why'),
  })
  .superRefine((step, context) => {
    if (!isOutcomeOf(step.kind, step.outcome)) {
      context.addIssue({ code: 'custom', path: ['outcome'], message: episodeMessages.stepOutcome });
      return;
    }
    if (step.kind === 'initial_conference' && step.outcome === 'plan') {
      if (step.planCategories.length === 0) {
        context.addIssue({ code: 'custom', path: ['planCategories'], message: episodeMessages.categories });
      }
      if (!step.leadPractitioner) {
        context.addIssue({ code: 'custom', path: ['leadPractitioner'], message: episodeMessages.lead });
      }
    }
    if (step.kind === 'review_conference' && step.outcome === 'plan_ends' && !step.closureReasonCode) {
      context.addIssue({ code: 'custom', path: ['closureReasonCode'], message: episodeMessages.closureReason });
    }
  })
  .meta({ id: 'ChildProtectionStep' });
export type ProtectionStepInput = z.infer<typeof protectionStepSchema>;

export const closeCaseSchema = z
  .object({
    closedOn: pastDate(episodeMessages.closedOn, episodeMessages.closedFuture),
    reasonCode: z.enum(closureReasonCodeList, episodeMessages.closureReason),
    summaryToFamily: required(episodeMessages.summary, 8000, 'The closing summary').describe(
      'Written to the family, in plain words; checked by the language companion',
    ),
    reasonToGoOn: optional(2000, 'The reason to close the case now').describe(
      'Needed when plan actions are still open or an assessment is not signed off',
    ),
  })
  .meta({ id: 'CaseClosure' });
export type CloseCaseInput = z.infer<typeof closeCaseSchema>;
