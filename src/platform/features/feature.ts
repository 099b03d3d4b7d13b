/**
 * A feature describes itself once, in its own folder's `feature.ts`, and `src/app.ts` lists
 * it on one line. Everything the application needs to know about a feature outside its folder
 * is here: its routes, its entries in the navigation and in the child's record, its chronology
 * source and the audit actions it records with their readable names.
 *
 * The platform defines this shape and never imports a feature; features import this.
 */
import type { FastifyInstance } from 'fastify';
import type { AuditActionNames, AuditCatalogue } from '../audit/catalogue.js';
import type { ChronologySource, ChronologySources } from '../chronology/sources.js';
import type { Database } from '../db/database.js';
import type { Permission } from '../identity/roles.js';
import type { ChildRecordSectionEntry } from '../views/child-record-navigation.js';
import type { SessionPolicy } from '../identity/session-store.js';

/** What every feature's routes are given: the application's shared services, never a global. */
export interface FeatureContext {
  readonly database: Database;
  readonly sessionPolicy: SessionPolicy;
  /** Every feature's chronology source, for the chronology page. */
  readonly chronology: ChronologySources;
  /** Every declared audit action with its readable name, for the audit trail. */
  readonly auditCatalogue: AuditCatalogue;
}

/** An entry in the service navigation at the top of every page, shown to those with the permission. */
export interface NavigationEntry {
  text: string;
  href: string;
  permission: Permission;
  /** Where it stands in the navigation: lower first. */
  order: number;
}

export interface KithFeature {
  /** The folder's name ('plans'). */
  readonly name: string;
  /** Registers the feature's pages and API routes; every route declares its access. */
  readonly routes?: (app: FastifyInstance, context: FeatureContext) => void | Promise<void>;
  readonly navigation?: readonly NavigationEntry[];
  /** The sections this feature adds to a child's record, in its sub navigation. */
  readonly recordSections?: readonly ChildRecordSectionEntry[];
  readonly chronology?: readonly ChronologySource[];
  /** The audit actions this feature records, with what a person reads for each. */
  readonly auditActions?: AuditActionNames;
}

/** Declares a feature (a typed identity function, so a manifest reads as data). */
export function defineFeature(feature: KithFeature): KithFeature {
  return feature;
}
