/**
 * One database abstraction over a real PostgreSQL server (`pg` pool) and embedded PGlite.
 *
 * Two handles, two roles:
 * - `orm` runs every request as `kith_app`, a role that owns nothing, so row-level security
 *   always applies (see migrations/0001). On a server the pool either connects as that role
 *   (DATABASE_URL names it, DATABASE_OWNER_URL names the owner) or switches to it with
 *   SET ROLE on every new connection. On PGlite (one connection) we SET ROLE after migrating.
 * - `asOwner` runs one transaction as the schema owner: migrations and provisioning councils.
 *   Tables use FORCE ROW LEVEL SECURITY, so even the owner sees a council's rows only inside
 *   that council's transaction unless it is a superuser.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Writable } from 'node:stream';
import pg from 'pg';

export const APP_ROLE = 'kith_app';

export type Orm = PgDatabase<PgQueryResultHKT>;
/** The handle inside a transaction: the only one code may use once a transaction is open. */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

/** Plain SQL access for the platform (migrations, provisioning); always parameterised. */
export interface SqlRunner {
  /** Runs a script of several statements with no parameters (a migration file). */
  exec(script: string): Promise<void>;
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** Runs as the non-owner application role; RLS applies. */
  readonly orm: Orm;
  /** One transaction as the schema owner. */
  asOwner<T>(work: (owner: SqlRunner) => Promise<T>): Promise<T>;
  /** Called once migrations have run: from now on requests use the application role. */
  useApplicationRole(): Promise<void>;
  /** A cheap round trip for readiness checks. */
  ping(): Promise<void>;
  /**
   * Runs `work` holding PostgreSQL's advisory lock `lockKey` (on a connection of its own, for as
   * long as `work` runs), so that Kith processes starting together on one database do it one
   * after the other (the demo seed). PGlite belongs to one process, so there it simply runs.
   */
  exclusively<T>(lockKey: number, work: () => Promise<T>): Promise<T>;
  /**
   * PGlite only: the whole data folder as an uncompressed tar, which `pgliteStartFrom` opens
   * again (tests start each in-memory database from one migrated copy instead of re-running initdb
   * and every migration). Undefined on a PostgreSQL server.
   */
  readonly pgliteSnapshot?: () => Promise<Blob>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  databaseOwnerUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for a throwaway database. */
  pgliteDataDir?: string;
  /** PGlite only: start from this snapshot (see `Database.pgliteSnapshot`) instead of an empty folder. */
  pgliteStartFrom?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.databaseOwnerUrl, options.poolSize ?? 10);
  }
  return openPglite(options.pgliteDataDir ?? 'memory://', options.pgliteStartFrom);
}

async function openPglite(dataDir: string, startFrom: Blob | undefined): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm, btree_gin },
    ...(startFrom ? { loadDataDir: startFrom } : {}),
  });
  const [{ session_user: ownerRole } = { session_user: 'postgres' }] = (
    await client.query<{ session_user: string }>('select session_user')
  ).rows;
  const orm = drizzlePglite(client) as unknown as Orm;
  let closed = false;
  return {
    kind: 'pglite',
    orm,
    async asOwner(work) {
      return client.transaction(async (tx) => {
        // The session user is the owner; SET LOCAL ends with the transaction.
        await tx.query(`set local role ${quoteIdentifier(ownerRole)}`);
        return work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async (text, params) => (await tx.query(text, params ?? [])).rows as never,
        });
      });
    },
    async useApplicationRole() {
      await client.query(`set role ${APP_ROLE}`);
    },
    async ping() {
      await client.query('select 1');
    },
    exclusively: (_lockKey, work) => work(),
    pgliteSnapshot: () => client.dumpDataDir('none'),
    async close() {
      if (closed) return;
      closed = true;
      // Closing flushes PGlite's data folder; skipping it risks losing recent writes.
      await client.close();
    },
  };
}

