/**
 * Meetings for Mia Thompson: a family group decision-making meeting offered before going to
 * court and accepted; the family group conference Sam Taylor coordinated, through all four
 * stages, whose agreed plan became Mia's family plan; its review eight weeks later; and a
 * network meeting. Recorded through the meetings service, as the people who did the work, so
 * every rule is kept. Does nothing once Mia has a meeting, so a restart keeps what was changed.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import type { Actor } from '../platform/identity/actor.js';
import { users } from '../platform/identity/schema.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import * as meetings from '../features/meetings/index.js';
import { demoCouncil } from './demo-family.js';
import { personIdByName } from './demo-lookups.js';

const source = { ip: null, userAgent: 'Kith demo seed', requestId: 'demo-seed' };

function saved<T extends object>(result: meetings.Saved<T>, what: string): T {
  if (result.outcome !== 'saved') throw new Error(`demo meetings: ${what} was not saved (${JSON.stringify(result)})`);
  return result;
}

export async function seedDemoMeetings(database: Database): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  const found = await withTenant(database.orm, tenantId, async (tx) => {
    const personId = (fullName: string) => personIdByName(tx, tenantId, fullName);
    const account = async (email: string) => {
      const [row] = await tx
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.email, email)));
      return row ?? null;
    };
    const mia = await personId('Mia Thompson');
    if (!mia || (await meetings.meetingsOfChild(tx, tenantId, mia)).length > 0) return null;
    return {
      mia,
      sarah: await personId('Sarah Thompson'),
      pat: await personId('Patricia Thompson'),
      jessica: await personId('Jessica Thompson'),
      alex: await account('alex.morgan@demo-borough.example'),
      sam: await account('sam.taylor@demo-borough.example'),
    };
  });
  if (!found?.alex || !found.sam || !found.sarah || !found.pat) return false;
  const actor = (account: { id: string; fullName: string }, roles: Actor['roles']): Actor => ({
    tenantId,
    councilName: demoCouncil.name,
    userId: account.id,
    fullName: account.fullName,
    email: '',
    kind: 'staff',
    personId: null,
    roles,
    sessionId: null,
    mustChangePassword: false,
    tokenScopes: null,
  });
  const alex = actor(found.alex, ['practitioner']);
  const sam = actor(found.sam, ['fgc_coordinator']);
  const { mia } = found;

  const { offerId } = saved(
    await meetings.offerFamilyMeeting(
      database,
      alex,
      mia,
      { offeredOn: '2026-06-29', beforeDecision: 'going to court' },
      source,
    ),
    'the offer',
  );
  const answer = { response: 'accepted', respondedOn: '2026-07-01', familyReason: '' } as const;
  saved(await meetings.recordOfferAnswer(database, alex, mia, offerId, answer, source), 'the family’s answer');

  /** A conference through all four stages, with its invitees visited and its actions. */
  async function conference(details: {
    heldOn: string;
    reviewOf?: string;
    familyPlan: string;
    whatWasAgreed: string;
    changesAndWhy?: string;
    reviewOn: string;
    action: { whatWillHappen: string; ownerName: string; dueOn: string };
  }) {
    const { meetingId } = saved(
      await meetings.planMeeting(
        database,
        alex,
        mia,
        {
          kind: 'family_group_conference',
          heldOn: details.heldOn,
          startsAt: '10:00',
          endsAt: '14:00',
          place: 'Riverside Community Centre, Mill Lane',
          purpose: details.reviewOf
            ? 'Nan Pat, Sarah and the family look at how their plan for Mia and Leo is going'
            : 'The family make their own plan so that Mia and Leo are safe and happy at home',
          coordinatorUserId: sam.userId,
          offerId: details.reviewOf ? '' : offerId,
          reviewOfMeetingId: details.reviewOf ?? '',
        },
        source,
      ),
      'the conference',
    );
    const version = async () => (await meetings.openMeeting(database, sam, mia, meetingId, source))!.meeting.version;
    /** Sam records one stage of the conference, against the meeting as it now stands. */
    const stage = async (
      part: Parameters<typeof meetings.recordStage>[4],
      input: Record<string, unknown>,
      what: string,
    ) => saved(await meetings.recordStage(database, sam, mia, meetingId, part, input, await version(), source), what);
    await stage(
      'preparation',
      {
        referredOn: '2026-07-01',
        whyReferred: 'Sarah asked for help with the arguments at home, and the family want to make their own plan.',
        familyAgreedOn: '2026-07-01',
        childPreparation:
          'Sam met Mia at school. Mia wants to be there at the start to read her three houses, then go to the park with Aunt Jess.',
        advocate: 'Mia said Aunt Jess can speak for her',
        language: 'English',
        venue: 'Riverside Community Centre: on the bus route Nan Pat uses',
        food: 'Lunch, with a vegetarian choice for Dan',
        childcare: 'Leo at nursery for the morning',
      },
      'the preparation',
    );
    const invited = [
      { personId: mia, visited: '2026-07-09' },
      { personId: found!.sarah!, visited: '2026-07-06' },
      { personId: found!.pat!, visited: '2026-07-07' },
      ...(found!.jessica ? [{ personId: found!.jessica, visited: '2026-07-08' }] : []),
    ];
    for (const person of invited) {
      const { inviteeId } = saved(
        await meetings.inviteSomeone(database, sam, mia, meetingId, { personId: person.personId }, source),
        'an invitation',
      );
      saved(
        await meetings.recordPreparationVisit(
          database,
          sam,
          mia,
          meetingId,
          inviteeId,
          { attendance: 'came', preparationVisitOn: details.reviewOf ? '' : person.visited, preparationNotes: '' },
          source,
        ),
        'a preparation visit',
      );
    }
    const socialWorker = { name: 'Alex Morgan', relationship: 'Mia’s social worker', circle: 'professional' } as const;
    saved(
      await meetings.inviteSomeone(database, sam, mia, meetingId, socialWorker, source),
      'the social worker’s invitation',
    );
    await stage(
      'information',
      {
        worries:
          'Shouting late at night has frightened Mia and Leo. Mia has been late to school on days after an argument.',
        strengths:
          'Sarah asked for help herself. Nan Pat sees the children every day and they feel safe with her. Mia loves football.',
        bottomLines: ['Mia and Leo sleep somewhere calm every night', 'Mia gets to school every day, on time'],
        resources:
          'A family support worker two afternoons a week; a place on the Calmer Homes course for Sarah and Dan',
        questionsAndAnswers:
          'Nan Pat asked who to call at night if things get loud: the out of hours team, 0300 000 0000.',
      },
      'the information stage',
    );
    await stage(
      'privateFamilyTime',
      { startedAt: '11:15', endedAt: '12:30', familyPlan: details.familyPlan },
      'private family time',
    );
    saved(
      await meetings.addAction(database, sam, mia, meetingId, { ...details.action, forThePlan: true }, source),
      'an action',
    );
    saved(
      await meetings.addDecision(
        database,
        sam,
        mia,
        meetingId,
        {
          decision: 'The family’s plan is agreed and becomes Mia’s plan',
          reason: 'It meets both bottom lines, and everyone in the family has a part in it',
        },
        source,
      ),
      'a decision',
    );
    const { planId } = await stage(
      'agreement',
      {
        meetsBottomLines: 'yes',
        planAccepted: 'yes',
        whatWasAgreed: details.whatWasAgreed,
        changesAndWhy: details.changesAndWhy ?? '',
        resourcesCommitted: 'Family support worker two afternoons a week; Calmer Homes course; bus pass for Nan Pat',
        whoWillTellChild: 'Nan Pat and Aunt Jess, at tea on Friday',
        reviewOn: details.reviewOn,
      },
      'the agreement',
    );
    saved(
      await meetings.recordWhatHappened(
        database,
        sam,
        mia,
        meetingId,
        {
          childPreference: 'Be there at the start, read my three houses, then go to the park with Aunt Jess',
          howChildTookPart: 'Mia read her three houses to everyone, then went to the park with Aunt Jess.',
          whatWasShared: 'Everyone heard the worries, what is going well, and the two bottom lines.',
          professionalNotes: 'The family support worker starts on Monday.',
        },
        await version(),
        source,
      ),
      'what happened',
    );
    return { meetingId, planId };
  }

  const first = await conference({
    heldOn: '2026-07-14',
    familyPlan:
      'Mia and Leo stay with Nan Pat on school nights over the summer while Sarah and Dan do the Calmer Homes course. Nan Pat walks Mia to school. Aunt Jess has the children one weekend a month.',
    whatWasAgreed: 'The family’s plan, as they brought it back, with Sarah ringing Nan Pat every evening at 7.',
    reviewOn: '2026-09-08',
    action: {
      whatWillHappen: 'Sarah and Dan book the Calmer Homes course',
      ownerName: 'Sarah and Dan',
      dueOn: '2026-07-28',
    },
  });
  await conference({
    heldOn: '2026-09-08',
    reviewOf: first.meetingId,
    familyPlan:
      'Mia and Leo are home again on school nights. Nan Pat still walks Mia to school on Mondays and Fridays. Aunt Jess keeps her monthly weekend.',
    whatWasAgreed: 'The family’s updated plan: the children are home, and Nan Pat and Aunt Jess stay close.',
    changesAndWhy: 'The nights at home have been calm since the start of August, so the children have moved home.',
    reviewOn: '2026-12-08',
    action: {
      whatWillHappen: 'Sarah tells the school who collects Mia each day',
      ownerName: 'Sarah',
      dueOn: '2026-09-15',
    },
  });

  saved(
    await meetings.planMeeting(
      database,
      alex,
      mia,
      {
        kind: 'network_meeting',
        heldOn: '2027-02-03',
        startsAt: '16:00',
        endsAt: '17:00',
        place: 'Nan Pat’s house',
        purpose: 'The safety network checks in on how evenings are going',
      },
      source,
    ),
    'the network meeting',
  );
  return true;
}
