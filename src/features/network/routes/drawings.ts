/** The genogram page, and the ecomap and genogram as SVG files to download. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { registerRecordPage } from '../../../platform/http/record-page.js';
import { layoutEcomap, renderEcomapSvg } from '../ecomap.js';
import { layoutGenogram, renderGenogramSvg } from '../genogram.js';
import { shortName } from '../graph.js';
import { networkPaths } from '../paths.js';
import { genogramGenerations, graphOf } from '../presenters.js';
import { openNetwork, recordAt } from './opening.js';

const config = { access: { permission: 'child_record.view' }, audit: 'child_record.view' } as const;

/** An SVG drawing as a file to keep, named for the child. */
function sendSvg(reply: FastifyReply, drawing: string, childName: string, svg: string) {
  const fileName = `${drawing}-${childName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.svg`;
  return reply
    .header('content-type', 'image/svg+xml; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
}

export function registerDrawingPages(app: FastifyInstance, database: Database): void {
  registerRecordPage(app, networkPaths.genogram, {
    ...config,
    load: (request) => openNetwork(database, request, 'genogram'),
    show: (network, _request, reply) => {
      const childName = shortName(network.child);
      const layout = layoutGenogram(graphOf(network), network.households);
      return reply.render('network/views/genogram.njk', {
        pageTitle: `${childName}’s genogram`,
        childName,
        backHref: recordAt(network.child.id, 'network'),
        svg: renderGenogramSvg(layout, childName, { personHref: (id) => `#g-${id}` }),
        downloadHref: networkPaths.genogramSvg.href({ childId: network.child.id }),
        warnings: layout.warnings,
        generations: genogramGenerations(layout, childName),
      });
    },
  });

  registerRecordPage(app, networkPaths.genogramSvg, {
    ...config,
    load: (request) => openNetwork(database, request, 'genogram_download'),
    show: (network, _request, reply) => {
      const childName = shortName(network.child);
      const svg = renderGenogramSvg(layoutGenogram(graphOf(network), network.households), childName);
      return sendSvg(reply, 'genogram', childName, svg);
    },
  });

  registerRecordPage(app, networkPaths.ecomapSvg, {
    ...config,
    load: (request) => openNetwork(database, request, 'ecomap_download'),
    show: (network, _request, reply) =>
      sendSvg(reply, 'ecomap', shortName(network.child), renderEcomapSvg(layoutEcomap(graphOf(network)))),
  });
}
