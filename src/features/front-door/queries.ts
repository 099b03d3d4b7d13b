/** The only place SQL about the front door is written. Each takes the transaction. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/tenancy.js';
import { insertReturningRow, isRow, isRowAtVersion, ofCouncil } from '../../platform/db/rows.js';
import { childRecords, people } from '../people/schema.js';
import { contactPeople, contacts, personIdentifiers, type ContactStatus, type Involvement } from './schema.js';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactValues = Omit<typeof contacts.$inferInsert, 'tenantId' | 'id' | 'version' | 'updatedAt'>;

export function insertContact(tx: Tx, tenantId: string, contact: ContactValues): Promise<ContactRow> {
  return insertReturningRow(tx, contacts, { tenantId, ...contact });
}

/** Changes a contact only if nobody else saved since `expectedVersion`; the new row or null. */
export async function updateContact(
  tx: Tx,
  tenantId: string,
  contactId: string,
  change: Partial<ContactValues>,
  expectedVersion: number,
): Promise<ContactRow | null> {
  const [row] = await tx
    .update(contacts)
    .set({ ...change, updatedAt: new Date(), version: sql`${contacts.version} + 1` })
    .where(isRowAtVersion(contacts, tenantId, contactId, expectedVersion))
    .returning();
  return row ?? null;
}

