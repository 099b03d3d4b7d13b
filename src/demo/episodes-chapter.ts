/**
 * The episodes chapter of the demo story: what followed the school's contact about Mia. Priya
 * Kaur decided on Monday 8 September 2025 that it was a referral (the front door's chapter), for
 * Mia and for Leo. Alex Morgan's assessment with the family was completed on Wednesday 5
 * November 2025, within its 45 working days (due 10 November): the arguments at home late at
 * night, sometimes with drinking, frighten Mia and leave her tired; Sarah and Dan want help. It
 * led to a child in need plan, so a Family Help episode with Alex as lead practitioner began
 * that day and is still open (the plans, meetings and the later assessment of need are the rest
 * of the story).
 *
 * Once: nothing is added to a council that already has referrals.
 */
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { startReferral } from '../features/episodes/index.js';
import { insertEpisode, updateReferralOutcome } from '../features/episodes/queries.js';
import { referrals } from '../features/episodes/schema.js';
import { demoCouncil } from './demo-family.js';
import { councilHasRows, personIdByName } from './demo-lookups.js';

const ALEX = 'Alex Morgan (practitioner)';

const assessment = {
  assessmentOutcome: 'child_in_need_plan',
  assessmentCompletedOn: '2025-11-05',
  // Alcohol misuse and domestic abuse, each by a parent or carer (CIN census factor codes).
  assessmentFactors: ['1B', '3B'],
  outcomeReasons:
    'The arguments at home late at night, sometimes with drinking, frighten Mia and leave her tired and late for school; Leo sees them too. Sarah and Dan both want things to change and have asked for help. Nan Pat and the school are a strong network around the children. A child in need plan with Family Help, led by Alex Morgan.',
  needAssessmentId: null,
  outcomeRecordedByLabel: ALEX,
} as const;

export async function seedEpisodesChapter(database: Database): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    if (await councilHasRows(tx, referrals, tenantId)) return false;
    for (const fullName of ['Mia Thompson', 'Leo Thompson']) {
      const childId = await personIdByName(tx, tenantId, fullName);
      if (!childId) continue;
      const { referralId } = await startReferral(tx, tenantId, {
        childId,
        referredOn: '2025-09-08',
        source: 'Riverside Primary School (Ms Carter, Mia’s class teacher)',
        primaryNeedCode: 'N4',
        actorLabel: 'Priya Kaur (team_manager)',
      });
      await updateReferralOutcome(
        tx,
        tenantId,
        referralId,
        { ...assessment, assessmentFactors: [...assessment.assessmentFactors] },
        1,
      );
      await insertEpisode(tx, tenantId, {
        childPersonId: childId,
        kind: 'family_help',
        serviceName: null,
        startsOn: '2025-11-05',
        primaryNeedCode: 'N4',
        leadPractitioner: 'Alex Morgan',
        leadAgency: 'Demo Borough Council, children’s services',
        referralId,
        recordedBy: null,
        recordedByLabel: ALEX,
        recordedAt: new Date('2025-11-05T16:00:00Z'),
      });
    }
    return true;
  });
}
