/**
 * Starts Kith: config → database → migrations → demo seed → listen, and closes cleanly on
 * SIGINT/SIGTERM (PGlite must be closed to flush its data folder). Any failure to start
 * prints one plain line and exits non-zero.
 *
 * With KITH_WORKERS above 1 (PostgreSQL only), this first process migrates and seeds once,
 * then starts that many worker processes which share the port (node:cluster): one Node process
 * runs JavaScript on one core, and a page's rendering, not the database, is what fills it.
 */
import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { ConfigError, describeDatabase, loadConfig, type Config } from './config.js';
import { DatabaseUnavailableError, type Database } from './platform/db/database.js';
import { isDatabaseUnavailable, loggableDatabaseError } from './platform/db/errors.js';
import { MigrationError } from './platform/db/migrate.js';
import { openMigratedDatabase } from './platform/db/open.js';
import { seedDemo } from './demo/seed.js';
import { superviseWorkers, type SupervisedWorker } from './supervisor.js';
import { sealAuditTrail, startAuditSealer } from './platform/audit/sealing.js';
import { auditSigningSettings, headSigner, signCurrentHeads } from './platform/audit/signed-heads.js';

function fail(message: string): never {
  process.stderr.write(`Kith could not start: ${message}\n`);
  process.exit(1);
}

/** Set by the first process for each worker it starts: 0, 1, … */
const workerIndex = cluster.isWorker ? Number(process.env.KITH_WORKER_INDEX ?? '0') : null;

async function openDatabaseOrFail(config: Config): Promise<Database> {
  try {
    return (await openMigratedDatabase(config)).database;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof MigrationError) fail(error.message);
    const reason = error instanceof Error ? error.message : String(error);
    fail(`the database could not be opened (${describeDatabase(config)}): ${reason}`);
  }
}

async function seedDemoOrFail(database: Database): Promise<void> {
  try {
    await seedDemo(database);
  } catch (error) {
    await database.close().catch(() => undefined);
    fail(`the demo councils could not be made: ${startFailureReason(error)}`);
  }
}

/** Why starting failed, in one line: never a stack trace, a statement or its parameters. */
function startFailureReason(error: unknown): string {
  if (isDatabaseUnavailable(error)) return 'the database could not be reached';
  const databaseError = loggableDatabaseError(error);
  if (databaseError)
    return `the database refused it (${String(databaseError.sqlState)}: ${String(databaseError.message)})`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function banner(config: Config, startedAt: number): void {
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Kith is running at http://${shownHost}:${config.port}/ (ready in ${seconds}s)`,
      `Database: ${describeDatabase(config)}`,
      config.workers > 1 ? `Processes: ${config.workers}, sharing the port` : '',
      config.seedDemo ? 'Demo councils: Demo Borough Council and Other Council (fictional people only).' : '',
      config.seedDemo ? 'Demo sign-ins (one per role) are listed in README.md under "Demo accounts".' : '',
      'Press Ctrl+C to stop.',
      '',
    ]
      .filter((line, index, lines) => line !== '' || index === 0 || index === lines.length - 1)
      .join('\n') + '\n',
  );
}

/**
 * The first process when there are several workers: migrates and seeds once, makes the secrets
 * every worker reads, starts the workers and keeps them running (supervisor.ts): a worker that
 * stops once Kith has started is started again, with a growing wait if it keeps stopping; one
 * that cannot start at first has said why (its stderr is this one's), and then all stop and
 * this exits 1. Run it under a service manager (docs/OPERATIONS.md) so that this process, too,
 * is started again if it dies: its workers stop with it.
 */
async function runWorkers(config: Config, startedAt: number): Promise<void> {
  const database = await openDatabaseOrFail(config);
  if (config.seedDemo) await seedDemoOrFail(database);
  await database.close();
  // Made once here, so every worker signs with the same key.
  auditSigningSettings(config);

  const supervisor = superviseWorkers({
    workers: config.workers,
    fork: (index): SupervisedWorker => {
      const worker = cluster.fork({ KITH_WORKER_INDEX: String(index) });
      return {
        onListening: (listener) => worker.once('listening', listener),
        onExit: (listener) => worker.once('exit', listener),
        stop: () => worker.process.kill('SIGTERM'),
      };
    },
    onStarted: () => {
      banner(config, startedAt);
    },
    onStartFailed: () => {
      process.exitCode = 1;
    },
    say: (line) => process.stderr.write(`${line}\n`),
  });

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    // Each worker closes as a single Kith does: stops listening, seals the audit trail, exits.
    supervisor.stop();
    const forceExit = setTimeout(() => process.exit(1), 15_000);
    forceExit.unref();
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
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
  if (cluster.isPrimary && config.workers > 1) return runWorkers(config, startedAt);

  const database = await openDatabaseOrFail(config);
  // With several workers the first process has seeded already.
  if (config.seedDemo && workerIndex === null) await seedDemoOrFail(database);
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
  // Link what requests append into each council's hash chain, a few times a second, and sign
  // each head the sealer moves with a key kept outside the database (signed-heads.ts), so a
  // rewrite or a removal of the newest entries is caught within a second.
  const signing = auditSigningSettings(config);
  const signer = headSigner(signing.key, signing.store);
  const sealingFailed = (error: unknown) => {
    app.log.error({ err: error }, 'could not seal the audit trail');
  };
  await sealAuditTrail(database, signer).catch(sealingFailed);
  // A head moved while nothing signed it (a stop between the two) is signed once, by one process.
  if (workerIndex === null || workerIndex === 0) await signCurrentHeads(database, signer).catch(sealingFailed);
  // Every worker seals and signs (they share the work: SKIP LOCKED).
  const sealer = startAuditSealer(database, { signer, onError: sealingFailed });

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await app.close();
    await sealer.stop();
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

  if (workerIndex === null) banner(config, startedAt);
}

// Whatever else goes wrong before Kith is listening is still one plain line, not a stack trace.
await main().catch((error: unknown) => fail(startFailureReason(error)));
