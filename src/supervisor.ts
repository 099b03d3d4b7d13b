/**
 * The first process's care of its workers when KITH_WORKERS is above 1 (server.ts forks them
 * with node:cluster). Kept apart from server.ts so its rules can be tested without processes.
 *
 * - Starting: every worker must begin listening once. One that stops before then has said why
 *   on stderr (a bad setting, a port in use); starting it again would only repeat that, so all
 *   stop and Kith exits 1.
 * - Started: a worker that stops, for whatever reason and however many stop together, is
 *   started again, never the end of Kith. Each place's restarts wait longer the more often it has
 *   just failed (a quarter of a second, doubling, at most half a minute), so a worker that cannot
 *   start (its database is away) is not forked in a tight loop; one that stayed up a while
 *   starts again at once.
 * - Stopping (SIGTERM/SIGINT to this process): pending restarts are dropped and every worker is
 *   asked to close as a single Kith does.
 */

/** What the supervisor needs of a worker process (node:cluster's, or a test's stand-in). */
export interface SupervisedWorker {
  onListening(listener: () => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Asks it to close as a single Kith does (SIGTERM). */
  stop(): void;
}

export interface SupervisorOptions {
  workers: number;
  /** Starts worker `index` (0, 1, …): the same index again when one is replaced. */
  fork(index: number): SupervisedWorker;
  /** Every worker is listening for the first time. */
  onStarted(): void;
  /** A worker stopped before Kith had started; every other has been asked to stop. */
  onStartFailed(): void;
  /** One plain line for the operator (stderr). */
  say(line: string): void;
  /** Timers and the clock, replaceable in tests. */
  schedule?: (delayMs: number, run: () => void) => { cancel(): void };
  now?: () => number;
}

/** The first restart's wait; each quick failure after it doubles the wait. */
export const FIRST_RESTART_DELAY_MS = 250;
export const LONGEST_RESTART_DELAY_MS = 30_000;
/** A worker that listened this long before it stopped is taken to have been healthy. */
export const HEALTHY_AFTER_MS = 30_000;

export interface Supervisor {
  /** Asks every worker to stop, and starts no more. */
  stop(): void;
}

interface Place {
  worker: SupervisedWorker | undefined;
  listeningSince: number | undefined;
  /** Stops in a row that came soon after starting: sets the next wait. */
  quickFailures: number;
  restart: { cancel(): void } | undefined;
}

export function superviseWorkers(options: SupervisorOptions): Supervisor {
  const schedule =
    options.schedule ??
    ((delayMs: number, run: () => void) => {
      const timer = setTimeout(run, delayMs);
      return {
        cancel: () => {
          clearTimeout(timer);
        },
      };
    });
  const now = options.now ?? (() => performance.now());
  const places: Place[] = Array.from({ length: options.workers }, () => ({
    worker: undefined,
    listeningSince: undefined,
    quickFailures: 0,
    restart: undefined,
  }));
  let started = false;
  let stopping = false;

  const stopAll = () => {
    stopping = true;
    for (const place of places) {
      place.restart?.cancel();
      place.restart = undefined;
      place.worker?.stop();
    }
  };

  const start = (index: number) => {
    const place = places[index]!;
    place.restart = undefined;
    let worker: SupervisedWorker;
    try {
      worker = options.fork(index);
    } catch (error) {
      // Forking itself failed (out of processes or memory): try again later, as for a stop.
      options.say(`Kith could not start worker ${index} (${error instanceof Error ? error.message : String(error)}).`);
      restartLater(index);
      return;
    }
    place.worker = worker;
    place.listeningSince = undefined;
    worker.onListening(() => {
      if (place.worker !== worker) return;
      place.listeningSince = now();
      if (!started && places.every((each) => each.listeningSince !== undefined)) {
        started = true;
        options.onStarted();
      }
    });
    worker.onExit((code, signal) => {
      if (place.worker !== worker) return;
      place.worker = undefined;
      if (stopping) return;
      if (!started) {
        // It has printed why; starting it again would only say the same again.
        stopAll();
        options.onStartFailed();
        return;
      }
      const healthy = place.listeningSince !== undefined && now() - place.listeningSince >= HEALTHY_AFTER_MS;
      place.quickFailures = healthy ? 0 : place.quickFailures + 1;
      const delay = restartLater(index);
      options.say(
        `Kith worker ${index} stopped (${signal ?? `exit ${code ?? 'unknown'}`}); starting another in ${formatDelay(delay)}.`,
      );
    });
  };

  const restartLater = (index: number): number => {
    const place = places[index]!;
    const delay = Math.min(
      FIRST_RESTART_DELAY_MS * 2 ** Math.max(place.quickFailures - 1, 0),
      LONGEST_RESTART_DELAY_MS,
    );
    place.restart = schedule(delay, () => {
      if (!stopping) start(index);
    });
    return delay;
  };

  for (let index = 0; index < options.workers; index += 1) start(index);
  return { stop: stopAll };
}

function formatDelay(delayMs: number): string {
  return delayMs < 1_000 ? `${delayMs} ms` : `${(delayMs / 1_000).toFixed(delayMs % 1_000 === 0 ? 0 : 1)} s`;
}
