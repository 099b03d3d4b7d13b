/**
 * The assessment API's shapes: parameters and responses (zod, so they are checked and
 * described in the OpenAPI document), and the versions as the API presents them.
 */
import { z } from 'zod';
import { whatChanged } from './changes.js';
import { statusNames } from './lifecycle.js';
import { assessmentStatuses } from './schema.js';
import { assessmentBalance, contentFields, contentOf, type ContentField } from './sections.js';
import type { AssessmentList, AssessmentVersion, VersionView } from './service.js';

export const childParams = z.object({ childId: z.string().max(64) });
export const seriesParams = childParams.extend({ assessmentId: z.uuid() });
export const versionParams = seriesParams.extend({ version: z.coerce.number().int().min(1).max(999999) });

const contentSchema = z
  .object(Object.fromEntries(contentFields.map((field) => [field, z.string()])) as Record<ContentField, z.ZodString>)
  .meta({ id: 'AssessmentContent' });
export const versionSummarySchema = z
  .object({
    assessmentId: z.uuid(),
    version: z.number().int(),
    status: z.enum(assessmentStatuses),
    statusName: z.string(),
    revision: z.number().int().describe('Send as expectedRevision when saving or submitting'),
    author: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    submittedBy: z.string().nullable(),
    signedOffAt: z.iso.datetime().nullable(),
    signedOffBy: z.string().nullable(),
  })
  .meta({ id: 'AssessmentVersionSummary' });
export const versionSchema = versionSummarySchema
  .extend({
    content: contentSchema,
    signOffComment: z.string().nullable().describe('Shown to those who may change the record'),
    returnedAt: z.iso.datetime().nullable(),
    returnedBy: z.string().nullable(),
    returnComment: z.string().nullable().describe('Shown to those who may change the record'),
    balance: z.array(z.string()).describe('Gentle notes on balance; they never block'),
    maySignOff: z.boolean().describe('Whether the caller may sign off or return this version now'),
  })
  .meta({ id: 'AssessmentVersion' });
export const listSchema = z
  .object({
    childId: z.uuid(),
    assessments: z.array(
      z.object({
        assessmentId: z.uuid(),
        startedAt: z.iso.datetime(),
        startedBy: z.string(),
        mayStartNewVersion: z.boolean(),
        versions: z
          .array(versionSummarySchema)
          .describe('Oldest first; read-only callers see signed-off versions only'),
      }),
    ),
  })
  .meta({ id: 'AssessmentList' });
export const changesSchema = z
  .object({
    from: z.number().int().nullable(),
    to: z.number().int(),
    changes: z.array(
      z.object({
        field: z.enum(contentFields as [ContentField, ...ContentField[]]),
        kind: z.enum(['added', 'removed', 'changed']),
        before: z.string(),
        after: z.string(),
      }),
    ),
  })
  .meta({ id: 'AssessmentChanges' });

const iso = (when: Date | null) => (when ? when.toISOString() : null);
export const summaryOf = (version: AssessmentVersion): z.infer<typeof versionSummarySchema> => ({
  assessmentId: version.assessmentId,
  version: version.versionNumber,
  status: version.status,
  statusName: statusNames[version.status],
  revision: version.revision,
  author: version.authorLabel,
  createdAt: version.createdAt.toISOString(),
  updatedAt: version.updatedAt.toISOString(),
  submittedAt: iso(version.submittedAt),
  submittedBy: version.submittedByLabel,
  signedOffAt: iso(version.signedOffAt),
  signedOffBy: version.signedOffByLabel,
});
export function presentVersion(
  version: AssessmentVersion,
  options: { mayChange: boolean; maySignOff: boolean; childName?: string },
): z.infer<typeof versionSchema> {
  return {
    ...summaryOf(version),
    content: contentOf(version),
    signOffComment: options.mayChange ? version.signOffComment : null,
    returnedAt: options.mayChange ? iso(version.returnedAt) : null,
    returnedBy: options.mayChange ? version.returnedByLabel : null,
    returnComment: options.mayChange ? version.returnComment : null,
    balance: options.mayChange ? assessmentBalance(contentOf(version), options.childName) : [],
    maySignOff: options.maySignOff,
  };
}

export function presentList(list: AssessmentList): z.infer<typeof listSchema> {
  return {
    childId: list.child.childId,
    assessments: list.series.map((series) => ({
      assessmentId: series.id,
      startedAt: series.startedAt.toISOString(),
      startedBy: series.startedByLabel,
      mayStartNewVersion: series.mayStartNewVersion,
      versions: series.versions.map(summaryOf),
    })),
  };
}

/** What changed in the version since the one before it that the caller may see. */
export function presentChanges(found: VersionView): z.infer<typeof changesSchema> {
  return {
    from: found.previous?.versionNumber ?? null,
    to: found.version.versionNumber,
    changes: found.previous
      ? whatChanged(contentOf(found.previous), contentOf(found.version)).map((entry) => ({
          field: entry.field,
          kind: entry.kind,
          before: entry.before,
          after: entry.after,
        }))
      : [],
  };
}
