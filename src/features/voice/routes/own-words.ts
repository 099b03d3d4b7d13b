/**
 * "In my own words": everything the child has said, recording something they said, and how they
 * would like to take part in meetings (both question pages).
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { readText, registerQuestionPage, type FormBody } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { registerRecordPage } from '../../../platform/http/record-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { directWorkToolDefinitions } from '../direct-work.js';
import { childsWordsSchema, dateOf, participationSchema } from '../forms.js';
import { childShortName } from '../names.js';
import { voicePaths } from '../paths.js';
import { participationItems, presentDay, presentPreference, presentWhen } from '../presenters.js';
import { directWorkTools } from '../schema.js';
import {
  childForForm,
  recordChildsWords,
  type ChildForForm,
  recordParticipationPreference,
  viewOwnWords,
} from '../service.js';
import { londonToday } from '../visit-form.js';
import { changeAccess, mayChange, recordPageTop, todayParts, viewAccess, type VoicePagesContext } from './shared.js';

type Values = Record<string, string>;
const read = (names: readonly string[]) => (body: FormBody) =>
  Object.fromEntries(names.map((name) => [name, readText(body, name)]));

export function registerOwnWordsPages(app: FastifyInstance, { database }: VoicePagesContext): void {
  const call = serviceCaller(database);

  registerRecordPage(app, voicePaths.ownWords, {
    access: viewAccess,
    audit: 'own_words.viewed',
    load: (request) => call(request, viewOwnWords, request.params.childId),
    show: (page, request, reply) => {
      const { childId } = request.params;
      const heading = 'In my own words';
      return reply.render('voice/views/own-words.njk', {
        ...recordPageTop(request, page.child, {
          title: `${heading}: ${childShortName(page.child)}`,
          heading,
          section: 'own-words',
        }),
        preferenceSentence: page.preferenceSentence,
        preference: presentPreference(page.preference),
        mayChange: mayChange(request),
        newWordsHref: voicePaths.newWords.href({ childId }),
        takingPartHref: voicePaths.takingPart.href({ childId }),
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
      });
    },
  });

  registerQuestionPage<{ childId: string }, ChildForForm, Values, z.output<typeof childsWordsSchema>>(
    app,
    voicePaths.newWords.pattern,
    changeAccess,
    {
      audit: { show: 'childs_words.form_opened', save: 'childs_words.recorded' },
      load: (request) =>
        childForForm(
          database,
          request.actor!,
          request.params.childId,
          'childs_words.form_opened',
          requestSource(request),
        ),
      blank: (_context, request) => ({
        heardBy: request.actor!.fullName,
        ...todayParts('heardOn', londonToday(new Date())),
      }),
      read: read(['words', 'heardBy', 'setting', 'heardOn-Day', 'heardOn-Month', 'heardOn-Year']),
      schema: childsWordsSchema,
      input: (values) => ({ ...values, heardOn: dateOf(values, 'heardOn') }),
      fieldIds: { heardOn: 'heardOn-day' },
      view: ({ child }, values, _errors, _extra, request) => ({
        template: 'voice/views/words-form.njk',
        context: {
          pageTitle: `Record something ${childShortName(child)} said`,
          child,
          childName: childShortName(child),
          values,
          action: voicePaths.newWords.href(request.params),
          backHref: voicePaths.ownWords.href(request.params),
        },
      }),
      async save(quote, _values, request) {
        const { childId } = request.params;
        const saved = await recordChildsWords(database, request.actor!, childId, quote, requestSource(request));
        return saved ? { redirect: voicePaths.ownWords.href({ childId }, { notice: 'words_recorded' }) } : 'not_found';
      },
    },
  );

  registerQuestionPage<{ childId: string }, ChildForForm, Values, z.output<typeof participationSchema>>(
    app,
    voicePaths.takingPart.pattern,
    changeAccess,
    {
      audit: { show: 'participation.form_opened', save: 'participation.recorded' },
      load: (request) =>
        childForForm(
          database,
          request.actor!,
          request.params.childId,
          'participation.form_opened',
          requestSource(request),
        ),
      blank: () => todayParts('saidOn', londonToday(new Date())),
      read: read(['way', 'inTheirWords', 'saidOn-Day', 'saidOn-Month', 'saidOn-Year']),
      schema: participationSchema,
      input: (values) => ({ ...values, saidOn: dateOf(values, 'saidOn') }),
      fieldIds: { saidOn: 'saidOn-day' },
      view: ({ child, preferences }, values, _errors, _extra, request) => ({
        template: 'voice/views/taking-part.njk',
        context: {
          pageTitle: `How ${childShortName(child)} would like to take part in meetings`,
          child,
          childName: childShortName(child),
          values,
          wayItems: participationItems(values.way ?? ''),
          earlier: preferences.map((preference) => ({
            wayText: preference.wayText,
            inTheirWords: preference.inTheirWords,
            saidOnText: presentDay(preference.saidOn),
            who: preference.recordedByLabel,
          })),
          action: voicePaths.takingPart.href(request.params),
          backHref: voicePaths.ownWords.href(request.params),
        },
      }),
      async save(preference, _values, request) {
        const { childId } = request.params;
        const saved = await recordParticipationPreference(
          database,
          request.actor!,
          childId,
          preference,
          requestSource(request),
        );
        return saved
          ? { redirect: voicePaths.ownWords.href({ childId }, { notice: 'preference_recorded' }) }
          : 'not_found';
      },
    },
  );
}
