/** The only place SQL about people is written. Every function takes the transaction handle. */
import { count, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { insertReturningId, isRow, ofCouncil } from '../../platform/db/rows.js';
import type { ChildDetails } from './details.js';
import { childDetailsColumns, childRecords, people, type Gender, type PersonKind } from './schema.js';

export interface NewPerson {
  kind?: PersonKind;
  fullName: string;
  knownAs?: string | null;
  pronouns?: string | null;
  gender?: Gender;
  dateOfBirth?: string | null;
  dateOfBirthIsApproximate?: boolean;
  diedOn?: string | null;
  languages?: string[];
  whatTheyBring?: string | null;
  contactDetails?: string | null;
}

/** What may change of someone recorded: any of their details (never their council or id). */
export type PersonChange = Partial<Omit<typeof people.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>>;

export async function insertPerson(tx: Tx, tenantId: string, person: NewPerson): Promise<string> {
  return insertReturningId(tx, people, { tenantId, ...person });
}

export async function insertChildRecord(
  tx: Tx,
  tenantId: string,
  record: { personId: string; reference: string; openedOn?: string; isRestricted?: boolean },
): Promise<void> {
  await tx.insert(childRecords).values({ tenantId, ...record });
}

export async function countPeople(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx.select({ total: count() }).from(people).where(eq(people.tenantId, tenantId));
  return row?.total ?? 0;
}

export async function findChildRecordByReference(tx: Tx, tenantId: string, reference: string) {
  const [row] = await tx
    .select({ personId: childRecords.personId, reference: childRecords.reference, fullName: people.fullName })
    .from(childRecords)
    .innerJoin(people, isRow(people, childRecords.tenantId, childRecords.personId))
    .where(ofCouncil(childRecords, tenantId, eq(childRecords.reference, reference)));
  return row;
}

/** A child's details as the details form shows them, and when they were first recorded. */
export async function childDetailsOf(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<{ details: ChildDetails; createdAt: Date } | undefined> {
  const [row] = await tx
    .select({ ...childDetailsColumns, createdAt: people.createdAt })
    .from(people)
    .where(isRow(people, tenantId, childId));
  if (!row) return undefined;
  const { createdAt, ...details } = row;
  return { details, createdAt };
}

/** Changes someone's details (a child's, or anyone's in a network): stored once, shown everywhere. */
export async function updatePerson(tx: Tx, tenantId: string, personId: string, change: PersonChange): Promise<void> {
  await tx
    .update(people)
    .set({ ...change, updatedAt: new Date() })
    .where(isRow(people, tenantId, personId));
}
