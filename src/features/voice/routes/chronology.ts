/** The child's chronology (voice's own events and every source it is given) and adding an event to it by hand. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { cleanText } from '../../../platform/http/forms.js';
import { readText, registerQuestionPage } from '../../../platform/http/question-page.js';
import { registerRecordPage, type RecordPageRequest } from '../../../platform/http/record-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { chronologyCategoryNames } from '../chronology.js';
import { chronologyEntrySchema, dateOf } from '../forms.js';
import { childShortName } from '../names.js';
import { voicePaths } from '../paths.js';
import { presentWhen } from '../presenters.js';
import { chronologyCategories } from '../schema.js';
import { childForForm, recordChronologyEntry, viewChronology, type ChildForForm } from '../service.js';
import { changeAccess, mayChange, recordPageTop, viewAccess, type VoicePagesContext } from './shared.js';

type ChronologyQuery = { type?: string | string[]; notice?: string };

/** The types of event asked for (at most 30), as clean text. */
const chosenTypes = ({ type }: ChronologyQuery) =>
  (Array.isArray(type) ? type : type ? [type] : []).map(cleanText).slice(0, 30);

const entryFields = ['category', 'title', 'details', 'happenedOn-Day', 'happenedOn-Month', 'happenedOn-Year'];

export function registerChronologyPages(app: FastifyInstance, { database, chronology }: VoicePagesContext): void {
  registerRecordPage(app, voicePaths.chronology, {
    access: viewAccess,
    audit: 'chronology.viewed',
    load: (request: RecordPageRequest<typeof voicePaths.chronology.pattern, ChronologyQuery>) => {
      const chosen = chosenTypes(request.query);
      return viewChronology(
        database,
        request.actor!,
        request.params.childId,
        chosen,
        requestSource(request),
        chronology,
      );
    },
    show: (found, request, reply) => {
      const { childId } = request.params;
      const chosen = chosenTypes(request.query);
      return reply.render('voice/views/chronology.njk', {
        ...recordPageTop(request, found.child, {
          title: `Chronology: ${childShortName(found.child)}`,
          heading: 'Chronology',
          section: 'chronology',
        }),
        action: voicePaths.chronology.href({ childId }),
        mayChange: mayChange(request),
        newEntryHref: voicePaths.newChronologyEntry.href({ childId }),
        filtered: chosen.length > 0,
        typeItems: found.types.map((type) => ({
          value: type.type,
          text: type.name,
          checked: chosen.includes(type.type),
        })),
        events: found.events.map((event) => ({
          title: event.title,
          details: event.details,
          byline: event.byline,
          href: event.href,
          datetime: event.occurredAt,
          when: presentWhen(event.occurredAt),
          typeName: found.types.find((type) => type.type === event.type)?.name ?? event.type,
        })),
      });
    },
  });

  registerQuestionPage<
    { childId: string },
    ChildForForm,
    Record<string, string>,
    z.output<typeof chronologyEntrySchema>
  >(app, voicePaths.newChronologyEntry.pattern, changeAccess, {
    audit: { show: 'chronology.form_opened', save: 'chronology.recorded' },
    load: (request) =>
      childForForm(database, request.actor!, request.params.childId, 'chronology.form_opened', requestSource(request)),
    blank: () => ({}),
    read: (body) => Object.fromEntries(entryFields.map((name) => [name, readText(body, name)])),
    schema: chronologyEntrySchema,
    input: (values) => ({ ...values, happenedOn: dateOf(values, 'happenedOn') }),
    fieldIds: { happenedOn: 'happenedOn-day' },
    view: ({ child }, values, _errors, _extra, request) => ({
      template: 'voice/views/chronology-entry-form.njk',
      context: {
        pageTitle: 'Add to the chronology',
        child,
        childName: childShortName(child),
        values,
        categoryItems: chronologyCategories.map((category) => ({
          value: category,
          text: chronologyCategoryNames[category],
          checked: values.category === category,
        })),
        action: voicePaths.newChronologyEntry.href(request.params),
        backHref: voicePaths.chronology.href(request.params),
      },
    }),
    async save(entry, _values, request) {
      const { childId } = request.params;
      const saved = await recordChronologyEntry(database, request.actor!, childId, entry, requestSource(request));
      return saved
        ? { redirect: voicePaths.chronology.href({ childId }, { notice: 'chronology_recorded' }) }
        : 'not_found';
    },
  });
}
