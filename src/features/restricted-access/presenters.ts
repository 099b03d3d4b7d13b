/** Restricted records opened, as the team manager reads them. */
import type { AuditCatalogue } from '../../platform/audit/catalogue.js';
import { ukDateTimeInWords, ukDateTimeToTheSecond } from '../../platform/views/clock.js';
import { childRecordPaths } from '../child-record/index.js';
import { restrictedAccessPages } from './paths.js';
import type { reviewsFor } from './service.js';

/** Times as "23 November 2026 at 09:05" in the UK. */
export function presentGrants(grants: Awaited<ReturnType<typeof reviewsFor>>, catalogue: AuditCatalogue) {
  return grants.map(({ entries, ...grant }) => ({
    ...grant,
    childHref: childRecordPaths.record.href({ childId: grant.childPersonId }),
    grantedAtText: ukDateTimeInWords(grant.grantedAt),
    expiresAtText: ukDateTimeInWords(grant.expiresAt),
    reviewAction: restrictedAccessPages.review.href({ grantId: grant.grantId }),
    entriesTable: {
      caption: `What ${grant.openedBy} looked at and did under this opening`,
      captionClasses: 'govuk-table__caption--s',
      head: [{ text: 'When' }, { text: 'What' }],
      rows: entries.map((entry) => [
        { text: ukDateTimeToTheSecond(entry.occurredAt) },
        { text: catalogue.describe(entry.action) + (entry.outcome === 'allowed' ? '' : ' (refused)') },
      ]),
    },
    entryCount: entries.length,
  }));
}
