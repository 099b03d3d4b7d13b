/**
 * "In my own words": everything the child has said, recording something they said, and how they
 * would like to take part in meetings (both question pages).
 */
import type { FastifyInstance } from 'fastify';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { registerRecordPage, type RecordPageRequest } from '../../../platform/http/record-page.js';
import { directWorkToolDefinitions } from '../direct-work.js';
import { childsWordsSchema, participationSchema } from '../forms.js';
import { voicePaths } from '../paths.js';
import { participationItems, presentDay, presentWhen } from '../presenters.js';
import { directWorkTools } from '../schema.js';
import { recordChildsWords, recordParticipationPreference, viewOwnWords, type OwnWordsPage } from '../service.js';
import { londonToday } from '../visit-form.js';
import { registerChildFormPage } from './child-form.js';
import { preferenceOnPage, recordPageTop, todayParts, viewing, type VoicePagesContext } from './shared.js';

/** The own-words page: everything the child has said, their direct work, and the ways to record more. */
function ownWordsPage(page: OwnWordsPage, request: RecordPageRequest<typeof voicePaths.ownWords.pattern>) {
  const { childId } = request.params;
  return {
    ...recordPageTop(request, page.child, 'own-words', 'In my own words'),
    ...preferenceOnPage(request, page),
    newWordsHref: voicePaths.newWords.href({ childId }),
    tools: directWorkTools.map((tool) => ({
      name: directWorkToolDefinitions[tool].name,
      href: voicePaths.newDirectWork.href({ childId, tool }),
    })),
    directWork: page.directWork.map((work) => ({
      name: directWorkToolDefinitions[work.tool].name,
      when: presentDay(work.doneOn),
      doneWith: work.doneWith,
      href: voicePaths.directWork.href({ childId, workId: work.id }),
    })),
    entries: page.entries.map((entry) => ({
      words: entry.words,
      heardBy: entry.heardBy,
      when: presentWhen(entry.when),
      setting: entry.setting,
      link:
        entry.source.type === 'visit'
          ? { href: voicePaths.visit.href({ childId, visitId: entry.source.visitId }), text: 'The visit' }
          : entry.source.type === 'direct_work'
            ? {
                href: voicePaths.directWork.href({ childId, workId: entry.source.workId }),
                text: 'The direct work',
              }
            : null,
    })),
  };
}

export function registerOwnWordsPages(app: FastifyInstance, { database }: VoicePagesContext): void {
  const call = serviceCaller(database);

  registerChildFormPage(app, database, voicePaths.newWords, {
    audit: { show: 'childs_words.form_opened', save: 'childs_words.recorded' },
    fields: ['words', 'heardBy', 'setting'],
    date: 'heardOn',
    schema: childsWordsSchema,
    blank: (actor) => ({ heardBy: actor.fullName, ...todayParts('heardOn', londonToday(new Date())) }),
    template: 'voice/views/words-form.njk',
    title: (childName) => `Record something ${childName} said`,
    save: recordChildsWords,
    done: voicePaths.ownWords,
    notice: 'words_recorded',
  });

  registerChildFormPage(app, database, voicePaths.takingPart, {
    audit: { show: 'participation.form_opened', save: 'participation.recorded' },
    fields: ['way', 'inTheirWords'],
    date: 'saidOn',
    schema: participationSchema,
    blank: () => todayParts('saidOn', londonToday(new Date())),
    template: 'voice/views/taking-part.njk',
    title: (childName) => `How ${childName} would like to take part in meetings`,
    extra: ({ preferences }, values) => ({
      wayItems: participationItems(values.way ?? ''),
      earlier: preferences.map((preference) => ({
        wayText: preference.wayText,
        inTheirWords: preference.inTheirWords,
        saidOnText: presentDay(preference.saidOn),
        who: preference.recordedByLabel,
      })),
    }),
    save: recordParticipationPreference,
    done: voicePaths.ownWords,
    notice: 'preference_recorded',
  });

  registerRecordPage(app, voicePaths.ownWords, {
    ...viewing('own_words.viewed'),
    load: (request) => call(request, viewOwnWords, request.params.childId),
    show: (page, request, reply) => reply.render('voice/views/own-words.njk', ownWordsPage(page, request)),
  });
}
