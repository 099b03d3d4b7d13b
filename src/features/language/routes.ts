/** The glossary page: each word the companion suggests changing, why, and what to use instead. */
import type { FastifyInstance } from 'fastify';
import { builtInGlossary, glossaryCategories } from './glossary.js';

export const languagePaths = { glossary: '/language/words' } as const;

const categoryNames: Record<(typeof glossaryCategories)[number], string> = {
  care_system: 'Words about a child’s home, family and care',
  labels_about_children: 'Labels about children',
  blaming_families: 'Blaming or vague words about families',
  victim_blaming: 'Words that blame children for harm done to them',
  plain_english: 'Plain English for families and children',
};

export function registerLanguageRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: { q?: string } }>(
    languagePaths.glossary,
    { config: { access: { permission: 'account.read_own' } } },
    async (request, reply) => {
      const query = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : '';
      const needle = query.toLowerCase();
      const entries = builtInGlossary().filter(
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
