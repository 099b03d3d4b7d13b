/** Visits: recording, correcting and reading them, and the child's network for "who was there". */
import { desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { isRow, isRowOfChild, ofChild } from '../../../platform/db/rows.js';
import { reusableQuery } from '../../../platform/db/reusable-query.js';
import { networkMembers } from '../../network/schema.js';
import { people } from '../../people/schema.js';
import type { VisitContent } from '../visit-form.js';
import { visits, type NextStep, type PersonThere } from '../schema.js';
import type { OfChild } from './shared.js';

/** The people in the child's network now (not groups or places; not those who have died), for "who was there". */
export async function networkPeopleOf(tx: Tx, tenantId: string, childId: string) {
  return tx
    .select({ id: people.id, fullName: people.fullName, knownAs: people.knownAs })
    .from(networkMembers)
    .innerJoin(people, isRow(people, networkMembers.tenantId, networkMembers.personId))
    .where(
      ofChild(
        networkMembers,
        tenantId,
        childId,
        isNull(networkMembers.noLongerInvolvedOn),
        isNull(people.mergedInto),
        eq(people.kind, 'person'),
        isNull(people.diedOn),
      ),
    )
    .orderBy(people.fullName);
}

const visitContentColumns = {
  kind: visits.kind,
  happenedAt: visits.happenedAt,
  place: visits.place,
  whoWasThere: visits.whoWasThere,
  childSeen: visits.childSeen,
  seenAlone: visits.seenAlone,
  notSeenReason: visits.notSeenReason,
  seenHeardFelt: visits.seenHeardFelt,
  childsWords: visits.childsWords,
  workingWell: visits.workingWell,
  worries: visits.worries,
  reflection: visits.reflection,
  nextSteps: visits.nextSteps,
};

/** A stored visit in the same shape and key order as a typed one (jsonb reorders object keys). */
const asContent = <Row extends { happenedAt: Date; whoWasThere: PersonThere[]; nextSteps: NextStep[] }>(row: Row) => ({
  ...row,
  happenedAt: row.happenedAt.toISOString(),
  whoWasThere: row.whoWasThere.map((person) => ({ personId: person.personId, name: person.name })),
  nextSteps: row.nextSteps.map((step) => ({ who: step.who, what: step.what, byWhen: step.byWhen })),
});

export async function insertVisit(
  tx: Tx,
  tenantId: string,
  childId: string,
  visit: VisitContent,
  author: { userId: string | null; label: string },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await tx
    .insert(visits)
    .values({
      tenantId,
      childPersonId: childId,
      ...visit,
      happenedAt: new Date(visit.happenedAt),
      recordedBy: author.userId,
      recordedByLabel: author.label,
    })
    .returning({ id: visits.id, createdAt: visits.createdAt });
  if (!row) throw new Error('insert into visits returned no row');
  return row;
}

export async function updateVisit(tx: Tx, tenantId: string, visitId: string, visit: VisitContent, version: number) {
  await tx
    .update(visits)
    .set({ ...visit, happenedAt: new Date(visit.happenedAt), version, updatedAt: new Date() })
    .where(isRow(visits, tenantId, visitId));
}

export async function findVisit(tx: Tx, tenantId: string, childId: string, visitId: string) {
  const [row] = await tx
    .select({
      id: visits.id,
      version: visits.version,
      recordedByLabel: visits.recordedByLabel,
      createdAt: visits.createdAt,
      ...visitContentColumns,
    })
    .from(visits)
    .where(isRowOfChild(visits, tenantId, childId, visitId));
  if (!row) return undefined;
  const { id, version, recordedByLabel, createdAt, ...content } = row;
  return { id, version, recordedByLabel, createdAt, content: asContent(content) as VisitContent };
}

export async function visitsOf(tx: Tx, tenantId: string, childId: string) {
  const rows = await tx
    .select({
      id: visits.id,
      version: visits.version,
      recordedByLabel: visits.recordedByLabel,
      ...visitContentColumns,
    })
    .from(visits)
    .where(ofChild(visits, tenantId, childId))
    .orderBy(desc(visits.happenedAt));
  return rows.map(({ id, version, recordedByLabel, ...content }) => ({
    id,
    version,
    recordedByLabel,
    content: asContent(content),
  }));
}

/** What the chronology shows of each visit: its kind, time, place and who recorded it, not its words. */
const visitHeadlinesQuery = reusableQuery<OfChild>()((tx, p) =>
  tx
    .select({
      id: visits.id,
      kind: visits.kind,
      happenedAt: visits.happenedAt,
      place: visits.place,
      childSeen: visits.childSeen,
      seenAlone: visits.seenAlone,
      recordedByLabel: visits.recordedByLabel,
    })
    .from(visits)
    .where(ofChild(visits, p.tenantId, p.childId))
    .orderBy(desc(visits.happenedAt)),
);

export async function visitHeadlinesOf(tx: Tx, tenantId: string, childId: string) {
  return visitHeadlinesQuery(tx, { tenantId, childId });
}
