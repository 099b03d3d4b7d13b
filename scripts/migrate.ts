/** `npm run migrate`: brings the configured database's schema up to date, then exits. */
import { ConfigError, describeDatabase, loadConfig } from '../src/config.js';
import { openMigratedDatabase } from '../src/platform/db/open.js';

try {
  const config = loadConfig();
  const { database, migrations } = await openMigratedDatabase(config);
  await database.close();
  console.log(
    `${describeDatabase(config)}: applied ${migrations.applied.length} migration(s)` +
      `${migrations.applied.length ? ` (${migrations.applied.join(', ')})` : ''}; ${migrations.alreadyApplied} already applied.`,
  );
} catch (error) {
  const message =
    error instanceof ConfigError ? error.problems.join('\n') : error instanceof Error ? error.message : String(error);
  console.error(`Migration failed: ${message}`);
  process.exit(1);
}
