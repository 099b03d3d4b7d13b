/**
 * How the child's safety network and lifelong connections have grown, month by month, read
 * from the kept versions of each relationship. Pure; the chart is a small accessible SVG with
 * the same figures in a table.
 */
import { escapeXml } from './ecomap.js';

export interface TieVersion {
  relationshipId: string;
  recordedAt: Date;
  fromPersonId: string;
  toPersonId: string;
  safetyNetworkRole: string | null;
  lifelongConnection: boolean;
  endedOn: string | null;
}

export interface GrowthPoint {
  month: string;
  safetyNetwork: number;
  lifelongConnections: number;
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

function nextMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/** One point per month from the first recorded tie to `now` (at most the last 36 months). */
export function networkGrowth(childId: string, versions: readonly TieVersion[], now: Date): GrowthPoint[] {
  const withChild = versions
    .filter((version) => version.fromPersonId === childId || version.toPersonId === childId)
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  if (withChild.length === 0) return [];
  const last = monthOf(now);
  let month = monthOf(withChild[0]!.recordedAt);
  const earliestShown = monthOf(new Date(Date.UTC(now.getUTCFullYear() - 3, now.getUTCMonth() + 1, 1)));
  if (month < earliestShown) month = earliestShown;
  const points: GrowthPoint[] = [];
  for (; month <= last; month = nextMonth(month)) {
    const endOfMonth = `${nextMonth(month)}-01`;
    const latest = new Map<string, TieVersion>();
    for (const version of withChild) {
      if (version.recordedAt.toISOString() < endOfMonth) latest.set(version.relationshipId, version);
    }
    const current = [...latest.values()].filter((version) => !version.endedOn || version.endedOn >= endOfMonth);
    points.push({
      month,
      safetyNetwork: current.filter((version) => version.safetyNetworkRole).length,
      lifelongConnections: current.filter((version) => version.lifelongConnection).length,
    });
  }
  return points;
}

const shortMonthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthName = (month: string) => shortMonthYear.format(new Date(`${month}-01T00:00:00Z`));

export function renderGrowthSvg(points: readonly GrowthPoint[], childName: string): string {
  const width = 320;
  const height = 150;
  const left = 30;
  const bottom = height - 28;
  const top = 12;
  const highest = Math.max(3, ...points.flatMap((point) => [point.safetyNetwork, point.lifelongConnections]));
  const x = (index: number) => left + (points.length <= 1 ? 0 : (index * (width - left - 12)) / (points.length - 1));
  const y = (value: number) => bottom - ((bottom - top) * value) / highest;
  const line = (values: number[]) =>
    values.map((value, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const latest = points.at(-1);
  const description = latest
    ? `From ${monthName(points[0]!.month)} to ${monthName(latest.month)}, the safety network went from ${points[0]!.safetyNetwork} to ${latest.safetyNetwork} people and lifelong connections from ${points[0]!.lifelongConnections} to ${latest.lifelongConnections}.`
    : 'Nothing recorded yet.';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="growth-title growth-desc" class="app-growth-chart" font-family="Arial, sans-serif">` +
    `<title id="growth-title">${escapeXml(`How ${childName}’s network has grown`)}</title><desc id="growth-desc">${escapeXml(description)}</desc>` +
    `<line x1="${left}" y1="${bottom}" x2="${width - 8}" y2="${bottom}" stroke="#505a5f"/>` +
    `<text x="${left - 6}" y="${y(highest) + 4}" text-anchor="end" font-size="11" fill="#0b0c0c">${highest}</text>` +
    `<text x="${left - 6}" y="${bottom + 4}" text-anchor="end" font-size="11" fill="#0b0c0c">0</text>` +
    (points.length
      ? `<text x="${left}" y="${height - 8}" font-size="11" fill="#0b0c0c">${escapeXml(monthName(points[0]!.month))}</text>` +
        `<text x="${width - 8}" y="${height - 8}" text-anchor="end" font-size="11" fill="#0b0c0c">${escapeXml(monthName(latest!.month))}</text>` +
        `<path d="${line(points.map((point) => point.safetyNetwork))}" fill="none" stroke="#1d70b8" stroke-width="3"/>` +
        `<path d="${line(points.map((point) => point.lifelongConnections))}" fill="none" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="6 4"/>`
      : '') +
    `</svg>`
  );
}

export { monthName };
