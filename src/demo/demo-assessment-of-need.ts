/**
 * Mia's safe uncertainty and her assessment of need. Three positions on the grid months apart,
 * moving from unsafe uncertainty to safe uncertainty as the safety plan took hold; what we do
 * not know yet (one question due to revisit, one answered); and an assessment of need signed
 * off by Priya Kaur, with version 2 in draft. Every detail is invented.
 *
 * Separate from the first seed so a demo folder made before this part existed gains it on its
 * next start; it does nothing once any safe uncertainty is recorded in the demo council.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { appendVersion } from '../platform/history/record-history.js';
import { users } from '../platform/identity/schema.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { safeUncertaintyPositions } from '../features/safe-uncertainty/schema.js';
import { insertPosition, insertQuestion, updateFinding } from '../features/safe-uncertainty/queries.js';
import { SAFE_UNCERTAINTY_QUESTION } from '../features/safe-uncertainty/service.js';
import {
  insertSeries,
  insertVersion,
  NEED_ASSESSMENT,
  updateVersion,
  type VersionRow,
} from '../features/assessment-of-need/queries.js';
import { contentOf, emptyContent, type AssessmentContent } from '../features/assessment-of-need/sections.js';
import { demoCouncil, demoFamily } from './demo-family.js';
import { councilHasRows, personIdByName } from './demo-lookups.js';

const ALEX = 'alex.morgan@demo-borough.example';
const PRIYA = 'priya.kaur@demo-borough.example';
const at = (iso: string) => new Date(`${iso}T10:30:00Z`);
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

const positions = [
  {
    position: 'unsafe_uncertainty' as const,
    assessedOn: '2025-09-15',
    reasons:
      'Mia told Ms Carter she is scared when the shouting starts at home at night. We do not know yet how often it happens, whether drinking is part of it, or who the children can go to. Sarah has been open with us and wants things to change.',
  },
  {
    position: 'unsafe_uncertainty' as const,
    assessedOn: '2026-01-20',
    reasons:
      'Sarah and Dan have agreed a safety plan with the family: no arguments in front of the children, and Nan Pat’s house as the safe place to go. Mia says nights are quieter. We do not know yet whether the plan holds at weekends, so we are not sure Mia is safe enough.',
  },
  {
    position: 'safe_uncertainty' as const,
    assessedOn: '2026-06-10',
    reasons:
      'The safety network (Nan Pat, Auntie Jess and Ms Carter at school) has kept the plan going for four months. Mia says home feels calmer and she knows who to call. Dan goes to his support group every Thursday. We keep asking questions: the plan has not been tested by a hard time yet.',
  },
];

const v1: AssessmentContent = {
  developmentStrengths:
    'Mia is doing well at school: she reads above her age and loves drawing. She has good friends, Lily and Nadia, and plays football every Saturday. She is healthy and her check-ups are up to date.',
  developmentNeeds:
    'Mia has been late to school about twice a week since the summer and is tired on those days. She has told Ms Carter she worries about her mum when there is shouting at home. She often takes on looking after Leo.',
  developmentChildView:
    'Mia says: “I like school and football. I don’t like it when Mum and Dan shout. I want to go to Nan’s on Wednesdays forever.”',
  developmentFamilyView:
    'Sarah says Mia is “a little mum” to Leo and she wants Mia to be able to just be a kid. Dan says Mia is clever and he is proud of her football.',
  parentingStrengths:
    'Sarah knows her children well and has kept every school and health appointment this term. Dan does the school run on weekdays and is teaching Mia to cook. Both love the children and have been honest with us about the arguments.',
  parentingNeeds:
    'When Sarah and Dan argue late at night the children hear it, and Mia gets up to check on Leo. Dan says he drinks more at weekends when he is stressed. The children need the adults to keep arguments away from them.',
  parentingChildView:
    'Mia says Mum gives the best hugs and Dan makes the best pancakes. She would like them to talk instead of shouting.',
  parentingFamilyView:
    'Sarah and Dan both want the arguments to stop and asked for help. Dan has started going to a support group on Thursdays.',
  environmentStrengths:
    'A large, loving family close by: Nan Pat has the children for tea every Wednesday, Auntie Jess talks with Mia often, and Grandma Grace takes them to church. The school knows Mia well. The home is warm and settled.',
  environmentNeeds:
    'Money is tight since Dan’s hours were cut, and the family are behind with the rent. Sarah feels she has to manage everything on her own.',
  environmentChildView:
    'Mia says Nan Pat’s house is her favourite place because it is calm and Biscuit the dog is there.',
  environmentFamilyView:
    'Nan Pat says she is happy to be the safe place for the children. Sarah would like help with the rent arrears.',
  analysis:
    'Mia is a bright, caring girl with many people who love her. The worry is the arguments at home late at night, sometimes with drinking, which frighten Mia and leave her tired and late for school. The strengths are real: Sarah and Dan are honest about what is happening and want to change, and the wider family is ready to help. With a safety plan agreed with the family and their network, we think Mia can be safe enough at home while we keep learning together.',
  recommendation:
    '1. A family network meeting to agree a safety plan, with Nan Pat’s house as the safe place.\n2. Dan to keep going to his support group.\n3. Help with the rent arrears from the family support worker.\n4. Ms Carter to check in with Mia each week at school.\n5. Review together in three months.',
};

const v2Changes: Partial<AssessmentContent> = {
  developmentNeeds:
    'Mia is now late to school only now and then, and is less tired. She still sometimes takes on looking after Leo.',
  developmentChildView:
    'Mia says: “It’s quieter at home now. I still like Nan’s on Wednesdays best.” She would like more Saturdays with her dad, Marcus.',
  parentingStrengths:
    'Sarah knows her children well and has kept every school and health appointment. Dan does the school run on weekdays and is teaching Mia to cook. The safety plan has held for four months, and both have been honest when a week went badly.',
  environmentNeeds:
    'Money is still tight, but the rent arrears are on a repayment plan. Sarah says she feels less alone now the network shares the load.',
  analysis:
    'Mia is a bright, caring girl with many people who love her. The arguments that frightened her have mostly stopped, and the safety network has kept the plan going. We are not yet sure how the plan will hold through a hard time, so we stay curious with the family.',
};

async function userIds(tx: Tx, tenantId: string) {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.email, [ALEX, PRIYA])));
  const idOf = (email: string) => {
    const row = rows.find((candidate) => candidate.email === email);
    if (!row) throw new Error(`demo account ${email} is not in the council ${tenantId}`);
    return row.id;
  };
  return { alex: idOf(ALEX), priya: idOf(PRIYA) };
}

async function keep(
  tx: Tx,
  tenantId: string,
  version: VersionRow,
  event: string,
  author: { userId: string; label: string },
  reason: string | null = null,
) {
  await appendVersion(tx, tenantId, {
    recordType: NEED_ASSESSMENT,
    recordId: version.id,
    version: version.revision,
    author,
    reason,
    recordedAt: version.updatedAt,
    content: {
      event,
      status: version.status,
      assessmentId: version.assessmentId,
      versionNumber: version.versionNumber,
      ...contentOf(version),
    },
  });
}

export async function seedDemoAssessmentOfNeed(database: Database, now: Date = new Date()): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    if (await councilHasRows(tx, safeUncertaintyPositions, tenantId)) return false;
    const miaName = demoFamily.find((person) => person.key === 'mia')!.fullName;
    const mia = await personIdByName(tx, tenantId, miaName);
    if (!mia) return false;
    const { alex, priya } = await userIds(tx, tenantId);
    const alexLabel = 'Alex Morgan (practitioner)';
    const priyaLabel = 'Priya Kaur (team_manager)';

    // ---- Safe uncertainty ------------------------------------------------------------------
    for (const position of positions) {
      await insertPosition(tx, tenantId, {
        childPersonId: mia,
        ...position,
        recordedBy: alex,
        recordedByLabel: 'Alex Morgan',
        recordedAt: at(position.assessedOn),
      });
    }
    const questions = [
      {
        kind: 'question' as const,
        wording: 'Who could Mia go to if Nan Pat is away?',
        raisedOn: '2025-09-15',
        revisitOn: '2025-11-01',
        finding: {
          text: 'Auntie Jess and Grandma Grace both said they would be there. Mia chose Auntie Jess and keeps her number in her school bag.',
          on: '2025-10-28',
        },
      },
      {
        kind: 'question' as const,
        wording: 'Does the safety plan hold at weekends, when Dan is not working?',
        raisedOn: '2026-01-20',
        revisitOn: daysFrom(now, -10),
      },
      {
        kind: 'hypothesis' as const,
        wording:
          'The arguments happen most at the end of the month, when money is tight; help with money may mean fewer arguments.',
        raisedOn: '2026-03-02',
        revisitOn: daysFrom(now, 21),
      },
      {
        kind: 'hypothesis' as const,
        wording: 'Mia’s late mornings follow difficult nights; they are not about her not wanting to go to school.',
        raisedOn: '2026-06-10',
        revisitOn: daysFrom(now, 14),
      },
      {
        kind: 'question' as const,
        wording: 'What does Leo understand about what happened at home, and who does he talk to?',
        raisedOn: '2026-06-10',
        revisitOn: daysFrom(now, 45),
      },
    ];
    for (const { finding, ...question } of questions) {
      const row = await insertQuestion(tx, tenantId, {
        childPersonId: mia,
        ...question,
        recordedBy: alex,
        recordedByLabel: 'Alex Morgan',
        recordedAt: at(question.raisedOn),
      });
      const content = (extra: Record<string, unknown> = {}) => ({
        kind: row.kind,
        wording: row.wording,
        raisedOn: row.raisedOn,
        revisitOn: row.revisitOn,
        finding: null,
        foundOn: null,
        findingRecordedByLabel: null,
        ...extra,
      });
      const author = { userId: alex, label: alexLabel };
      await appendVersion(tx, tenantId, {
        recordType: SAFE_UNCERTAINTY_QUESTION,
        recordId: row.id,
        version: 1,
        author,
        reason: null,
        content: content(),
        recordedAt: at(question.raisedOn),
      });
      if (finding) {
        const found = await updateFinding(
          tx,
          tenantId,
          row.id,
          {
            finding: finding.text,
            foundOn: finding.on,
            findingRecordedBy: alex,
            findingRecordedByLabel: 'Alex Morgan',
            findingRecordedAt: at(finding.on),
          },
          1,
        );
        await appendVersion(tx, tenantId, {
          recordType: SAFE_UNCERTAINTY_QUESTION,
          recordId: row.id,
          version: found!.version,
          author,
          reason: null,
          content: content({ finding: finding.text, foundOn: finding.on, findingRecordedByLabel: 'Alex Morgan' }),
          recordedAt: at(finding.on),
        });
      }
    }

    // ---- The assessment of need: version 1 signed off, version 2 in draft -----------------------
    const alexAuthor = { userId: alex, label: alexLabel };
    const series = await insertSeries(tx, tenantId, {
      childPersonId: mia,
      startedBy: alex,
      startedByLabel: 'Alex Morgan',
      startedAt: at('2026-02-02'),
    });
    let first = await insertVersion(tx, tenantId, {
      assessmentId: series.id,
      versionNumber: 1,
      content: emptyContent(),
      authorUserId: alex,
      authorLabel: 'Alex Morgan',
      createdAt: at('2026-02-02'),
    });
    await keep(tx, tenantId, first, 'started', alexAuthor);
    const step = async (
      change: Parameters<typeof updateVersion>[3],
      status: VersionRow['status'],
      event: string,
      author: { userId: string; label: string },
      reason: string | null = null,
    ) => {
      const next = await updateVersion(tx, tenantId, first.id, change, { revision: first.revision, status });
      if (!next) throw new Error('demo assessment step failed');
      first = next;
      await keep(tx, tenantId, first, event, author, reason);
    };
    await step({ ...v1, updatedByLabel: 'Alex Morgan', updatedAt: at('2026-02-18') }, 'draft', 'saved', alexAuthor);
    await step(
      {
        status: 'submitted',
        submittedAt: at('2026-02-20'),
        submittedBy: alex,
        submittedByLabel: 'Alex Morgan',
        updatedByLabel: 'Alex Morgan',
        updatedAt: at('2026-02-20'),
      },
      'draft',
      'submitted',
      alexAuthor,
    );
    const comment =
      'A balanced assessment that keeps Mia’s own words at the centre. I agree with the plan; please make sure the three-month review includes Mia’s dad, Marcus.';
    await step(
      {
        status: 'signed_off',
        signedOffAt: at('2026-02-24'),
        signedOffBy: priya,
        signedOffByLabel: 'Priya Kaur',
        signOffComment: comment,
        updatedByLabel: 'Priya Kaur',
        updatedAt: at('2026-02-24'),
      },
      'submitted',
      'signed_off',
      { userId: priya, label: priyaLabel },
      comment,
    );

    const secondStarted = at(daysFrom(now, -16));
    const second = await insertVersion(tx, tenantId, {
      assessmentId: series.id,
      versionNumber: 2,
      content: { ...v1 },
      authorUserId: alex,
      authorLabel: 'Alex Morgan',
      createdAt: secondStarted,
    });
    await keep(tx, tenantId, second, 'started', alexAuthor, 'Carried on from version 1');
    const saved = await updateVersion(
      tx,
      tenantId,
      second.id,
      { ...v2Changes, updatedByLabel: 'Alex Morgan', updatedAt: at(daysFrom(now, -3)) },
      { revision: second.revision, status: 'draft' },
    );
    if (!saved) throw new Error('demo assessment version 2 failed');
    await keep(tx, tenantId, saved, 'saved', alexAuthor);
    return true;
  });
}
