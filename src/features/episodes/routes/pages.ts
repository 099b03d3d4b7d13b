/**
 * Episodes' pages: the child's journey (referrals and assessments, episodes of help, child
 * protection, closures) and the forms for each step. Plain forms: everything works without
 * JavaScript. The forms are checked with the API's own schemas (validation.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { singleFormError } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { hasPermission } from '../../../platform/identity/roles.js';
import { childRecordNavigation } from '../../../platform/views/child-record-navigation.js';
import { meetingPaths } from '../../meetings/index.js';
import {
  assessmentFactorCodes,
  assessmentOutcomes,
  closureReasonCodes,
  planCategories,
  primaryNeedCodes,
} from '../codes.js';
import { episodesPaths as paths } from '../paths.js';
import {
  codeItems,
  codeOptions,
  dueRows,
  episodeKindItems,
  journeySummary,
  nameOf,
  noticeFor,
  presentClosures,
  presentEpisodes,
  presentReferrals,
  presentSteps,
  stepKindItems,
  stepOutcomeItems,
} from '../presenters.js';
import {
  closeCase,
  endEpisode,
  recordAssessmentOutcome,
  recordProtectionStep,
  recordReferral,
  startEpisode,
  viewEpisodes,
} from '../service.js';
import {
  assessmentOutcomeSchema,
  closeCaseSchema,
  endEpisodeSchema,
  newEpisodeSchema,
  newReferralSchema,
  protectionStepSchema,
} from '../validation.js';
import { dateValues, registerEpisodeForm } from './form.js';

const today = () => new Date().toISOString().slice(0, 10);
const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');
const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : []);

export function registerEpisodesRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Params: { childId: string }; Querystring: { notice?: string } }>(
    paths.page.pattern,
    { config: { access: { permission: 'child_record.view' }, audit: 'child_record.view' } },
    async (request, reply) => {
      const { childId } = request.params;
      const found = await viewEpisodes(database, request.actor!, childId, requestSource(request));
      if (!found) {
        reply.callNotFound();
        return reply;
      }
      const may = found.mayChange;
      const mayClose = may && hasPermission(request.actor!.roles, 'case.close');
      return reply.render('episodes/views/episodes.njk', {
        pageTitle: `Help and protection – ${nameOf(found.child)}`,
        child: found.child,
        recordHeading: 'Help and protection',
        recordNavigation: childRecordNavigation(childId, 'episodes'),
        childName: nameOf(found.child),
        notice: noticeFor(request.query.notice),
        summary: journeySummary(found.journey),
        due: dueRows(found.journey),
        episodes: presentEpisodes(found.episodes, (episodeId) =>
          may ? paths.endEpisode.href({ childId, episodeId }) : null,
        ),
        referrals: presentReferrals(found.referrals, (referralId) =>
          may ? paths.outcome.href({ childId, referralId }) : null,
        ),
        steps: presentSteps(found.steps, (meetingId) => meetingPaths.meeting.href({ childId, meetingId })),
        closures: presentClosures(found.closures),
        links: may
          ? {
              referral: paths.newReferral.href({ childId }),
              episode: paths.newEpisode.href({ childId }),
              step: paths.newStep.href({ childId }),
              close: mayClose && found.journey.status === 'open' ? paths.close.href({ childId }) : null,
            }
          : null,
      });
    },
  );

  registerEpisodeForm(app, database, {
    path: paths.newReferral,
    audit: 'episodes.referral_recorded',
    part: 'referral_form',
    template: 'episodes/views/referral.njk',
    title: 'Record a referral',
    fields: { text: ['source', 'primaryNeedCode'], dates: ['referredOn'] },
    schema: newReferralSchema,
    blank: () => dateValues('referredOn', today()),
    context: (_form, values) => ({ needOptions: codeOptions(primaryNeedCodes, text(values.primaryNeedCode)) }),
    save: (db, actor, { childId }, data, source) => recordReferral(db, actor, childId, data, source),
    notice: 'referral_recorded',
  });

  registerEpisodeForm(app, database, {
    path: paths.outcome,
    audit: 'episodes.assessment_outcome_recorded',
    part: 'assessment_outcome_form',
    template: 'episodes/views/outcome.njk',
    title: 'Record what the assessment led to',
    fields: {
      text: ['outcome', 'reasons', 'needAssessmentId', 'expectedVersion'],
      lists: ['factors'],
      dates: ['completedOn'],
    },
    schema: assessmentOutcomeSchema.extend({ expectedVersion: endEpisodeSchema.shape.expectedVersion }),
    find: (form, { referralId }) =>
      form.referrals.find((referral) => referral.id === referralId && !referral.assessmentOutcome),
    blank: (form, { referralId }) => ({
      ...dateValues('completedOn', today()),
      expectedVersion: String(form.referrals.find((referral) => referral.id === referralId)?.version ?? 1),
    }),
    context: (form, values, { referralId }) => ({
      referral: form.referrals.find((referral) => referral.id === referralId),
      outcomeItems: codeItems(assessmentOutcomes, text(values.outcome), false),
      factorItems: codeItems(assessmentFactorCodes, list(values.factors)),
      assessmentItems: [
        { value: '', text: 'None', selected: text(values.needAssessmentId) === '' },
        ...form.needAssessments.map((assessment, index) => ({
          value: assessment.id,
          text: `Assessment of need started ${assessment.startedAt.toISOString().slice(0, 10)}${index === 0 ? ' (latest)' : ''}`,
          selected: text(values.needAssessmentId) === assessment.id,
        })),
      ],
    }),
    save: (db, actor, { childId, referralId }, data, source) =>
      recordAssessmentOutcome(db, actor, childId, referralId!, data, source),
    notice: 'outcome_recorded',
  });

  registerEpisodeForm(app, database, {
    path: paths.newEpisode,
    audit: 'episodes.episode_started',
    part: 'episode_form',
    template: 'episodes/views/episode.njk',
    title: 'Start an episode of help',
    fields: {
      text: ['kind', 'serviceName', 'primaryNeedCode', 'leadPractitioner', 'leadAgency', 'steppedFromEpisodeId'],
      lists: ['planCategories'],
      dates: ['startsOn'],
    },
    schema: newEpisodeSchema,
    blank: () => dateValues('startsOn', today()),
    context: (form, values) => ({
      kindItems: episodeKindItems(text(values.kind)),
      needOptions: codeOptions(primaryNeedCodes, text(values.primaryNeedCode)),
      categoryItems: codeItems(planCategories, list(values.planCategories), false),
      stepItems: [
        {
          value: '',
          text: 'No, this is not a step from another episode',
          checked: text(values.steppedFromEpisodeId) === '',
        },
        ...form.episodes
          .filter((episode) => episode.endsOn === null)
          .map((episode) => ({
            value: episode.id,
            text: `Yes, from ${presentEpisodes([episode], () => null)[0]!.name}, since ${episode.startsOn}`,
            checked: text(values.steppedFromEpisodeId) === episode.id,
          })),
      ],
    }),
    save: (db, actor, { childId }, data, source) => startEpisode(db, actor, childId, data, source),
    notice: 'episode_started',
  });

  registerEpisodeForm(app, database, {
    path: paths.endEpisode,
    audit: 'episodes.episode_ended',
    part: 'end_episode_form',
    template: 'episodes/views/end-episode.njk',
    title: 'End an episode of help',
    fields: { text: ['closureReasonCode', 'expectedVersion'], dates: ['endsOn'] },
    schema: endEpisodeSchema,
    find: (form, { episodeId }) => form.episodes.find((episode) => episode.id === episodeId && episode.endsOn === null),
    blank: (form, { episodeId }) => ({
      ...dateValues('endsOn', today()),
      expectedVersion: String(form.episodes.find((episode) => episode.id === episodeId)?.version ?? 1),
    }),
    context: (form, values, { episodeId }) => ({
      episode: presentEpisodes(
        form.episodes.filter((episode) => episode.id === episodeId),
        () => null,
      )[0],
      reasonItems: codeItems(closureReasonCodes, text(values.closureReasonCode)),
    }),
    save: (db, actor, { childId, episodeId }, data, source) => endEpisode(db, actor, childId, episodeId!, data, source),
    notice: 'episode_ended',
  });

  registerEpisodeForm(app, database, {
    path: paths.newStep,
    audit: 'episodes.protection_step_recorded',
    part: 'protection_step_form',
    template: 'episodes/views/step.njk',
    title: 'Record a step of child protection',
    fields: {
      text: ['kind', 'whoTookPart', 'decision', 'outcome', 'meetingId', 'leadPractitioner', 'closureReasonCode'],
      lists: ['planCategories'],
      dates: ['heldOn'],
    },
    schema: protectionStepSchema,
    blank: () => dateValues('heldOn', today()),
    context: (form, values) => ({
      kindItems: stepKindItems(text(values.kind)),
      outcomeItems: stepOutcomeItems(text(values.outcome)),
      categoryItems: codeItems(planCategories, list(values.planCategories), false),
      reasonOptions: codeOptions(closureReasonCodes, text(values.closureReasonCode)),
      meetingOptions: [
        { value: '', text: 'None', selected: text(values.meetingId) === '' },
        ...form.protectionMeetings.map((meeting) => ({
          value: meeting.id,
          text: `${meeting.kind.replaceAll('_', ' ')}, ${meeting.heldOn}`,
          selected: text(values.meetingId) === meeting.id,
        })),
      ],
    }),
    save: (db, actor, { childId }, data, source) => recordProtectionStep(db, actor, childId, data, source),
    notice: 'step_recorded',
  });

  registerEpisodeForm(app, database, {
    path: paths.close,
    access: { permission: 'case.close' },
    audit: 'episodes.case_closed',
    part: 'close_case_form',
    template: 'episodes/views/close.njk',
    title: 'Close the case',
    fields: { text: ['reasonCode', 'summaryToFamily', 'reasonToGoOn'], dates: ['closedOn'] },
    schema: closeCaseSchema,
    blank: () => dateValues('closedOn', today()),
    context: (_form, values) => ({ reasonItems: codeItems(closureReasonCodes, text(values.reasonCode)) }),
    save: (db, actor, { childId }, data, source) => closeCase(db, actor, childId, data, source),
    notice: 'case_closed',
    answer: (saved) =>
      saved.outcome === 'needs_reason' && 'openActions' in saved
        ? {
            errors: singleFormError(
              'reasonToGoOn',
              `${warningOf(saved as unknown as { openActions: number; unsignedAssessments: number })}: enter the reason to close the case now`,
            ),
            extra: saved,
          }
        : null,
  });
}

/** The warning before closing: what is still open on the record. */
function warningOf({ openActions, unsignedAssessments }: { openActions: number; unsignedAssessments: number }) {
  const parts = [
    openActions ? `${openActions} plan ${openActions === 1 ? 'action is' : 'actions are'} still open` : null,
    unsignedAssessments
      ? `${unsignedAssessments} ${unsignedAssessments === 1 ? 'assessment is' : 'assessments are'} not signed off`
      : null,
  ].filter(Boolean);
  return parts.join(' and ').replace(/^./, (first) => first.toUpperCase());
}
