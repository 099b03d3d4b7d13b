/**
 * The scaling chart: a line for each group (the child, family, network, professionals) through
 * their average score on each occasion, 0 to 10 up the side, time along the bottom. Drawn on
 * the server as SVG, so it works without JavaScript, prints and downloads. Groups differ by
 * line style and marker shape as well as colour (WCAG 1.4.1), each point has a text label, and
 * the page gives the same figures as a table.
 */
import { escapeXml } from '../../platform/views/svg.js';
import type { ViewKind } from './schema.js';
import { formatScore, trendSentences, type ScalingSeries } from './scaling.js';

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 44;
const RIGHT = 130;
const TOP = 16;
const BOTTOM = 40;

const styles: Record<ViewKind, { colour: string; dash: string; marker: 'circle' | 'square' | 'triangle' | 'diamond' }> =
  {
    child: { colour: '#1d70b8', dash: '', marker: 'circle' },
    family: { colour: '#00703c', dash: '8 4', marker: 'square' },
    network: { colour: '#6f4eab', dash: '2 4', marker: 'triangle' },
    professional: { colour: '#0b0c0c', dash: '12 4 2 4', marker: 'diamond' },
  };

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
const round = (value: number) => Math.round(value * 10) / 10;
const shortMonthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthYear = (isoDate: string) => shortMonthYear.format(new Date(`${isoDate}T00:00:00Z`));

function marker(kind: ViewKind, x: number, y: number): string {
  const { colour, marker: shape } = styles[kind];
  switch (shape) {
    case 'circle':
      return `<circle cx="${x}" cy="${y}" r="5" fill="${colour}"/>`;
    case 'square':
      return `<rect x="${round(x - 4.5)}" y="${round(y - 4.5)}" width="9" height="9" fill="${colour}"/>`;
    case 'triangle':
      return `<path d="M${x} ${round(y - 6)}L${round(x + 6)} ${round(y + 4.5)}L${round(x - 6)} ${round(y + 4.5)}Z" fill="${colour}"/>`;
    case 'diamond':
      return `<path d="M${x} ${round(y - 6)}L${round(x + 6)} ${y}L${x} ${round(y + 6)}L${round(x - 6)} ${y}Z" fill="${colour}"/>`;
  }
}

export function renderScalingChart(series: readonly ScalingSeries[], childName: string, idPrefix = 'scaling'): string {
  const dates = [...new Set(series.flatMap((line) => line.points.map((point) => point.scoredOn)))].sort();
  const title = `Scaling for ${childName} over time`;
  const description =
    dates.length === 0
      ? 'No scores recorded yet.'
      : `${trendSentences(series).join(' ')} 0 means the most worried, 10 means safe enough.`;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const first = dates.length ? dayNumber(dates[0]!) : 0;
  const span = dates.length > 1 ? dayNumber(dates[dates.length - 1]!) - first : 0;
  const xOf = (isoDate: string) =>
    round(LEFT + (span === 0 ? plotWidth / 2 : ((dayNumber(isoDate) - first) / span) * plotWidth));
  const yOf = (score: number) => round(TOP + plotHeight - (score / 10) * plotHeight);

  const grid = [0, 2, 4, 6, 8, 10]
    .map(
      (score) =>
        `<line x1="${LEFT}" y1="${yOf(score)}" x2="${LEFT + plotWidth}" y2="${yOf(score)}" stroke="#b1b4b6" stroke-width="1"/>` +
        `<text x="${LEFT - 8}" y="${yOf(score) + 4}" text-anchor="end" font-size="12" fill="#0b0c0c">${score}</text>`,
    )
    .join('');
  const dateLabels = dates
    .map((isoDate, index) =>
      // Label the first, the last, and any in between with room to spare.
      index === 0 || index === dates.length - 1 || dates.length <= 6
        ? `<text x="${xOf(isoDate)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="12" fill="#0b0c0c">${escapeXml(monthYear(isoDate))}</text>`
        : '',
    )
    .join('');
  const lines = series
    .map((line) => {
      const style = styles[line.group];
      const points = line.points.map((point) => `${xOf(point.scoredOn)},${yOf(point.score)}`).join(' ');
      const path =
        line.points.length > 1
          ? `<polyline points="${points}" fill="none" stroke="${style.colour}" stroke-width="3"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`
          : '';
      const markers = line.points
        .map(
          (point) =>
            `<g class="app-scaling-chart__point"><title>${escapeXml(`${line.name}, ${monthYear(point.scoredOn)}: ${formatScore(point.score)}`)}</title>${marker(line.group, xOf(point.scoredOn), yOf(point.score))}</g>`,
        )
        .join('');
      return `<g class="app-scaling-chart__line app-scaling-chart__line--${line.group}">${path}${markers}</g>`;
    })
    .join('');
  const legend = series
    .map((line, index) => {
      const style = styles[line.group];
      const y = TOP + 14 + index * 24;
      const x = WIDTH - RIGHT + 14;
      return (
        `<line x1="${x}" y1="${y}" x2="${x + 26}" y2="${y}" stroke="${style.colour}" stroke-width="3"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>` +
        marker(line.group, x + 13, y) +
        `<text x="${x + 34}" y="${y + 4}" font-size="12" fill="#0b0c0c">${escapeXml(line.name)}</text>`
      );
    })
    .join('');
  const axes =
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + plotHeight}" stroke="#0b0c0c"/>` +
    `<line x1="${LEFT}" y1="${TOP + plotHeight}" x2="${LEFT + plotWidth}" y2="${TOP + plotHeight}" stroke="#0b0c0c"/>`;
  return (
    `<svg class="app-scaling-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="&quot;GDS Transport&quot;, arial, sans-serif" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" focusable="false">` +
    `<title id="${idPrefix}-title">${escapeXml(title)}</title><desc id="${idPrefix}-desc">${escapeXml(description)}</desc>` +
    grid +
    axes +
    dateLabels +
    lines +
    legend +
    `</svg>`
  );
}
