import assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkGrowth, renderGrowthSvg, type TieVersion } from './growth.js';

const version = (id: string, recordedAt: string, extra: Partial<TieVersion> = {}): TieVersion => ({
  relationshipId: id,
  recordedAt: new Date(recordedAt),
  fromPersonId: id,
  toPersonId: 'mia',
  safetyNetworkRole: null,
  lifelongConnection: false,
  endedOn: null,
  ...extra,
});

test('counts the safety network and lifelong connections at the end of each month, from the kept versions', () => {
  const points = networkGrowth(
    'mia',
    [
      version('nan', '2026-01-10T10:00:00Z', { safetyNetworkRole: 'Wednesday tea', lifelongConnection: true }),
      version('jess', '2026-02-03T10:00:00Z', { safetyNetworkRole: 'Holidays' }),
      version('jess', '2026-03-20T10:00:00Z', { safetyNetworkRole: 'Holidays', lifelongConnection: true }),
      version('coach', '2026-03-01T10:00:00Z', { safetyNetworkRole: 'Saturdays', endedOn: '2026-03-15' }),
      version('other', '2026-01-01T10:00:00Z', { fromPersonId: 'sarah', toPersonId: 'pat', safetyNetworkRole: 'x' }),
    ],
    new Date('2026-04-15T00:00:00Z'),
  );
  assert.deepEqual(points, [
    { month: '2026-01', safetyNetwork: 1, lifelongConnections: 1 },
    { month: '2026-02', safetyNetwork: 2, lifelongConnections: 1 },
    { month: '2026-03', safetyNetwork: 2, lifelongConnections: 2 },
    { month: '2026-04', safetyNetwork: 2, lifelongConnections: 2 },
  ]);
});

test('no ties, no points; the chart still draws and says so', () => {
  assert.deepEqual(networkGrowth('mia', [], new Date()), []);
  assert.match(renderGrowthSvg([], 'Mia'), /Nothing recorded yet/);
});

test('the chart describes the change in words', () => {
  const svg = renderGrowthSvg(
    [
      { month: '2026-01', safetyNetwork: 1, lifelongConnections: 1 },
      { month: '2026-04', safetyNetwork: 4, lifelongConnections: 2 },
    ],
    'Mia',
  );
  assert.match(svg, /the safety network went from 1 to 4 people and lifelong connections from 1 to 2/);
});
