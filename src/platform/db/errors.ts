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
