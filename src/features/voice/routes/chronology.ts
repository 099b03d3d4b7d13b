/** The child's chronology (voice's own events and every source it is given) and adding an event to it by hand. */
import type { FastifyInstance } from 'fastify';
import { cleanText } from '../../../platform/http/forms.js';
import { registerRecordPage, type RecordPageRequest } from '../../../platform/http/record-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { chronologyCategoryNames } from '../chronology.js';
import { chronologyEntrySchema } from '../forms.js';
import { voicePaths } from '../paths.js';
import { presentWhen } from '../presenters.js';
import { chronologyCategories } from '../schema.js';
import { recordChronologyEntry, viewChronology } from '../service.js';
import { registerChildFormPage } from './child-form.js';
import { mayChange, recordPageTop, viewing, type VoicePagesContext } from './shared.js';

type ChronologyQuery = { type?: string | string[]; notice?: string };

/** The types of event asked for (at most 30), as clean text. */
const chosenTypes = ({ type }: ChronologyQuery) =>
  (Array.isArray(type) ? type : type ? [type] : []).map(cleanText).slice(0, 30);

export function registerChronologyPages(app: FastifyInstance, { database, chronology }: VoicePagesContext): void {
  registerRecordPage(app, voicePaths.chronology, {
    ...viewing('chronology.viewed'),
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
        ...recordPageTop(request, found.child, 'chronology', 'Chronology'),
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

  registerChildFormPage(app, database, voicePaths.newChronologyEntry, {
    audit: { show: 'chronology.form_opened', save: 'chronology.recorded' },
    fields: ['category', 'title', 'details'],
    date: 'happenedOn',
    schema: chronologyEntrySchema,
    blank: () => ({}),
    template: 'voice/views/chronology-entry-form.njk',
    title: () => 'Add to the chronology',
    extra: (_form, values) => ({
      categoryItems: chronologyCategories.map((category) => ({
        value: category,
        text: chronologyCategoryNames[category],
        checked: values.category === category,
      })),
    }),
    save: recordChronologyEntry,
    done: voicePaths.chronology,
    notice: 'chronology_recorded',
  });
}
