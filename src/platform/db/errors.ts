/**
 * Database errors arrive wrapped (Drizzle puts the SQL and its parameters in the message,
 * which would carry personal data). These helpers find the driver's error underneath, so code
 * can branch on SQLSTATE and logs can keep what is safe.
 * SQLSTATE codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export const SqlState = {
  insufficientPrivilege: '42501', // also raised by row-level security
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  serializationFailure: '40001',
} as const;

export interface DriverError {
  code: string;
  message: string;
  constraint?: string;
  table?: string;
}

export function driverErrorOf(error: unknown): DriverError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return current as DriverError;
    }
    current = candidate.cause;
  }
  return undefined;
}

export function hasSqlState(error: unknown, code: string): boolean {
  return driverErrorOf(error)?.code === code;
}

/**
 * What of a database error may be logged: the code, constraint and table, and the message
 * unless it is a data exception (class 22), whose messages quote the offending value.
 */
export function loggableDatabaseError(error: unknown): Record<string, unknown> | undefined {
  const driverError = driverErrorOf(error);
  if (!driverError) return undefined;
  return {
    sqlState: driverError.code,
    constraint: driverError.constraint,
    table: driverError.table,
    message: driverError.code.startsWith('22') ? undefined : driverError.message,
  };
}

/**
 * SQLSTATEs that mean the server is not there for us just now, rather than that the statement
 * was wrong: connection exceptions (class 08), the server shutting down or starting up
 * (57P01–57P03, sent by `pg_terminate_backend` and `pg_ctl stop` too), too many connections.
 */
const UNAVAILABLE_SQL_STATES = /^(08...|57P0[123]|53300)$/;
/** Node's codes for a socket that could not connect, or was cut. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
/**
 * pg's own words when a connection ends or cannot be had; it gives these errors no code.
 * (pg/lib/client.js and pg-pool/index.js.)
 */
const UNAVAILABLE_DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/**
 * Whether an error (or an error it wraps) says the database could not be reached or the
 * connection was lost, so the request should be answered 503 and tried again, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailabilityOf(error) !== undefined;
}

/** The error in the chain that says the database is away, if one does. */
function unavailabilityOf(error: unknown): { code?: string; message: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    const candidate = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : undefined;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (
      candidate.name === 'DatabaseUnavailableError' ||
      (code !== undefined && (UNAVAILABLE_SQL_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) ||
      (code === undefined && UNAVAILABLE_DRIVER_MESSAGES.some((pattern) => pattern.test(message)))
    ) {
      return { ...(code === undefined ? {} : { code }), message };
    }
    current = candidate.cause;
  }
  return undefined;
}

/** A query wrapper's error (Drizzle's `Failed query: … params: …`): its message quotes the parameters. */
function isQueryWrapper(error: unknown): boolean {
  const candidate = error as { query?: unknown; params?: unknown; message?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    (('query' in candidate && 'params' in candidate) ||
      (typeof candidate.message === 'string' && candidate.message.startsWith('Failed query:')))
  );
}

/**
 * What of a lost connection may be logged: pg's and Node's messages for these name a host and
 * port at most, never a statement or its values. Undefined when the error is not one.
 */
export function loggableUnavailability(error: unknown): Record<string, unknown> | undefined {
  const found = unavailabilityOf(error);
  if (!found) return undefined;
  return { code: found.code, reason: found.message.split('\n')[0] };
}

/** Whether the error, or one it wraps, came from running a statement: its words are not to be logged. */
export function wrapsAQuery(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    if (isQueryWrapper(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
