/** Searching: one child's records, and the records of every child this person works with. */
import type { FastifyInstance } from 'fastify';
import { requestSource } from '../../../platform/http/request-source.js';
import { childRecordNavigation } from '../../../platform/views/child-record-navigation.js';
import { childShortName } from '../names.js';
import { voicePaths } from '../paths.js';
import { presentSearch, searchPageTitle } from '../presenters.js';
import { searchOrder, searchPage, searchTerms } from '../search.js';
import { searchCaseload, searchChild } from '../service.js';
import { notFound, viewing, type VoicePagesContext } from './shared.js';

type SearchQuery = { q?: string; order?: string; page?: string };

/** The words, order and page asked for. */
const searchAsked = (query: SearchQuery) => ({
  terms: searchTerms(query.q),
  order: searchOrder(query.order),
  page: searchPage(query.page),
});

export function registerSearchPages(app: FastifyInstance, { database }: VoicePagesContext): void {
  app.get<{ Params: { childId: string }; Querystring: SearchQuery }>(
    voicePaths.childSearch.pattern,
    { config: viewing('child_record.searched') },
    async (request, reply) => {
      const { childId } = request.params;
      const { terms, order, page } = searchAsked(request.query);
      const found = await searchChild(database, request.actor!, childId, terms, requestSource(request), order, page);
      if (!found) return notFound(reply);
      const heading = `Search ${childShortName(found.child)}’s records`;
      return reply.render('voice/views/search.njk', {
        pageTitle: searchPageTitle(terms, page, heading),
        child: found.child,
        recordHeading: heading,
        recordNavigation: childRecordNavigation(childId, 'visits'),
        ...presentSearch(voicePaths.childSearch.href({ childId }), terms, order, page, found),
      });
    },
  );

  app.get<{ Querystring: SearchQuery }>(
    voicePaths.caseloadSearch.pattern,
    { config: { access: { permission: 'caseload.view' } } },
    async (request, reply) => {
      const { terms, order, page } = searchAsked(request.query);
      const found = terms
        ? await searchCaseload(database, request.actor!, terms, requestSource(request), order, page)
        : { results: [], total: 0 };
      return reply.render('voice/views/search.njk', {
        pageTitle: searchPageTitle(terms, page, 'Search the records of children you work with'),
        child: null,
        showChild: true,
        ...presentSearch(voicePaths.caseloadSearch.href({}), terms, order, page, found),
      });
    },
  );
}
