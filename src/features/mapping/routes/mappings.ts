/** The child's mappings and scaling over time, two mappings side by side, and starting a mapping. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { cleanText, dateFromInput } from '../../../platform/http/forms.js';
import { readList, registerQuestionPage } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { registerRecordPage } from '../../../platform/http/record-page.js';
import type { ChildSummary } from '../../child-record/index.js';
import { defaultScale, newMappingSchema } from '../domain.js';
import { dateBoxes, readFields, recordHeader, startFields, startPage } from '../form-presenters.js';
import { mappingPaths } from '../paths.js';
import { comparedQuestions, describeCompared, presentMappingList, presentScaling, shortName } from '../presenters.js';
import {
  compareTwoMappings,
  mappingSection,
  mappingStartForm,
  startMapping,
  type MappingComparison,
} from '../service.js';
import { errorsFrom, fieldIds } from './forms.js';

type ChildParams = { childId: string };
type StartValues = Record<string, string | string[]>;

const siblingsTicked = (values: StartValues) => (Array.isArray(values.childIds) ? values.childIds : []);

/** Everything about a new mapping but which children it is about (this child, and the brothers and sisters ticked). */
const newMappingDetails = newMappingSchema.omit({ childIds: true });

export function registerMappingsPages(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;

  registerRecordPage(app, mappingPaths.section, {
    access: view,
    audit: 'child_record.view',
    load: (request) => call(request, mappingSection, request.params.childId),
    show: (section, request, reply) => {
      const name = shortName(section.child);
      const { childId } = section.child;
      const mappings = presentMappingList(childId, section.mappings);
      return reply.render('mapping/views/section.njk', {
        pageTitle: `Worries and strengths – ${name}`,
        ...recordHeader(section.child, 'Worries and strengths'),
        childName: name,
        mappings,
        newMappingHref: section.mayChange ? mappingPaths.newMapping.href({ childId }) : null,
        compareAction: mappingPaths.compare.href({ childId }),
        compareItems: mappings.map((mapping) => ({
          value: mapping.id,
          text: `${mapping.title} (${mapping.heldOnText})`,
        })),
        earlierDefault: mappings[1]?.id,
        laterDefault: mappings[0]?.id,
        scaling: presentScaling(section.scores, name),
        notice: request.query.notice === 'started' ? 'Mapping started.' : null,
      });
    },
  });

  registerRecordPage<'/children/:childId/mapping/compare', MappingComparison, { earlier?: string; later?: string }>(
    app,
    mappingPaths.compare,
    {
      access: view,
      audit: 'child_record.view',
      load: (request) =>
        call(
          request,
          compareTwoMappings,
          request.params.childId,
          cleanText(request.query.earlier),
          cleanText(request.query.later),
        ),
      show: (comparison, request, reply) => {
        const { childId } = request.params;
        return reply.render('mapping/views/compare.njk', {
          pageTitle: `Two mappings side by side – ${shortName(comparison.child)}`,
          ...recordHeader(comparison.child, 'Two mappings side by side'),
          backHref: mappingPaths.section.href({ childId }),
          earlier: describeCompared(childId, comparison.earlier),
          later: describeCompared(childId, comparison.later),
          questions: comparedQuestions(comparison.sections),
        });
      },
    },
  );

  registerQuestionPage<
    ChildParams,
    { child: ChildSummary; siblings: { id: string; name: string }[] },
    StartValues,
    z.infer<typeof newMappingDetails>
  >(app, mappingPaths.newMapping.pattern, change, {
    audit: { show: 'child_record.view', save: 'mapping.started' },
    load: (request) => call(request, mappingStartForm, request.params.childId),
    blank: () => ({
      title: 'Mapping with the family',
      ...dateBoxes('heldOn', new Date().toISOString().slice(0, 10)),
      ...defaultScale,
      childIds: [],
    }),
    read: (body) => ({ ...readFields(body, startFields), childIds: readList(body, 'childIds') }),
    schema: newMappingDetails,
    input: (values, body) => ({ ...values, heldOn: dateFromInput(body, 'heldOn') }),
    fieldIds,
    view: ({ child, siblings }, values) => ({
      template: 'mapping/views/new-mapping.njk',
      context: startPage(child, siblings, values),
    }),
    async save(details, values, request) {
      const { childId } = request.params;
      const started = await call(request, startMapping, childId, {
        ...details,
        childIds: [childId, ...siblingsTicked(values)],
      });
      if (started.outcome === 'not_found') return 'not_found';
      if (started.outcome === 'invalid') return { errors: errorsFrom(started.issues) };
      return { redirect: mappingPaths.mapping.href({ childId, mappingId: started.mappingId }) };
    },
  });
}
