/**
 * The supervisor's rules with stand-in workers and a hand-turned clock: no processes, no waits.
 * (The same with real processes, killed by signal under load: `npm run test:outage`.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FIRST_RESTART_DELAY_MS,
  HEALTHY_AFTER_MS,
  LONGEST_RESTART_DELAY_MS,
  superviseWorkers,
  type SupervisedWorker,
} from './supervisor.js';

class StandInWorker implements SupervisedWorker {
  private listening: (() => void) | undefined;
  private exit: ((code: number | null, signal: string | null) => void) | undefined;
  stopAsked = false;
  constructor(readonly index: number) {}
  onListening(listener: () => void) {
    this.listening = listener;
  }
  onExit(listener: (code: number | null, signal: string | null) => void) {
    this.exit = listener;
  }
  stop() {
    this.stopAsked = true;
  }
  listens() {
    this.listening?.();
  }
  dies(signal: string | null = 'SIGKILL', code: number | null = null) {
    this.exit?.(code, signal);
  }
}

function harness(workers: number) {
  let clock = 0;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const forked: StandInWorker[] = [];
  const said: string[] = [];
  const events: string[] = [];
  const supervisor = superviseWorkers({
    workers,
    fork: (index) => {
      const worker = new StandInWorker(index);
      forked.push(worker);
      return worker;
    },
    onStarted: () => events.push('started'),
    onStartFailed: () => events.push('start failed'),
    say: (line) => said.push(line),
    now: () => clock,
    schedule: (delayMs, run) => {
      const timer = { at: clock + delayMs, run, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
  });
  return {
    supervisor,
    forked,
    said,
    events,
    /** The newest worker in place `index`. */
    current: (index: number) => forked.filter((worker) => worker.index === index).at(-1)!,
    /** Moves the clock on, running every timer that falls due. */
    advance(ms: number) {
      clock += ms;
      for (const timer of timers.filter((each) => !each.cancelled && each.at <= clock)) {
        timer.cancelled = true;
        timer.run();
      }
    },
    pendingTimers: () => timers.filter((timer) => !timer.cancelled).length,
  };
}

test('a worker that stops before Kith has started stops the others, and Kith does not start', () => {
  const kith = harness(2);
  kith.current(0).listens();
  kith.current(1).dies(null, 1);
  assert.deepEqual(kith.events, ['start failed']);
  assert.equal(kith.current(0).stopAsked, true);
  kith.advance(LONGEST_RESTART_DELAY_MS);
  assert.equal(kith.forked.length, 2, 'nothing is started again');
});

test('a second worker that dies while the first one’s replacement is starting is replaced too, never the end of Kith', () => {
  const kith = harness(2);
  kith.current(0).listens();
  kith.current(1).listens();
  assert.deepEqual(kith.events, ['started']);

  kith.current(0).dies();
  kith.advance(FIRST_RESTART_DELAY_MS);
  assert.equal(kith.forked.length, 3, 'the first is being replaced');
  // Its replacement has not begun listening when the second dies.
  kith.current(1).dies();
  assert.deepEqual(kith.events, ['started'], 'not taken for a failure to start');
  kith.advance(FIRST_RESTART_DELAY_MS);
  assert.equal(kith.forked.length, 4);
  kith.current(0).listens();
  kith.current(1).listens();
  assert.equal(kith.current(0).stopAsked, false);
  assert.equal(kith.current(1).stopAsked, false);
  assert.equal(kith.said.length, 2);
  assert.match(kith.said[0]!, /^Kith worker 0 stopped \(SIGKILL\); starting another in 250 ms\.$/);
});

test('a worker that keeps stopping waits longer each time, up to a limit; one that stayed up starts again at once', () => {
  const kith = harness(1);
  kith.current(0).listens();
  const waits: number[] = [];
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const before = kith.forked.length;
    kith.current(0).dies(null, 1);
    let waited = 0;
    while (kith.forked.length === before && waited < 2 * LONGEST_RESTART_DELAY_MS) {
      kith.advance(FIRST_RESTART_DELAY_MS);
      waited += FIRST_RESTART_DELAY_MS;
    }
    waits.push(waited);
  }
  assert.deepEqual(waits.slice(0, 4), [250, 500, 1_000, 2_000]);
  assert.equal(Math.max(...waits), LONGEST_RESTART_DELAY_MS);

  kith.current(0).listens();
  kith.advance(HEALTHY_AFTER_MS);
  const before = kith.forked.length;
  kith.current(0).dies();
  kith.advance(FIRST_RESTART_DELAY_MS);
  assert.equal(kith.forked.length, before + 1, 'after a healthy run the wait is the shortest again');
});

test('stopping asks every worker to close, and a worker that stops then is not replaced', () => {
  const kith = harness(2);
  kith.current(0).listens();
  kith.current(1).listens();
  kith.current(0).dies();
  kith.supervisor.stop();
  assert.equal(kith.pendingTimers(), 0, 'the pending restart is dropped');
  assert.equal(kith.current(1).stopAsked, true);
  kith.current(1).dies(null, 0);
  kith.advance(LONGEST_RESTART_DELAY_MS);
  assert.equal(kith.forked.length, 2);
  assert.deepEqual(kith.events, ['started']);
});

test('a fork that throws is tried again later', () => {
  let failNext = false;
  const forked: number[] = [];
  const timers: (() => void)[] = [];
  superviseWorkers({
    workers: 1,
    fork: (index) => {
      if (failNext) {
        failNext = false;
        throw new Error('spawn EAGAIN');
      }
      forked.push(index);
      const worker = new StandInWorker(index);
      queueMicrotask(() => {
        worker.listens();
        failNext = true;
        worker.dies();
      });
      return worker;
    },
    onStarted: () => undefined,
    onStartFailed: () => assert.fail('it had started'),
    say: () => undefined,
    now: () => 0,
    schedule: (_delay, run) => {
      timers.push(run);
      return { cancel: () => undefined };
    },
  });
  return Promise.resolve().then(() => {
    timers.shift()!(); // the fork throws
    assert.equal(forked.length, 1);
    timers.shift()!(); // tried again
    assert.equal(forked.length, 2);
  });
});