async function openPostgres(
  databaseUrl: string,
  databaseOwnerUrl: string | undefined,
  poolSize: number,
): Promise<Database> {
  const switchRoleOnConnect = databaseOwnerUrl === undefined;
  let applicationRoleActive = false;
  const requestPool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // Statements are sent without waiting for the one before to finish; only BEGIN uses that
    // (see `streamlineStatements`): every other statement is awaited before the next is sent.
    pipeline: true,
    // Awaited before the pool hands the connection out, so no request ever runs as the owner.
    // (pg-pool awaits the promise; @types/pg still declares the hook as returning void.)
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: async (client: pg.ClientBase) => {
      streamlineStatements(client);
      if (switchRoleOnConnect && applicationRoleActive) await client.query(`set role ${APP_ROLE}`);
    },
  });
  const ownerPool = new pg.Pool({
    connectionString: databaseOwnerUrl ?? databaseUrl,
    max: 2,
    connectionTimeoutMillis: 10_000,
  });
  for (const pool of [requestPool, ownerPool]) {
    // A connection can be lost at any moment: the server restarts or stops, an administrator
    // ends the backend, the network drops. pg reports it as an 'error' event on the client, and
    // an 'error' event nobody listens to ends the whole process. The pool listens only while a
    // client is idle (`pool.on('error')`), so every client also gets a listener of its own for
    // its whole life. Whatever it was running fails with the error instead (a request answers
    // 503, see isDatabaseUnavailable), the pool drops the client when it is released, and the
    // next request opens a new connection.
    pool.on('error', ignoreConnectionError);
    pool.on('connect', (client) => client.on('error', ignoreConnectionError));
  }

  try {
    const probe = await ownerPool.connect();
    probe.release();
  } catch (error) {
    await Promise.allSettled([requestPool.end(), ownerPool.end()]);
    throw new DatabaseUnavailableError(describeConnectionError(databaseOwnerUrl ?? databaseUrl, error), {
      cause: error,
    });
  }

  const orm = drizzlePg(requestPool) as unknown as Orm;
  let closed = false;
  return {
    kind: 'postgres',
    orm,
    async asOwner(work) {
      const client = await ownerPool.connect();
      try {
        await client.query('begin');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async (text, params) => (await client.query(text, params ?? [])).rows as never,
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async useApplicationRole() {
      applicationRoleActive = true;
      // Connections opened before this point (none normally) are dropped so all run as the app role.
      const client = await requestPool.connect();
      try {
        if (switchRoleOnConnect) await client.query(`set role ${APP_ROLE}`);
        const [role] = (
          await client.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
            `select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`,
          )
        ).rows;
        if (!role || role.rolsuper || role.rolbypassrls) {
          throw new DatabaseUnavailableError(
            `DATABASE_URL connects as ${role?.current_user ?? 'an unknown role'}, which bypasses row-level security; connect as ${APP_ROLE} or leave DATABASE_OWNER_URL unset`,
          );
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await requestPool.query('select 1');
    },
    async exclusively(lockKey, work) {
      const holder = new pg.Client({ connectionString: databaseOwnerUrl ?? databaseUrl });
      holder.on('error', ignoreConnectionError);
      await holder.connect();
      try {
        // Released when this session ends, too: a process that dies holding it does not block the next.
        await holder.query('select pg_advisory_lock($1)', [lockKey]);
        return await work();
      } finally {
        await holder.end().catch(ignoreConnectionError);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([requestPool.end(), ownerPool.end()]);
    },
  };
}

/** Statements each connection keeps prepared; past this, further statements are parsed each time. */
export const PREPARED_STATEMENTS_PER_CONNECTION = 500;

/**
 * Three savings on every request's round trips to PostgreSQL:
 * - Every parameterised statement a connection runs becomes a named prepared statement on that
 *   connection, so PostgreSQL parses and plans it once rather than on every request (for the
 *   caseload's main query, planning took longer than running it). The same text always finds
 *   the same statement. The application's statements are fixed texts with parameters, so their
 *   number is small; a cap keeps an unexpected variety from growing a connection's memory.
 * - BEGIN and the statement that sets the council are not waited for (the pool runs in
 *   pipeline mode): neither has a result anyone reads, so the transaction's first read follows
 *   them at once instead of two round trips later.
 * - Statements sent in the same turn of the event loop leave in one write to the socket, not
 *   one each. Each write to a socket is a system call that also carries the packet through the
 *   kernel, which cost Kith about a sixth of its CPU on the caseload before this.
 * - Statements registered with `answerAtCommit` (the audit entry) are not waited for inside a
 *   transaction: they travel with whatever the transaction sends next, often its COMMIT, and
 *   the COMMIT waits for their answers. If one failed, PostgreSQL has already refused every
 *   later statement of the transaction and turned the COMMIT into a rollback; the transaction
 *   then fails with that statement's own error, so nothing commits without its audit entry.
 */
function streamlineStatements(client: pg.ClientBase): void {
  const prepared = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const socket = (client as unknown as { connection: { stream: Writable } }).connection.stream;
  let holdingWrites = false;
  /** Holds this turn's statements in the socket's buffer, and writes them together when it ends. */
  const gatherWrites = () => {
    if (holdingWrites) return;
    holdingWrites = true;
    socket.cork();
    process.nextTick(() => {
      holdingWrites = false;
      socket.uncork();
    });
  };
  const nameFor = (text: string): string | undefined => {
    const name = statementName(text);
    if (prepared.has(name)) return name;
    if (prepared.size >= PREPARED_STATEMENTS_PER_CONNECTION) return undefined;
    prepared.add(name);
    return name;
  };
  /** The open transaction's statements that were not waited for; its COMMIT checks them. */
  let unanswered: Promise<unknown>[] | undefined;
  /** The first of them to fail, if one has: the error the transaction fails with. */
  const firstFailureOf = async (statements: Promise<unknown>[]): Promise<Error | undefined> => {
    for (const outcome of await Promise.allSettled(statements)) {
      // pg rejects with an Error (a DatabaseError from the server, or the connection's error).
      if (outcome.status === 'rejected') return outcome.reason as Error;
    }
    return undefined;
  };
  (client as { query: unknown }).query = (first: unknown, ...rest: unknown[]) => {
    gatherWrites();
    const text = textOf(first);
    if (text === 'begin') unanswered = [];
    const unawaited = text === undefined ? undefined : UNAWAITED_STATEMENTS.get(text);
    const answeredAtCommit =
      unawaited ?? (unanswered && text !== undefined && statementsAnsweredAtCommit.has(text) ? 'INSERT' : undefined);
    if (answeredAtCommit) {
      // Sent now, and the transaction's next statement follows at once. If this one fails,
      // PostgreSQL refuses every later statement of the transaction, and its COMMIT (below)
      // reports this statement's error: nothing runs without its council set, and nothing
      // commits without its audit entry.
      const sent = runStatement(first, rest) as Promise<unknown>;
      sent.catch(() => undefined);
      unanswered?.push(sent);
      return Promise.resolve({ command: answeredAtCommit, rowCount: null, rows: [], fields: [] });
    }
    const running = runStatement(first, rest) as Promise<{ command?: string }>;
    const pending = unanswered;
    if (text === 'commit' || text === 'rollback') unanswered = undefined;
    if (!pending || pending.length === 0) return running;
    // A statement refused because one sent earlier failed reports that earlier failure.
    const failed = async (error: Error) => {
      throw (await firstFailureOf(pending)) ?? error;
    };
    if (text !== 'commit') return running.then(undefined, failed);
    return running.then(async (result) => {
      const failure = await firstFailureOf(pending);
      if (failure !== undefined) throw failure;
      if (result.command !== 'COMMIT') {
        throw new Error(`The transaction was not committed: PostgreSQL answered ${result.command ?? 'nothing'}`);
      }
      return result;
    }, failed);
  };
  const runStatement = (first: unknown, rest: unknown[]): unknown => {
    if (typeof first === 'object' && first !== null && 'text' in first && !('name' in first && first.name)) {
      const config = first as { text: string; values?: unknown[] };
      const values = config.values ?? (Array.isArray(rest[0]) ? rest[0] : undefined);
      const name = values && values.length > 0 ? nameFor(config.text) : undefined;
      if (name) return query({ ...config, name }, ...rest);
    } else if (typeof first === 'string' && Array.isArray(rest[0]) && rest[0].length > 0) {
      const name = nameFor(first);
      if (name) return query({ text: first, name, values: rest[0] }, ...rest.slice(1));
    }
    return query(first, ...rest);
  };
}

const statementNames = new Map<string, string>();

/** A statement's name: from its text's hash, remembered (for as many texts as one connection keeps). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `kith_${createHash('sha1').update(text).digest('base64url')}`;
    if (statementNames.size < PREPARED_STATEMENTS_PER_CONNECTION * 4) statementNames.set(text, name);
  }
  return name;
}

/**
 * Statements whose answer nobody reads: BEGIN, and setting the council for the transaction
 * (`withTenant` in tenancy.ts). connections.int.test.ts checks that both still travel with the
 * transaction's first read.
 */
const UNAWAITED_STATEMENTS = new Map([
  ['begin', 'BEGIN'],
  ['select set_config($1, $2, true)', 'SELECT'],
]);

/** Texts of the inserts registered with `answerAtCommit`. */
const statementsAnsweredAtCommit = new Set<string>();

/**
 * Registers an insert whose answer nobody reads (it returns nothing) to be answered at its
 * transaction's COMMIT instead of waited for on its own, on a PostgreSQL server (on PGlite
 * every statement is waited for). The audit entry uses it: see `streamlineStatements`.
 */
export function answerAtCommit(insertText: string): void {
  if (!/^insert into /i.test(insertText) || /\breturning\b/i.test(insertText)) {
    throw new Error('Only an insert that returns nothing can be answered at its commit');
  }
  statementsAnsweredAtCommit.add(insertText);
}

function textOf(statement: unknown): string | undefined {
  const text =
    typeof statement === 'string'
      ? statement
      : typeof statement === 'object' && statement !== null && 'text' in statement
        ? statement.text
        : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** The statement that was running has already failed with this error; the client is dropped on release. */
function ignoreConnectionError(): void {
  // Nothing to do: see where it is attached.
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** One plain line about why the server could not be reached, without the password. */
export function describeConnectionError(databaseUrl: string, error: unknown): string {
  let where = 'the database server';
  try {
    const url = new URL(databaseUrl);
    where = `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    // the URL was validated by config; keep the generic wording
  }
  const code = (error as { code?: string } | null)?.code;
  const reason =
    code === 'ECONNREFUSED'
      ? 'nothing is listening there'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the host name was not found'
        : code === '3D000'
          ? 'that database does not exist'
          : code === '28P01' || code === '28000'
            ? 'the user name or password was not accepted'
            : code === 'ETIMEDOUT'
              ? 'the connection timed out'
              : error instanceof Error
                ? error.message
                : String(error);
  return `Cannot connect to ${where}: ${reason}.`;
}
