/**
 * What the front door uses of the rest of the case spine (issue 23), in one place: the council's
 * working-day calendar, the child's last closure (for the re-referral flag), starting a referral
 * and allocating a new child.
 */
import type { Tx } from '../../platform/db/database.js';
import type { IsoDate } from '../../platform/working-days/index.js';
import { allocateChild } from '../../platform/identity/accounts.js';

export { addMonths, addWorkingDays, workingDaysBetween } from '../../platform/working-days/index.js';
export type { IsoDate, WorkingDayCalendar } from '../../platform/working-days/index.js';
export { lastClosedOn, startReferral } from '../episodes/index.js';

export { councilCalendar } from '../timescales/index.js';

// Until the allocation feature lands.
export async function allocate(
  tx: Tx,
  tenantId: string,
  input: { childId: string; userId?: string; teamId?: string; startsOn: IsoDate },
): Promise<void> {
  await allocateChild(tx, tenantId, {
    childPersonId: input.childId,
    userId: input.userId ?? null,
    teamId: input.teamId ?? null,
    startsOn: input.startsOn,
  });
}
