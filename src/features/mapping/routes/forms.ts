/** What the mapping's forms share: where each error links to, and the service's issues as the error summary. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { formErrorsFromIssues, type FormErrors } from '../../../platform/http/forms.js';
import { mappingSections, type MappingSection } from '../schema.js';
import { openMappingForChange, type FieldIssue } from '../service.js';

/** Where each field's error links to (the first input of a date, the first radio of a group). */
export const fieldIds: Record<string, string> = {
  heldOn: 'heldOn-Day',
  scoredOn: 'scoredOn-Day',
  stepDueOn: 'stepDueOn-Day',
  viewOfKind: 'viewOfKind',
  scorerKind: 'scorerKind',
  score: 'score',
  childIds: 'childIds',
  section: 'section',
};

/** The first issue of each field, for the error summary and the field. */
export const errorsFrom = (issues: readonly FieldIssue[]): FormErrors => formErrorsFromIssues(issues, fieldIds);

/**
 * Entries and scores may name someone from the child's world, who then stands for themselves
 * (their name comes from the record). Only the service can resolve them, in its transaction, so
 * it checks these forms with the API's rules (domain.ts) and answers their issues; the page
 * passes what was typed on to it.
 */
export const checkedByTheService = z.record(z.string(), z.unknown());

export const sectionFrom = (value: unknown): MappingSection | null =>
  (mappingSections as readonly string[]).includes(String(value)) ? (value as MappingSection) : null;

/** The mapping a form adds to or changes, from the page's address (refused, and audited, for anyone who may only read). */
export const mappingToChange = (
  database: Database,
  request: FastifyRequest<{ Params: { childId: string; mappingId: string } }>,
) => serviceCaller(database)(request, openMappingForChange, request.params.childId, request.params.mappingId);
