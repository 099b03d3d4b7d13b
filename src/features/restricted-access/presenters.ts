/** Restricted records opened, as the team manager reads them. */
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import { childRecordPaths } from '../child-record/index.js';
import { restrictedAccessPages } from './paths.js';
import type { reviewsFor } from './service.js';

/** Times as "23 November 2026 at 09:05" in the UK. */
export function presentGrants(grants: Awaited<ReturnType<typeof reviewsFor>>) {
  return grants.map((grant) => ({
    ...grant,
    childHref: childRecordPaths.record.href({ childId: grant.childPersonId }),
    grantedAtText: ukDateTimeInWords(grant.grantedAt),
    expiresAtText: ukDateTimeInWords(grant.expiresAt),
    reviewAction: restrictedAccessPages.review.href({ grantId: grant.grantId }),
  }));
}
