/**
 * Counts the audit entries the request being served has written, so that a route declared to
 * audit can tell whether its handler did (declared-audit.ts). Outside a request it counts nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const entriesThisRequest = new AsyncLocalStorage<{ written: number }>();

/** Runs the rest of a request (`next`) with its own count, starting at none. */
export function countAuditEntriesDuring(next: () => void): void {
  entriesThisRequest.run({ written: 0 }, next);
}

/** Called for every entry appended. */
export function noteAuditEntryWritten(): void {
  const store = entriesThisRequest.getStore();
  if (store) store.written += 1;
}

export function auditEntriesWrittenThisRequest(): number {
  return entriesThisRequest.getStore()?.written ?? 0;
}
