/**
 * The language companion's pages: the glossary ("Words that help", for everyone signed in) and
 * the council's own words (administrators): the list, add a word, switch a word on or off.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { readText, registerQuestionPage, type FormBody, type FormValues } from '../../platform/http/question-page.js';
import { requestSource } from '../../platform/http/request-source.js';
import { councilEntryFormSchema, linesOf } from './council-entry.js';
import { languageAdminPaths as adminPaths, languagePaths as paths } from './paths.js';
import { addEntryPage, adminListPage, glossaryPage } from './presenters.js';
import { entryOf, glossaryFor, nextCouncilEntryId, saveCouncilEntry } from './service.js';

export function registerLanguageRoutes(app: FastifyInstance, database: Database): void {
  registerLanguageAdminRoutes(app, database);
  app.get<{ Querystring: { q?: string } }>(
    paths.glossary.pattern,
    { config: { access: { permission: 'account.read_own' } } },
    async (request, reply) => {
      const { glossary } = await glossaryFor(database, request.actor!.tenantId);
      return reply.render('language/views/glossary.njk', glossaryPage(glossary, request.query.q));
    },
  );
}

/** Checkboxes posted once, several times or not at all; only text values count. */
const postedList = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return (Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value]).filter(
    (item): item is string => typeof item === 'string',
  );
};

export function registerLanguageAdminRoutes(app: FastifyInstance, database: Database): void {
  const admin = { permission: 'users.manage' } as const;

  app.get<{ Querystring: { notice?: string } }>(
    adminPaths.list.pattern,
    { config: { access: admin } },
    async (request, reply) => {
      const { changes } = await glossaryFor(database, request.actor!.tenantId);
      return reply.render('language/views/admin.njk', adminListPage(changes, request.query.notice));
    },
  );

  registerQuestionPage(app, adminPaths.add.pattern, admin, {
    load: async () => ({}),
    blank: (): FormValues => ({}),
    read: (body) => ({
      term: readText(body, 'term'),
      patterns: readText(body, 'patterns'),
      why: readText(body, 'why'),
      alternatives: readText(body, 'alternatives'),
      severity: readText(body, 'severity') || 'flag',
      audiences: postedList(body, 'audiences'),
    }),
    schema: councilEntryFormSchema,
    input: (values) => ({
      ...values,
      patterns: linesOf(String(values.patterns)),
      alternatives: linesOf(String(values.alternatives)),
    }),
    fieldIds: { audiences: 'audiences' },
    view: (_context, values) => ({ template: 'language/views/admin-add.njk', context: addEntryPage(values) }),
    save: async (entry, _values, request) => {
      const id = await nextCouncilEntryId(database, request.actor!.tenantId);
      await saveCouncilEntry(
        database,
        request.actor!,
        // A council's own word is usually about the care system ('cared for', not 'looked after').
        { id, category: 'care-system', ...entry },
        requestSource(request),
        'added',
      );
      return { redirect: adminPaths.list.href({}, { notice: 'added' }) };
    },
  });

  app.post<{ Params: { entryId: string } }>(
    adminPaths.switch.pattern,
    { config: { access: admin } },
    async (request, reply) => {
      const entry = await entryOf(database, request.actor!.tenantId, request.params.entryId.slice(0, 10));
      if (!entry) {
        reply.callNotFound();
        return reply;
      }
      const enabled = entry.enabled === false;
      await saveCouncilEntry(
        database,
        request.actor!,
        { ...entry, enabled },
        requestSource(request),
        enabled ? 'switched_on' : 'switched_off',
      );
      return reply.redirect(`${adminPaths.list.href({}, { notice: 'switched' })}#${entry.id}`, 303);
    },
  );
}
