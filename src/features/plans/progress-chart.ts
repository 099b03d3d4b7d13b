/**
 * A small chart of one goal's scores over reviews, drawn on the server as SVG (works without
 * JavaScript, prints, and is described in words for screen readers; the table beside it holds
 * every number). Pure: from the progress to a string, every text escaped.
 */
import { dateInWords, type GoalProgress } from './plan-rules.js';

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const WIDTH = 360;
const HEIGHT = 180;
const LEFT = 56;
const RIGHT = 40;
const TOP = 12;
const BOTTOM = 36;

/** What the chart shows, in a sentence: the text alternative. */
export function describeProgress(progress: GoalProgress): string {
  const scored = progress.points.filter((point) => point.average !== null);
  if (scored.length === 0) return `No scores yet for “${progress.goalInFamilyWords}”.`;
  const parts = scored.map((point) => `${point.average} out of 10 on ${dateInWords(point.heldOn)}`);
  return `Average scores for “${progress.goalInFamilyWords}”: ${parts.join(', ')}.`;
}

export function renderProgressChart(progress: GoalProgress, id: string): string {
  const safeId = id.replace(/[^a-zA-Z0-9_-]/g, '');
  const points = progress.points;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) => LEFT + (points.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (points.length - 1));
  const y = (score: number) => TOP + plotHeight - (score * plotHeight) / 10;
  const gridLines = [0, 5, 10]
    .map(
      (score) =>
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(score)}" y2="${y(score)}" stroke="#b1b4b6" stroke-width="1"/>` +
        `<text x="${LEFT - 8}" y="${y(score) + 4}" text-anchor="end" font-size="12" fill="#0b0c0c">${score}</text>`,
    )
    .join('');
  const scored = points.map((point, index) => ({ point, index })).filter(({ point }) => point.average !== null);
  const line =
    scored.length > 1
      ? `<polyline fill="none" stroke="#1d70b8" stroke-width="3" points="${scored
          .map(({ point, index }) => `${x(index)},${y(point.average!)}`)
          .join(' ')}"/>`
      : '';
  const dots = scored
    .map(
      ({ point, index }) =>
        `<circle cx="${x(index)}" cy="${y(point.average!)}" r="5" fill="#1d70b8"><title>${escapeXml(
          `${point.average} out of 10 on ${dateInWords(point.heldOn)}`,
        )}</title></circle>`,
    )
    .join('');
  const labels = points
    .map(
      (point, index) =>
        `<text x="${x(index)}" y="${HEIGHT - 12}" text-anchor="middle" font-size="12" fill="#0b0c0c">${escapeXml(
          shortDate.format(new Date(`${point.heldOn}T12:00:00Z`)),
        )}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${safeId}-title ${safeId}-desc" class="app-progress-chart">` +
    `<title id="${safeId}-title">${escapeXml(`Progress on “${progress.goalInFamilyWords}”`)}</title>` +
    `<desc id="${safeId}-desc">${escapeXml(describeProgress(progress))}</desc>` +
    gridLines +
    line +
    dots +
    labels +
    `</svg>`
  );
}
