/**
 * Adding a line from a visit to a mapping: the line, the mapping, the section and whose view
 * it is. Not a plain question page: the visit's lines are read (and their reading audited)
 * before what was posted is checked, since a line is chosen from them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { cleanText, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { presentDate } from '../../child-record/index.js';
import { voicePaths, type VisitLine } from '../../voice/index.js';
import { linesOfVisit } from '../../voice/index.js';
import { mappingMessages, sectionHints, sectionNames, viewKindNames, viewOfSchema } from '../domain.js';
import { personOptions, radioItems, readFields, recordHeader } from '../form-presenters.js';
import { mappingPaths } from '../paths.js';
import { shortName } from '../presenters.js';
import type { MappingSection } from '../schema.js';
import { addEntry, carryForm, type FieldIssue } from '../service.js';
import { errorsFrom } from './forms.js';

type VisitParams = { childId: string; visitId: string };
type Values = Record<string, string>;

/** Sections a single line can go straight into; the others ask for parts (move it there afterwards). */
const carrySections = ['past_harm', 'complicating_factor', 'existing_strength', 'existing_safety'] as const;
const carryDefaults: Partial<Record<string, MappingSection>> = {
  workingWell: 'existing_strength',
  childsWords: 'existing_strength',
  worries: 'complicating_factor',
};

/** The line, the mapping and the section, with the visit's own lines to choose from. */
const carrySchema = (lines: readonly VisitLine[]) =>
  z.object({
    line: z.string().refine((line) => lines.some((candidate) => String(candidate.source.lineNumber) === line), {
      message: 'Select the line to add to the mapping',
    }),
    mappingId: z.string().min(1, 'Select a mapping'),
    section: z.enum(carrySections, mappingMessages.section),
  });

/** What is missing, all at once: whose view included, which the entry's own rules would otherwise say later. */
function carryIssues(values: Values, lines: readonly VisitLine[]): FieldIssue[] {
  const carried = carrySchema(lines).safeParse(values);
  if (carried.success) return [];
  const viewOf = viewOfSchema.safeParse({
    viewOfKind: values.viewOfKind || undefined,
    viewOfName: values.viewOfName || (values.viewOfPersonId ? 'someone chosen' : ''),
  });
  return [...carried.error.issues, ...(viewOf.success ? [] : viewOf.error.issues)].map((issue) => ({
    field: String(issue.path[0]),
    message: issue.message,
  }));
}

export function registerFromVisitPage(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  const change = { permission: 'child_record.change' } as const;

  const show = async (
    request: FastifyRequest<{ Params: VisitParams }>,
    reply: FastifyReply,
    status: number,
    values: Values,
    errors: FormErrors,
  ) => {
    const { childId, visitId } = request.params;
    const form = await call(request, carryForm, childId);
    const lines = form ? await call(request, linesOfVisit, childId, visitId) : null;
    if (!form || !lines) {
      reply.callNotFound();
      return reply;
    }
    const name = shortName(form.child);
    const chosenLine = lines.find((line) => String(line.source.lineNumber) === values.line);
    return reply.status(status).render('mapping/views/from-visit.njk', {
      pageTitle: `Add a line from a visit to the mapping – ${name}`,
      ...recordHeader(form.child, 'Add a line from a visit to the mapping'),
      childName: name,
      backHref: voicePaths.visit.href({ childId, visitId }),
      action: mappingPaths.fromVisit.href({ childId, visitId }),
      hasMappings: form.mappings.length > 0,
      newMappingHref: mappingPaths.newMapping.href({ childId }),
      lineItems: lines.map((line) => ({
        value: String(line.source.lineNumber),
        text: line.text,
        checked: values.line === String(line.source.lineNumber),
      })),
      mappingItems: form.mappings.map((mapping, index) => ({
        value: mapping.id,
        text: `${mapping.title} (${presentDate(mapping.heldOn)})`,
        selected: values.mappingId ? values.mappingId === mapping.id : index === 0,
      })),
      sectionItems: carrySections.map((section) => ({
        value: section,
        text: sectionNames[section],
        hint: { text: sectionHints[section] },
        checked: (values.section || (chosenLine ? carryDefaults[chosenLine.field] : undefined)) === section,
      })),
      viewKindItems: radioItems(viewKindNames, values.viewOfKind),
      viewPersonItems: personOptions(form.child, form.people, values.viewOfPersonId),
      values,
      ...errors,
    });
  };

  app.get<{ Params: VisitParams; Querystring: { line?: string } }>(
    mappingPaths.fromVisit.pattern,
    { config: { access: change, audit: 'child_record.view' } },
    async (request, reply) => show(request, reply, 200, { line: cleanText(request.query.line) }, noErrors),
  );

  app.post<{ Params: VisitParams; Body: Record<string, unknown> }>(
    mappingPaths.fromVisit.pattern,
    { config: { access: change, audit: 'mapping.entry_added' } },
    async (request, reply) => {
      const { childId, visitId } = request.params;
      const values = readFields(request.body ?? {}, [
        'line',
        'mappingId',
        'section',
        'viewOfKind',
        'viewOfPersonId',
        'viewOfName',
      ]);
      const lines = await call(request, linesOfVisit, childId, visitId);
      if (!lines) {
        reply.callNotFound();
        return reply;
      }
      const issues = carryIssues(values, lines);
      const line = lines.find((candidate) => String(candidate.source.lineNumber) === values.line);
      if (issues.length === 0 && line) {
        const mappingId = values.mappingId!;
        const added = await addEntry(
          database,
          request.actor!,
          childId,
          mappingId,
          values.section,
          {
            statement: line.text,
            viewOfKind: values.viewOfKind,
            viewOfPersonId: values.viewOfPersonId,
            viewOfName: values.viewOfName,
          },
          requestSource(request),
          {
            type: 'visit',
            id: visitId,
            label: `the visit on ${presentDate(line.source.happenedAt.slice(0, 10))}, line ${line.source.lineNumber}`,
          },
        );
        if (added.outcome === 'added') {
          const mapping = mappingPaths.mapping.href({ childId, mappingId }, { notice: 'added' });
          return reply.redirect(`${mapping}#entry-${added.entry.id}`, 303);
        }
        if (added.outcome === 'not_found') {
          reply.callNotFound();
          return reply;
        }
        issues.push(...added.issues);
      }
      return show(request, reply, 400, values, errorsFrom(issues));
    },
  );
}
