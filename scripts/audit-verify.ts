/**
 * `npm run audit:verify`: re-computes every council's audit chain, checks it against the signed
 * heads kept outside the database, names the first broken entry and the last signed head it
 * confirmed. It seals (and signs) what is waiting first. `--checkpoint` also signs every
 * council's current head (covering a head moved while nothing signed it). Exits 1 if any
 * council's trail is broken.
 */
import { loadConfig } from '../src/config.js';
import { sealAuditTrail } from '../src/platform/audit/sealing.js';
import { auditSigningSettings, headSigner, signCurrentHeads } from '../src/platform/audit/signed-heads.js';
import { verifyAuditLog } from '../src/platform/audit/verify.js';
import { openMigratedDatabase } from '../src/platform/db/open.js';

const config = loadConfig();
const settings = auditSigningSettings(config);
const signer = headSigner(settings.key, settings.store);
const { database } = await openMigratedDatabase(config);
try {
  // Entries written moments ago are linked into their chain first, so all of them are checked.
  await sealAuditTrail(database, signer);
  if (process.argv.includes('--checkpoint')) {
    console.log(`Signed ${await signCurrentHeads(database, signer)} head(s) ${settings.store.description}`);
  }
  const results = await verifyAuditLog(database, settings);
  const number = new Intl.NumberFormat('en-GB');
  for (const result of results) {
    const signed = result.lastSignedHead
      ? `; signed head confirmed at entry ${number.format(result.lastSignedHead.position)} (signed ${result.lastSignedHead.signedAt})`
      : '; no signed head confirmed';
    const unsigned =
      result.ok && result.entries > (result.lastSignedHead?.position ?? 0)
        ? `, ${number.format(result.entries - (result.lastSignedHead?.position ?? 0))} newer entries not signed yet`
        : '';
    const waiting = result.waitingToBeSealed
      ? `; ${number.format(result.waitingToBeSealed)} written in the last moments, not sealed yet`
      : '';
    console.log(
      result.ok
        ? `${result.councilName}: ${number.format(result.entries)} entries, chain intact${signed}${unsigned}${waiting}`
        : `${result.councilName}: BROKEN${result.firstBrokenEntry ? ` at entry ${number.format(result.firstBrokenEntry)}` : ''}: ${result.problem ?? ''}${signed}`,
    );
  }
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
} finally {
  await database.close();
}
