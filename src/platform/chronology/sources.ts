/**
 * The child's chronology gathers significant events from every part of the record. Each
 * feature that has events offers a source in its manifest; `buildApp` collects them into one
 * `ChronologySources` per application (no module-level registry), and the chronology page
 * reads them all in the record's transaction.
 */
import type { Tx } from '../db/database.js';

export interface ChronologyEvent {
  /** An ISO date ('2026-03-27') or date-time; events are ordered by it. */
  occurredAt: string;
  /** Which kind of event, for filtering: a source's own type ('visit', 'mapping', ...). */
  type: string;
  title: string;
  details: string | null;
  /** Who recorded it, when known. */
  byline: string | null;
  /** Where to read the record it came from, if there is a page. */
  href: string | null;
}

export interface ChronologySource {
  /** The events' type, for the filter ('mapping'). */
  type: string;
  /** Its name in the filter ('Mappings'). */
  name: string;
  /** Reads the child's events inside the record's transaction (access already decided). */
  read: (tx: Tx, tenantId: string, childId: string) => Promise<ChronologyEvent[]>;
}

export class ChronologySources {
  readonly #sources = new Map<string, ChronologySource>();

  constructor(sources: readonly ChronologySource[] = []) {
    for (const source of sources) this.add(source);
  }

  add(source: ChronologySource): void {
    if (this.#sources.has(source.type)) throw new Error(`Two chronology sources have the type "${source.type}"`);
    this.#sources.set(source.type, source);
  }

  all(): ChronologySource[] {
    return [...this.#sources.values()];
  }
}