/** One contact, held for the rest of the transaction when `forUpdate`. */
export async function contactById(tx: Tx, tenantId: string, contactId: string, forUpdate = false) {
  const query = tx
    .select()
    .from(contacts)
    .where(isRow(contacts, tenantId, contactId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Contacts in one state, oldest first (the queue), or newest first. */
export function contactsIn(tx: Tx, tenantId: string, status: ContactStatus, limit = 200) {
  return tx
    .select()
    .from(contacts)
    .where(ofCouncil(contacts, tenantId, eq(contacts.status, status)))
    .orderBy(status === 'decided' ? desc(contacts.decidedAt) : asc(contacts.receivedOn), asc(contacts.recordedAt))
    .limit(limit);
}

export interface InvolvedPerson {
  contactId: string;
  personId: string;
  involvement: Involvement;
  referralId: string | null;
  fullName: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  postcode: string | null;
  hasChildRecord: boolean;
  childRecordClosedOn: string | null;
}

/** The children and adults involved in some contacts, children first. */
export async function peopleInvolved(tx: Tx, tenantId: string, contactIds: string[]): Promise<InvolvedPerson[]> {
  if (contactIds.length === 0) return [];
  return tx
    .select({
      contactId: contactPeople.contactId,
      personId: contactPeople.personId,
      involvement: contactPeople.involvement,
      referralId: contactPeople.referralId,
      fullName: people.fullName,
      dateOfBirth: people.dateOfBirth,
      nhsNumber: personIdentifiers.nhsNumber,
      postcode: personIdentifiers.postcode,
      hasChildRecord: sql<boolean>`${childRecords.personId} is not null`,
      childRecordClosedOn: childRecords.closedOn,
    })
    .from(contactPeople)
    .innerJoin(people, isRow(people, contactPeople.tenantId, contactPeople.personId))
    .leftJoin(
      personIdentifiers,
      and(
        eq(personIdentifiers.tenantId, contactPeople.tenantId),
        eq(personIdentifiers.personId, contactPeople.personId),
      ),
    )
    .leftJoin(
      childRecords,
      and(eq(childRecords.tenantId, contactPeople.tenantId), eq(childRecords.personId, contactPeople.personId)),
    )
    .where(ofCouncil(contactPeople, tenantId, inArray(contactPeople.contactId, contactIds)))
    .orderBy(asc(contactPeople.involvement), asc(people.fullName));
}

export async function addPersonToContact(
  tx: Tx,
  tenantId: string,
  row: { contactId: string; personId: string; involvement: Involvement },
): Promise<boolean> {
  const added = await tx
    .insert(contactPeople)
    .values({ tenantId, ...row })
    .onConflictDoNothing()
    .returning();
  return added.length > 0;
}

export async function setReferralOf(
  tx: Tx,
  tenantId: string,
  contactId: string,
  personId: string,
  referralId: string,
): Promise<void> {
  await tx
    .update(contactPeople)
    .set({ referralId })
    .where(
      ofCouncil(contactPeople, tenantId, eq(contactPeople.contactId, contactId), eq(contactPeople.personId, personId)),
    );
}

export async function saveIdentifiers(
  tx: Tx,
  tenantId: string,
  personId: string,
  identifiers: {
    nhsNumber: string | null;
    uniquePupilNumber: string | null;
    address: string | null;
    postcode: string | null;
  },
): Promise<void> {
  await tx
    .insert(personIdentifiers)
    .values({ tenantId, personId, ...identifiers })
    .onConflictDoUpdate({
      target: [personIdentifiers.tenantId, personIdentifiers.personId],
      set: { ...identifiers, updatedAt: new Date() },
    });
}

/** Whoever already holds this NHS number or unique pupil number in the council. */
export async function personWithIdentifier(
  tx: Tx,
  tenantId: string,
  identifier: { nhsNumber: string | null; uniquePupilNumber: string | null },
): Promise<string | null> {
  const conditions = [
    identifier.nhsNumber ? eq(personIdentifiers.nhsNumber, identifier.nhsNumber) : undefined,
    identifier.uniquePupilNumber ? eq(personIdentifiers.uniquePupilNumber, identifier.uniquePupilNumber) : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return null;
  const [row] = await tx
    .select({ personId: personIdentifiers.personId })
    .from(personIdentifiers)
    .where(ofCouncil(personIdentifiers, tenantId, sql.join(conditions, sql` or `)))
    .limit(1);
  return row?.personId ?? null;
}

export interface PossibleMatch {
  id: string;
  fullName: string;
  dateOfBirth: string | null;
  postcode: string | null;
  nhsNumber: string | null;
  hasChildRecord: boolean;
  /** What matched: the NHS number, or how many of name, date of birth and postcode. */
  matchedOn: string[];
}

/**
 * People in the council who may be the one being looked for: the NHS number exactly, or a name
 * that looks like this one (trigram similarity, as the network's duplicate check) together with
 * the same date of birth or postcode. Best first.
 */
export async function possibleMatches(
  tx: Tx,
  tenantId: string,
  find: { nhsNumber: string | null; fullName: string | null; dateOfBirth: string | null; postcode: string | null },
  limit = 10,
): Promise<PossibleMatch[]> {
  const postcode = find.postcode ? find.postcode.replace(/\s+/g, '').toUpperCase() : null;
  const rows = rowsOf<{
    id: string;
    full_name: string;
    date_of_birth: string | null;
    postcode: string | null;
    nhs_number: string | null;
    has_child_record: boolean;
    same_nhs: boolean;
    same_birth: boolean;
    same_postcode: boolean;
    name_score: number;
  }>(
    await tx.execute(sql`
      with candidates as (
        select p.id, p.full_name, p.date_of_birth::text as date_of_birth, i.postcode, i.nhs_number,
               exists (select 1 from child_records r where r.tenant_id = p.tenant_id and r.person_id = p.id) as has_child_record,
               (${find.nhsNumber}::text is not null and i.nhs_number = ${find.nhsNumber}) as same_nhs,
               (${find.dateOfBirth}::date is not null and p.date_of_birth = ${find.dateOfBirth}::date) as same_birth,
               (${postcode}::text is not null and replace(upper(i.postcode), ' ', '') = ${postcode}) as same_postcode,
               case when ${find.fullName}::text is null then 0 else similarity(p.full_name, ${find.fullName}) end as name_score
        from people p
        left join person_identifiers i on i.tenant_id = p.tenant_id and i.person_id = p.id
        where p.tenant_id = ${tenantId} and p.merged_into is null and p.kind = 'person'
      )
      select * from candidates
      where same_nhs or (name_score >= 0.3 and (same_birth or same_postcode))
      order by same_nhs desc, (same_birth::int + same_postcode::int) desc, name_score desc, full_name
      limit ${limit}`),
  );
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    postcode: row.postcode,
    nhsNumber: row.nhs_number,
    hasChildRecord: row.has_child_record,
    matchedOn: row.same_nhs
      ? ['NHS number']
      : ['name', ...(row.same_birth ? ['date of birth'] : []), ...(row.same_postcode ? ['postcode'] : [])],
  }));
}

/** Someone recorded in the council (not merged into another), and whether they have a child's record. */
export async function personKnown(tx: Tx, tenantId: string, personId: string) {
  const [row] = await tx
    .select({ id: people.id, hasChildRecord: sql<boolean>`${childRecords.personId} is not null` })
    .from(people)
    .leftJoin(childRecords, and(eq(childRecords.tenantId, people.tenantId), eq(childRecords.personId, people.id)))
    .where(ofCouncil(people, tenantId, eq(people.id, personId), isNull(people.mergedInto)));
  return row ?? null;
}
