/** The glossary page: each word the companion suggests changing, why, and what to use instead. */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { entryOf, glossaryFor, nextCouncilEntryId, saveCouncilEntry } from './service.js';
import { builtInGlossary, glossaryCategories } from './glossary.js';
import { parsePattern } from './pattern-language.js';

export const languagePaths = { glossary: '/language/words' } as const;

const categoryNames: Record<(typeof glossaryCategories)[number], string> = {
  'care-system': 'Care-system words for a child’s home, family and meetings',
  blaming: 'Phrases that blame a child or family',
  judgement: 'Opinions written as facts',
  jargon: 'Jargon: plain English for families and children',
};

export function registerLanguageRoutes(app: FastifyInstance, database: Database): void {
  registerLanguageAdminRoutes(app, database);
  app.get<{ Querystring: { q?: string } }>(
    languagePaths.glossary,
    { config: { access: { permission: 'account.read_own' } } },
    async (request, reply) => {
      const query = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : '';
      const needle = query.toLowerCase();
      const { glossary } = await glossaryFor(database, request.actor!.tenantId);
      const entries = glossary.filter(
        (entry) =>
          !needle ||
          [entry.term, entry.why, ...entry.alternatives, ...entry.patterns].some((text) =>
            text.toLowerCase().includes(needle),
          ),
      );
      return reply.render('language/views/glossary.njk', {
        pageTitle: 'Words that help',
        query,
        total: entries.length,
        groups: glossaryCategories
          .map((category) => ({
            name: categoryNames[category],
            entries: entries
              .filter((entry) => entry.category === category)
              .map((entry) => ({
                id: entry.id,
                term: entry.term,
                why: entry.why,
                alternatives: entry.alternatives,
                onlyFor: entry.audiences ? entry.audiences.map((audience) => `${audience}-facing`).join(' and ') : null,
                describe: entry.severity === 'describe',
              })),
          }))
          .filter((group) => group.entries.length > 0),
      });
    },
  );
}

export const languageAdminPaths = {
  list: '/admin/language',
  add: '/admin/language/new',
  switchPattern: '/admin/language/:entryId/switch',
  switch: (entryId: string) => `/admin/language/${encodeURIComponent(entryId)}/switch`,
} as const;

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function registerLanguageAdminRoutes(app: FastifyInstance, database: Database): void {
  const admin = { permission: 'users.manage' } as const;

  app.get<{ Querystring: { notice?: string } }>(
    languageAdminPaths.list,
    { config: { access: admin } },
    async (request, reply) => {
      const { changes } = await glossaryFor(database, request.actor!.tenantId);
      const changed = new Map(changes.map((entry) => [entry.id, entry]));
      const all = [
        ...builtInGlossary().map((entry) => changed.get(entry.id) ?? entry),
        ...changes.filter((entry) => !builtInGlossary().some((builtIn) => builtIn.id === entry.id)),
      ];
      return reply.render('language/views/admin.njk', {
        pageTitle: 'The language companion’s words',
        notice:
          request.query.notice === 'added'
            ? 'The word has been added. The companion suggests it from now on.'
            : request.query.notice === 'switched'
              ? 'Done. The companion uses the change from now on.'
              : null,
        addHref: languageAdminPaths.add,
        entries: all.map((entry) => ({
          id: entry.id,
          term: entry.term,
          councilOwn: entry.id.startsWith('C'),
          enabled: entry.enabled !== false,
          switchAction: languageAdminPaths.switch(entry.id),
        })),
      });
    },
  );

  const renderAdd = (reply: FastifyReply, status: number, values: Record<string, unknown>, errors: FormErrors) =>
    reply.status(status).render('language/views/admin-add.njk', {
      pageTitle: 'Add a word for the companion to suggest',
      backHref: languageAdminPaths.list,
      values,
      severityItems: [
        { value: 'flag', text: 'Suggest other words', checked: (values.severity ?? 'flag') === 'flag' },
        {
          value: 'describe',
          text: 'Ask the writer to say what happened instead',
          checked: values.severity === 'describe',
        },
        { value: 'suggest', text: 'A gentle hint only', checked: values.severity === 'suggest' },
      ],
      audienceItems: [
        {
          value: 'professional',
          text: 'Professional records',
          checked: (values.audiences as string[] | undefined)?.includes('professional') ?? true,
        },
        {
          value: 'family',
          text: 'Writing families read',
          checked: (values.audiences as string[] | undefined)?.includes('family') ?? true,
        },
        {
          value: 'child',
          text: 'Writing children read',
          checked: (values.audiences as string[] | undefined)?.includes('child') ?? true,
        },
      ],
      ...errors,
    });

  app.get(languageAdminPaths.add, { config: { access: admin } }, async (_request, reply) =>
    renderAdd(reply, 200, {}, noErrors),
  );

  app.post<{ Body: Record<string, unknown> }>(
    languageAdminPaths.add,
    { config: { access: admin } },
    async (request, reply) => {
      const body = request.body ?? {};
      const list = (name: string) =>
        (Array.isArray(body[name]) ? (body[name] as unknown[]) : body[name] === undefined ? [] : [body[name]]).filter(
          (item): item is string => typeof item === 'string',
        );
      const values = {
        term: cleanText(body.term),
        patterns: cleanText(body.patterns),
        why: cleanText(body.why),
        alternatives: cleanText(body.alternatives),
        severity: cleanText(body.severity) || 'flag',
        audiences: list('audiences'),
      };
      const form = z.object({
        term: z.string().trim().min(1, 'Enter the word or phrase').max(120, 'The word must be 120 characters or fewer'),
        patterns: z
          .array(
            z
              .string()
              .regex(
                /^[\p{L}\p{N}'’| -]+$/u,
                'Words to look for can use letters, numbers, hyphens, apostrophes and | only',
              )
              .max(200)
              .refine((pattern) => parsePattern(pattern).ok, 'Each way it is written needs a word on each side of a |'),
          )
          .min(1, 'Enter at least one way the word is written')
          .max(40),
        why: z
          .string()
          .trim()
          .min(10, 'Explain why it matters, in at least 10 characters')
          .max(600, 'The reason must be 600 characters or fewer'),
        alternatives: z.array(z.string().max(200)).min(1, 'Enter at least one thing to write instead').max(10),
        severity: z.enum(['flag', 'describe', 'suggest']),
        audiences: z
          .array(z.enum(['professional', 'family', 'child']))
          .min(1, 'Choose who reads the writing it applies to'),
      });
      const parsed = form.safeParse({
        ...values,
        patterns: lines(values.patterns),
        alternatives: lines(values.alternatives),
      });
      if (!parsed.success)
        return renderAdd(reply, 400, values, formErrorsFrom(parsed.error, { audiences: 'audiences' }));
      const id = await nextCouncilEntryId(database, request.actor!.tenantId);
      await saveCouncilEntry(
        database,
        request.actor!,
        // A council's own word is usually about the care system ('cared for', not 'looked after').
        { id, category: 'care-system', ...parsed.data },
        requestSource(request),
        'added',
      );
      return reply.redirect(`${languageAdminPaths.list}?notice=added`, 303);
    },
  );

  app.post<{ Params: { entryId: string } }>(
    languageAdminPaths.switchPattern,
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
      return reply.redirect(`${languageAdminPaths.list}?notice=switched#${entry.id}`, 303);
    },
  );
}
