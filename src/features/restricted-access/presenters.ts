/** Restricted records opened, as the team manager reads them. */
import { childRecordPaths } from '../child-record/index.js';
import { restrictedAccessPages } from './paths.js';
import type { reviewsFor } from './service.js';

/**
 * "23 November 2026 at 09:05" in the UK. Not the clock's (src/platform/views/clock.ts): it has no
 * 24-hour time of day, and this page has always shown one.
 */
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

export function presentGrants(grants: Awaited<ReturnType<typeof reviewsFor>>) {
  return grants.map((grant) => ({
    ...grant,
    childHref: childRecordPaths.record.href({ childId: grant.childPersonId }),
    grantedAtText: timeFormat.format(grant.grantedAt),
    expiresAtText: timeFormat.format(grant.expiresAt),
    reviewAction: restrictedAccessPages.review.href({ grantId: grant.grantId }),
  }));
}
