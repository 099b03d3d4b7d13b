/**
 * SQL for the audit trail: appending an entry and searching entries (as the application role,
 * in the council's transaction), and the sealer's, the verifier's and the checkpoints' reads
 * and writes of each council's hash chain (as the schema owner, through plain SQL).
 */
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { SqlRunner, Tx } from '../db/database.js';
import { reusableQuery } from '../db/reusable-query.js';
import type { ChainedFields, StoredAuditEntry } from './chain.js';
import { auditEvents, type AuditOutcome } from './schema.js';

// ---------------------------------------------------------------------------------------------------
// Entries, as the application role

/** One entry as it is appended: the fields its hash covers, but the sequence the database gives it. */
export type NewAuditEntry = Omit<ChainedFields, 'sequence'>;

/**
 * Appends one entry, unsealed. Answered at COMMIT on a PostgreSQL server (`answeredAtCommit`:
 * sent with the transaction's next statement and not waited for).
 */
export const appendAuditEntry = reusableQuery<NewAuditEntry>({ answeredAtCommit: true })((tx, p) =>
  tx.insert(auditEvents).values({
    tenantId: p.tenantId,
    occurredAt: p.occurredAt,
    actorUserId: p.actorUserId,
    actorLabel: p.actorLabel,
    action: p.action,
    outcome: p.outcome,
    subjectType: p.subjectType,
    subjectId: p.subjectId,
    childPersonId: p.childPersonId,
    reason: p.reason,
    sourceIp: p.sourceIp,
    userAgent: p.userAgent,
    requestId: p.requestId,
    details: p.details,
  }),
);

/** What an audit search may filter by; every filter given must hold. */
export interface AuditSearch {
  actorUserId?: string;
  action?: string;
  outcome?: AuditOutcome;
  childPersonId?: string;
  from?: Date;
  to?: Date;
}

/**
 * The audit search's query, newest first by `sequence`: each filter it may take has an index
 * in that order (migration 0023), so a page costs its own rows, not the council's whole log.
 */
export function auditSearchQuery(
  tx: Tx,
  tenantId: string,
  filters: AuditSearch,
  page: { beforeSequence?: number },
  rowsWanted: number,
) {
  const conditions: SQL[] = [eq(auditEvents.tenantId, tenantId)];
  if (filters.actorUserId) conditions.push(eq(auditEvents.actorUserId, filters.actorUserId));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.outcome) conditions.push(eq(auditEvents.outcome, filters.outcome));
  if (filters.childPersonId) conditions.push(eq(auditEvents.childPersonId, filters.childPersonId));
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, filters.from));
  if (filters.to) conditions.push(lte(auditEvents.occurredAt, filters.to));
  if (page.beforeSequence) conditions.push(lt(auditEvents.sequence, page.beforeSequence));
  return tx
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.sequence))
    .limit(rowsWanted);
}

/** How many entries a council has, sealed or not. */
export async function countEntries(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, tenantId));
  return row?.total ?? 0;
}

// ---------------------------------------------------------------------------------------------------
// The councils and their chains, as the schema owner

/** Every council's id, in the order of their ids. */
export async function councilIds(owner: SqlRunner): Promise<string[]> {
  return (await owner.query<{ id: string }>('select id from tenants order by id')).map((row) => row.id);
}

/** Every council, in the order of their names. */
export async function councilsByName(owner: SqlRunner): Promise<{ id: string; name: string }[]> {
  return owner.query<{ id: string; name: string }>('select id, name from tenants order by name');
}

/**
 * Sets the council the rest of the owner's transaction works in. Tables force row-level
 * security, so even the owner reads and writes a council inside its setting.
 */
export async function enterCouncil(owner: SqlRunner, tenantId: string): Promise<void> {
  await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
}

/**
 * The head of a council's chain: its last sealed entry's position (0 before the first) and hash.
 * The position is a bigint, which pg gives as a string and PGlite as a number.
 */
export interface ChainHead {
  last_position: string | number;
  last_hash: string;
}

