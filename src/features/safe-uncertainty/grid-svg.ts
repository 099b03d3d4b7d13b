/**
 * The grid drawn on the server as SVG: four parts (safe or unsafe, certain or uncertain), the
 * part we aim for shaded and named, each recorded position a numbered point joined in date
 * order, and the latest ringed and marked "Now". Numbers match the table beside it, which is
 * the text alternative. Pure and deterministic; works without JavaScript and prints.
 */
import { GOAL, axesOf, inOrder, shortPositionNames, type DatedPosition, type GridPosition } from './grid.js';

export const GRID_WIDTH = 640;
export const GRID_HEIGHT = 460;
const LEFT = 70;
const TOP = 40;
const CELL_WIDTH = (GRID_WIDTH - LEFT - 20) / 2;
const CELL_HEIGHT = (GRID_HEIGHT - TOP - 50) / 2;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The top-left corner of a part of the grid: safe above, unsafe below; certain left, uncertain right. */
export function cellOf(position: GridPosition): { x: number; y: number } {
  const { safety, certainty } = axesOf[position];
  return {
    x: LEFT + (certainty === 'certain' ? 0 : CELL_WIDTH),
    y: TOP + (safety === 'safe' ? 0 : CELL_HEIGHT),
  };
}

export interface PlacedPoint {
  number: number;
  position: GridPosition;
  assessedOn: string;
  x: number;
  y: number;
  isCurrent: boolean;
}

/**
 * Where each position is drawn. Several in one part of the grid are spread across it in date
 * order, a little up and down, so none hides another and the path between them stays visible.
 */
export function placePoints(positions: readonly DatedPosition[]): PlacedPoint[] {
  const ordered = inOrder(positions);
  const perCell = new Map<GridPosition, number>();
  for (const entry of ordered) perCell.set(entry.position, (perCell.get(entry.position) ?? 0) + 1);
  const seen = new Map<GridPosition, number>();
  return ordered.map((entry, index) => {
    const count = perCell.get(entry.position)!;
    const nth = seen.get(entry.position) ?? 0;
    seen.set(entry.position, nth + 1);
    const cell = cellOf(entry.position);
    const x = cell.x + ((nth + 1) * CELL_WIDTH) / (count + 1);
    const wobble = count === 1 ? 0 : nth % 2 === 0 ? -20 : 20;
    const y = cell.y + CELL_HEIGHT / 2 + 25 + wobble;
    return {
      number: index + 1,
      position: entry.position,
      assessedOn: entry.assessedOn,
      x: Math.round(x),
      y: Math.round(y),
      isCurrent: index === ordered.length - 1,
    };
  });
}

export function renderGridSvg(
  positions: readonly DatedPosition[],
  options: { childName: string; describe: (point: PlacedPoint) => string },
): string {
  const points = placePoints(positions);
  const current = points.at(-1);
  const title = `Where the work with ${options.childName} stands on the safe uncertainty grid`;
  const description =
    points.length === 0
      ? 'No position has been recorded yet.'
      : `${points.length} position${points.length === 1 ? '' : 's'} recorded, oldest first: ${points
          .map((point) => `${point.number}, ${options.describe(point)}`)
          .join('; ')}. Now: ${shortPositionNames[current!.position]}.`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-grid" viewBox="0 0 ${GRID_WIDTH} ${GRID_HEIGHT}" role="img" aria-labelledby="su-grid-title su-grid-desc" font-family="GDS Transport, arial, sans-serif">`,
    `<title id="su-grid-title">${escape(title)}</title>`,
    `<desc id="su-grid-desc">${escape(description)}</desc>`,
    '<defs><marker id="su-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#505a5f"/></marker></defs>',
  );
  for (const position of ['safe_certainty', 'safe_uncertainty', 'unsafe_certainty', 'unsafe_uncertainty'] as const) {
    const cell = cellOf(position);
    const goal = position === GOAL;
    parts.push(
      `<g class="app-grid__cell${goal ? ' app-grid__cell--goal' : ''}">`,
      `<rect x="${cell.x}" y="${cell.y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}" fill="${goal ? '#cce2d8' : '#f3f2f1'}" stroke="#b1b4b6" stroke-width="2"/>`,
      `<text x="${cell.x + 12}" y="${cell.y + 26}" font-size="18" font-weight="700" fill="#0b0c0c">${escape(shortPositionNames[position])}</text>`,
      goal ? `<text x="${cell.x + 12}" y="${cell.y + 48}" font-size="15" fill="#0b0c0c">Where we aim to be</text>` : '',
      '</g>',
    );
  }
  // The axes, in words.
  const gridBottom = TOP + 2 * CELL_HEIGHT;
  parts.push(
    `<text x="${LEFT - 12}" y="${TOP + CELL_HEIGHT / 2}" font-size="16" font-weight="700" fill="#0b0c0c" text-anchor="end">Safe</text>`,
    `<text x="${LEFT - 12}" y="${TOP + CELL_HEIGHT * 1.5}" font-size="16" font-weight="700" fill="#0b0c0c" text-anchor="end">Unsafe</text>`,
    `<text x="${LEFT + CELL_WIDTH / 2}" y="${gridBottom + 30}" font-size="16" font-weight="700" fill="#0b0c0c" text-anchor="middle">Certain</text>`,
    `<text x="${LEFT + CELL_WIDTH * 1.5}" y="${gridBottom + 30}" font-size="16" font-weight="700" fill="#0b0c0c" text-anchor="middle">Uncertain</text>`,
  );
  // The path over time, then the points on top of it.
  if (points.length > 1) {
    for (let index = 1; index < points.length; index += 1) {
      const from = points[index - 1]!;
      const to = points[index]!;
      const length = Math.hypot(to.x - from.x, to.y - from.y);
      if (length === 0) continue;
      // Stop short of each circle, so the arrow head is seen.
      const trim = (radius: number) => radius / length;
      const start = trim(from.isCurrent ? 18 : 14);
      const end = trim(to.isCurrent ? 20 : 16);
      const x1 = from.x + (to.x - from.x) * start;
      const y1 = from.y + (to.y - from.y) * start;
      const x2 = to.x - (to.x - from.x) * end;
      const y2 = to.y - (to.y - from.y) * end;
      parts.push(
        `<line class="app-grid__step" x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#505a5f" stroke-width="2.5" stroke-dasharray="6 4" marker-end="url(#su-arrow)"/>`,
      );
    }
  }
  for (const point of points) {
    const radius = point.isCurrent ? 16 : 13;
    parts.push(
      `<g class="app-grid__point${point.isCurrent ? ' app-grid__point--current' : ''}">`,
      point.isCurrent
        ? `<circle cx="${point.x}" cy="${point.y}" r="${radius + 6}" fill="none" stroke="#0b0c0c" stroke-width="3"/>`
        : '',
      `<circle cx="${point.x}" cy="${point.y}" r="${radius}" fill="${point.isCurrent ? '#0b0c0c' : '#1d70b8'}"/>`,
      `<text x="${point.x}" y="${point.y + 5}" font-size="14" font-weight="700" fill="#ffffff" text-anchor="middle">${point.number}</text>`,
      point.isCurrent
        ? `<text x="${point.x}" y="${point.y - radius - 12}" font-size="15" font-weight="700" fill="#0b0c0c" text-anchor="middle">Now</text>`
        : '',
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.filter(Boolean).join('');
}
