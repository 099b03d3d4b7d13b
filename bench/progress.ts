/**
 * A progress bar on stderr: rows done, rows per second and time left. Redrawn at most four
 * times a second on a terminal (redrawing on every batch would cost more than the batch);
 * when stderr is a file or a pipe, one plain line every five seconds instead.
 */
const REDRAW_MS = 250;
const LOG_LINE_MS = 5_000;
const BAR_WIDTH = 28;

const number = new Intl.NumberFormat('en-GB');

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole}s`;
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

export interface Progress {
  /** Adds finished rows; `stage` names what is being written now. */
  advance(rows: number, stage?: string): void;
  /** Draws the final state and moves to a new line. */
  finish(): void;
  readonly done: number;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const startedAt = performance.now();
  let done = 0;
  let stage = '';
  let lastDrawn = 0;
  const interactive = stream.isTTY;

  const line = () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(fraction * BAR_WIDTH);
    const left = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
    return (
      `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${number.format(done)}/${number.format(total)} rows · ${number.format(Math.round(rate))} rows/s · ` +
      `${formatDuration(left)} left${stage ? ` · ${stage}` : ''}`
    );
  };
  const draw = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastDrawn < (interactive ? REDRAW_MS : LOG_LINE_MS)) return;
    lastDrawn = now;
    if (interactive) stream.write(`\r${line()}\x1b[K`);
    else stream.write(`${line()}\n`);
  };

  return {
    advance(rows, nextStage) {
      done += rows;
      if (nextStage !== undefined) stage = nextStage;
      draw(false);
    },
    finish() {
      stage = '';
      draw(true);
      if (interactive) stream.write('\n');
    },
    get done() {
      return done;
    },
  };
}
