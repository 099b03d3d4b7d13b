/**
 * Starts Kith: config → database → migrations → demo seed → listen, and closes cleanly on
 * SIGINT/SIGTERM (PGlite must be closed to flush its data folder). Any failure to start
 * prints one plain line and exits non-zero.
 */
import { buildApp } from './app.js';
import { ConfigError, describeDatabase, loadConfig } from './config.js';
import { DatabaseUnavailableError, type Database } from './platform/db/database.js';
import { MigrationError } from './platform/db/migrate.js';
import { openMigratedDatabase } from './platform/db/open.js';
import { seedDemo } from './demo/seed.js';
import { auditCheckpointSettings, writeCheckpoints } from './platform/audit/checkpoints.js';
import { sealAuditTrail, startAuditSealer } from './platform/audit/sealing.js';

const AUDIT_CHECKPOINT_INTERVAL_MS = 5 * 60_000;

function fail(message: string): never {
  process.stderr.write(`Kith could not start: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`the configuration is not valid.\n  ${error.problems.join('\n  ')}`);
    throw error;
  }

  let database: Database;
  try {
    ({ database } = await openMigratedDatabase(config));
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof MigrationError) fail(error.message);
    const reason = error instanceof Error ? error.message : String(error);
    fail(`the database could not be opened (${describeDatabase(config)}): ${reason}`);
  }

  if (config.seedDemo) await seedDemo(database);
  try {
    await database.useApplicationRole();
  } catch (error) {
    await database.close();
    fail(error instanceof Error ? error.message : String(error));
  }

  const { app } = await buildApp({
    database,
    sessionSecret: config.sessionSecret,
    sessionPolicy: config.sessionPolicy,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
  });
  // Sign the head of every council's audit chain now and every few minutes, with a key kept
  // outside the database, so a rewrite of the whole chain cannot go unnoticed.
  const checkpointSettings = auditCheckpointSettings(config);
  const signCheckpoints = () =>
    writeCheckpoints(database, checkpointSettings).catch((error: unknown) => {
      app.log.error({ err: error }, 'could not sign audit checkpoints');
    });
  // Link what requests append into each council's hash chain, a few times a second.
  const sealingFailed = (error: unknown) => {
    app.log.error({ err: error }, 'could not seal the audit trail');
  };
  await sealAuditTrail(database).catch(sealingFailed);
  const sealer = startAuditSealer(database, sealingFailed);
  await signCheckpoints();
  const checkpointTimer = setInterval(() => void signCheckpoints(), AUDIT_CHECKPOINT_INTERVAL_MS);
  checkpointTimer.unref();

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    clearInterval(checkpointTimer);
    await app.close();
    await sealer.stop();
    await signCheckpoints();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    const code = (error as { code?: string }).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use. Set PORT to another number.`
        : error instanceof Error
          ? error.message
          : String(error),
    );
  }

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Kith is running at http://${shownHost}:${config.port}/ (ready in ${seconds}s)`,
      `Database: ${describeDatabase(config)}`,
      config.seedDemo ? 'Demo councils: Demo Borough Council and Other Council (fictional people only).' : '',
      config.seedDemo ? 'Demo sign-ins (one per role) are listed in README.md under "Demo accounts".' : '',
      'Press Ctrl+C to stop.',
      '',
    ]
      .filter((line, index, lines) => line !== '' || index === 0 || index === lines.length - 1)
      .join('\n') + '\n',
  );
}

await main();