/** The head of a council's chain as it stands, without locking it. */
export async function chainHead(owner: SqlRunner, tenantId: string): Promise<ChainHead | undefined> {
  const [head] = await owner.query<{ last_position: string | number; last_hash: string }>(
    'select last_position, last_hash from audit_chain_heads where tenant_id = $1',
    [tenantId],
  );
  return head;
}

/** Gives a council a chain head at position 0 with the genesis hash, unless it has one. */
export async function ensureChainHead(owner: SqlRunner, tenantId: string, genesisHash: string): Promise<void> {
  await owner.query(
    `insert into audit_chain_heads (tenant_id, last_position, last_hash) values ($1, 0, $2) on conflict do nothing`,
    [tenantId, genesisHash],
  );
}

/**
 * Locks a council's chain head until the transaction ends and returns it; undefined when another
 * transaction holds it (SKIP LOCKED: a second sealer leaves the council to the first).
 */
export async function lockChainHead(owner: SqlRunner, tenantId: string): Promise<ChainHead | undefined> {
  const [head] = await owner.query<{ last_position: string | number; last_hash: string }>(
    'select last_position, last_hash from audit_chain_heads where tenant_id = $1 for update skip locked',
    [tenantId],
  );
  return head;
}

/** Moves a council's chain head on to its newest sealed entry. */
export async function moveChainHead(owner: SqlRunner, tenantId: string, position: number, hash: string): Promise<void> {
  await owner.query('update audit_chain_heads set last_position = $2, last_hash = $3 where tenant_id = $1', [
    tenantId,
    position,
    hash,
  ]);
}

/** An entry as the owner reads it, every column. */
export type StoredAuditRow = StoredAuditEntry & Record<string, unknown>;

/**
 * A council's oldest entries not yet sealed, in the order of their sequence. `limit` is written
 * into the statement's text (a whole number), so pass the same one every time.
 */
export async function unsealedEntries(owner: SqlRunner, tenantId: string, limit: number): Promise<StoredAuditRow[]> {
  return owner.query<StoredAuditRow>(
    `select * from audit_events where tenant_id = $1 and hash is null order by sequence limit ${limit}`,
    [tenantId],
  );
}

/** Whether a council has any entry waiting to be sealed. */
export async function hasUnsealedEntries(owner: SqlRunner, tenantId: string): Promise<boolean> {
  const [found] = await owner.query<{ waiting: boolean }>(
    'select exists (select 1 from audit_events where tenant_id = $1 and hash is null) as waiting',
    [tenantId],
  );
  return found?.waiting ?? false;
}

/** How many of a council's entries are waiting to be sealed. */
export async function countUnsealedEntries(owner: SqlRunner, tenantId: string): Promise<number> {
  const [unsealed] = await owner.query<{ waiting: number }>(
    'select count(*)::int as waiting from audit_events where tenant_id = $1 and hash is null',
    [tenantId],
  );
  return unsealed?.waiting ?? 0;
}

/** Where the sealer puts entries in the chain: the same index in each list is one entry. */
export interface EntrySeals {
  sequences: string[];
  positions: number[];
  previousHashes: string[];
  hashes: string[];
}

/** Writes each entry's chain position, previous hash and hash, in one statement. */
export async function sealEntries(owner: SqlRunner, tenantId: string, seals: EntrySeals): Promise<void> {
  await owner.query(
    `update audit_events e
        set chain_position = s.position, previous_hash = s.previous_hash, hash = s.hash
       from unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) as s(sequence, position, previous_hash, hash)
      where e.tenant_id = $1 and e.sequence = s.sequence`,
    [tenantId, seals.sequences, seals.positions, seals.previousHashes, seals.hashes],
  );
}

/**
 * A council's sealed entries from chain position `fromPosition` on, in chain order. `limit` is
 * written into the statement's text (a whole number), so pass the same one every time.
 */
export async function sealedEntriesFrom(
  owner: SqlRunner,
  tenantId: string,
  fromPosition: number,
  limit: number,
): Promise<StoredAuditRow[]> {
  return owner.query<StoredAuditRow>(
    `select * from audit_events where tenant_id = $1 and chain_position >= $2 order by chain_position limit ${limit}`,
    [tenantId, fromPosition],
  );
}
