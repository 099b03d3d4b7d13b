/**
 * The visits chapter of the demo story, so the "not seen" rules show honestly. Family Help asks
 * for the children to be seen every 20 working days (the council's policy). Alex Morgan saw Leo
 * at school on Tuesday 20 October 2026, and has not seen him since: his visit is overdue. Alex
 * saw Mia at home, on her own for part of it, on Tuesday 24 November 2026, two months after the
 * review of the family's plan: her next visit is due before Christmas.
 *
 * Once: nothing is added when Mia already has a visit on that day.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { appendVersion } from '../platform/history/record-history.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { insertVisit } from '../features/voice/queries.js';
import { visits } from '../features/voice/schema.js';
import { VISIT } from '../features/voice/service.js';
import type { VisitContent } from '../features/voice/visit-form.js';
import { demoCouncil } from './demo-family.js';
import { personIdByName } from './demo-lookups.js';

const alex = { userId: null, label: 'Alex Morgan (practitioner)' };
const MIAS_VISIT_DAY = '2026-11-24';

export async function seedVisitsChapter(database: Database): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    const mia = await personIdByName(tx, tenantId, 'Mia Thompson');
    const leo = await personIdByName(tx, tenantId, 'Leo Thompson');
    const sarah = await personIdByName(tx, tenantId, 'Sarah Thompson');
    const dan = await personIdByName(tx, tenantId, 'Daniel Hughes');
    if (!mia || !leo || !sarah) return false;
    const [already] = await tx
      .select({ id: visits.id })
      .from(visits)
      .where(
        and(
          eq(visits.tenantId, tenantId),
          eq(visits.childPersonId, mia),
          sql`(${visits.happenedAt} at time zone 'Europe/London')::date = ${MIAS_VISIT_DAY}::date`,
        ),
      )
      .limit(1);
    if (already) return false;

    const leosVisit: VisitContent = {
      kind: 'school_visit',
      happenedAt: '2026-10-20T13:30:00.000Z',
      place: 'Riverside Primary School, the library corner',
      whoWasThere: [{ personId: null, name: 'Helen Carter (school)' }],
      childSeen: true,
      seenAlone: true,
      notSeenReason: null,
      seenHeardFelt: 'Leo brought his football medal to show me and drew his team with Dan as the coach.',
      childsWords: 'Dad comes to every match now. Mia shouts the loudest.',
      workingWell: 'Leo has not missed a day of school since September.',
      worries: null,
      reflection: null,
      nextSteps: [],
    };
    const miasVisit: VisitContent = {
      kind: 'home_visit',
      happenedAt: `${MIAS_VISIT_DAY}T16:00:00.000Z`,
      place: 'At home, Riverside Road',
      whoWasThere: [
        { personId: sarah, name: 'Sarah Thompson' },
        ...(dan ? [{ personId: dan, name: 'Dan Hughes' }] : []),
      ],
      childSeen: true,
      seenAlone: true,
      notSeenReason: null,
      seenHeardFelt:
        'Mia showed me the family plan on the fridge and ticked off what had happened.\nWe talked on our own in her room while she finished a drawing of Biscuit.',
      childsWords: 'Evenings are quieter now. When it gets loud I can ring Nan Pat, like the plan says.',
      workingWell:
        'Sarah and Dan go to the parenting group together on Wednesdays.\nNan Pat still comes every Tuesday and Thursday.',
      worries: 'Mia said there was one loud night in November; she rang Nan Pat and Pat came round.',
      reflection: null,
      nextSteps: [
        { who: 'Alex Morgan', what: 'Talk with Sarah and Dan about the loud night in November', byWhen: '2026-12-11' },
      ],
    };
    for (const [childId, content] of [
      [leo, leosVisit],
      [mia, miasVisit],
    ] as const) {
      const { id, createdAt } = await insertVisit(tx, tenantId, childId, content, alex);
      await appendVersion(tx, tenantId, {
        recordType: VISIT,
        recordId: id,
        version: 1,
        author: alex,
        reason: null,
        content: content as unknown as Record<string, unknown>,
        recordedAt: createdAt,
      });
    }
    return true;
  });
}
