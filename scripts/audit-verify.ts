/**
 * `npm run audit:verify`: re-computes every council's audit chain, checks it against the
 * signed checkpoints and names the first broken entry. `--checkpoint` signs the current heads
 * first. Exits 1 if any council's trail is broken.
 */
import { loadConfig } from '../src/config.js';
import { auditCheckpointSettings, writeCheckpoints } from '../src/platform/audit/checkpoints.js';
import { sealAuditTrail } from '../src/platform/audit/sealing.js';
import { verifyAuditLog } from '../src/platform/audit/verify.js';
import { openMigratedDatabase } from '../src/platform/db/open.js';

const config = loadConfig();
const settings = auditCheckpointSettings(config);
const { database } = await openMigratedDatabase(config);
try {
  // Entries written moments ago are linked into their chain first, so all of them are checked.
  await sealAuditTrail(database);
  if (process.argv.includes('--checkpoint')) {
    console.log(`Signed ${await writeCheckpoints(database, settings)} new checkpoint(s) in ${settings.checkpointDir}`);
  }
  const results = await verifyAuditLog(database, settings);
  const number = new Intl.NumberFormat('en-GB');
  for (const result of results) {
    const checkpoint = result.lastCheckpoint
      ? `, last checkpoint at entry ${number.format(result.lastCheckpoint.sequence)} signed ${result.lastCheckpoint.signedAt}`
      : ', no signed checkpoint yet';
    const waiting = result.waitingToBeSealed
      ? `; ${number.format(result.waitingToBeSealed)} written in the last moments, not sealed yet`
      : '';
    console.log(
      result.ok
        ? `${result.councilName}: ${number.format(result.entries)} entries, chain intact${checkpoint}${waiting}`
        : `${result.councilName}: BROKEN${result.firstBrokenEntry ? ` at entry ${number.format(result.firstBrokenEntry)}` : ''}: ${result.problem ?? ''}`,
    );
  }
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
} finally {
  await database.close();
}
