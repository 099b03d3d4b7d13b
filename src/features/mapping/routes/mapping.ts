/** One mapping in three columns, with its balance and scaling, and the kept versions of one of its entries. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { registerRecordPage } from '../../../platform/http/record-page.js';
import { presentDate } from '../../child-record/index.js';
import { recordHeader } from '../form-presenters.js';
import { mappingPaths } from '../paths.js';
import {
  presentBalance,
  presentColumns,
  presentEntryVersions,
  presentScaling,
  presentScores,
  shortName,
} from '../presenters.js';
import { entryHistory, openMapping } from '../service.js';

const notices: Record<string, string> = {
  added: 'Added to the mapping.',
  changed: 'Change saved. The earlier version is kept.',
  moved: 'Moved. The earlier version is kept.',
  scored: 'Score added.',
};

export function registerMappingPages(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  const view = { permission: 'child_record.view' } as const;

  registerRecordPage(app, mappingPaths.mapping, {
    access: view,
    audit: 'child_record.view',
    load: (request) => call(request, openMapping, request.params.childId, request.params.mappingId),
    show: (opened, request, reply) => {
      const { childId, mappingId } = request.params;
      const name = shortName(opened.child);
      const childNames = opened.children.map((child) => child.name).join(' and ');
      return reply.render('mapping/views/mapping.njk', {
        pageTitle: `${opened.mapping.title} – ${name}`,
        ...recordHeader(opened.child, opened.mapping.title),
        childName: name,
        backHref: mappingPaths.section.href({ childId }),
        mapping: opened.mapping,
        heldOnText: presentDate(opened.mapping.heldOn),
        aboutText: childNames,
        columns: presentColumns(childId, mappingId, opened.entries, opened.mayChange),
        balanceNotes: presentBalance(opened.entries, opened.scores, name),
        scaling: presentScaling(opened.scores, childNames),
        scoreRows: presentScores(opened.scores),
        newScoreHref: opened.mayChange ? mappingPaths.newScore.href({ childId, mappingId }) : null,
        notice: notices[request.query.notice ?? ''] ?? null,
      });
    },
  });

  registerRecordPage(app, mappingPaths.entryHistory, {
    access: view,
    audit: 'child_record.view',
    load: (request) => {
      const { childId, mappingId, entryId } = request.params;
      return call(request, entryHistory, childId, mappingId, entryId);
    },
    show: (history, request, reply) => {
      const { childId, mappingId, entryId } = request.params;
      return reply.render('mapping/views/entry-history.njk', {
        pageTitle: `Changes to an entry – ${shortName(history.view.child)}`,
        ...recordHeader(history.view.child, 'Changes to an entry'),
        backHref: `${mappingPaths.mapping.href({ childId, mappingId })}#entry-${entryId}`,
        versions: presentEntryVersions(history.versions),
      });
    },
  });
}
