/** The only place SQL about people is written. Every function takes the transaction handle. */
import { and, count, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { childRecords, people, type Gender, type PersonKind } from './schema.js';

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
}

export async function insertPerson(tx: Tx, tenantId: string, person: NewPerson): Promise<string> {
  const [row] = await tx
    .insert(people)
    .values({ tenantId, ...person })
    .returning({ id: people.id });
  if (!row) throw new Error('insert into people returned no row');
  return row.id;
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
    .innerJoin(people, and(eq(people.tenantId, childRecords.tenantId), eq(people.id, childRecords.personId)))
    .where(and(eq(childRecords.tenantId, tenantId), eq(childRecords.reference, reference)));
  return row;
}
