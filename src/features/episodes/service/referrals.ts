/** Referrals and the outcome of their assessment. */
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/identity/actor.js';
import type { RequestSource } from '../../child-record/index.js';
import { insertReferral, isNeedAssessmentOfChild, updateReferralOutcome } from '../queries.js';
import type { AssessmentOutcomeInput, NewReferralInput } from '../validation.js';
import { refuse, notFound, changing, recorded, referralOf } from './record.js';

export async function recordReferral(
  database: Database,
  actor: Actor,
  childId: string,
  input: NewReferralInput,
  source: RequestSource,
) {
  return changing(database, actor, childId, 'episodes.referral_recorded', source, async (record) => {
    const referral = await insertReferral(record.tx, record.tenantId, {
      childPersonId: childId,
      referredOn: input.referredOn,
      source: input.source,
      primaryNeedCode: input.primaryNeedCode ?? null,
      ...recorded(actor),
    });
    await record.audit('episodes.referral_recorded', { referralId: referral.id, referredOn: referral.referredOn });
    return { outcome: 'recorded' as const, referral };
  });
}

export async function recordAssessmentOutcome(
  database: Database,
  actor: Actor,
  childId: string,
  referralId: string,
  input: AssessmentOutcomeInput & { expectedVersion: number },
  source: RequestSource,
) {
  const action = 'episodes.assessment_outcome_recorded';
  return changing(database, actor, childId, action, source, async (record) => {
    const referral = await referralOf(record, referralId);
    if (!referral) return notFound;
    if (input.completedOn < referral.referredOn) {
      return refuse('completedOn', 'The date the assessment was completed must be on or after the referral');
    }
    if (
      input.needAssessmentId &&
      !(await isNeedAssessmentOfChild(record.tx, record.tenantId, childId, input.needAssessmentId))
    ) {
      return refuse('needAssessmentId', 'Select one of this child’s assessments of need');
    }
    const saved = await updateReferralOutcome(
      record.tx,
      record.tenantId,
      referralId,
      {
        assessmentOutcome: input.outcome,
        assessmentCompletedOn: input.completedOn,
        assessmentFactors: input.factors,
        outcomeReasons: input.reasons,
        needAssessmentId: input.needAssessmentId,
        outcomeRecordedByLabel: actor.fullName,
      },
      input.expectedVersion,
    );
    if (!saved) return { outcome: 'conflict' as const, current: referral };
    await record.audit(action, { referralId, outcome: input.outcome, factors: input.factors.join(' ') });
    return { outcome: 'recorded' as const, referral: saved };
  });
}
