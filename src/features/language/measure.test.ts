import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureCheckLanguage, realisticNote } from './measure.js';

test('the measurement note is about 2,000 words of realistic recording', () => {
  const words = realisticNote(2000).split(/\s+/).length;
  assert.ok(words >= 2000 && words < 2100, `${words} words`);
});

// How fast the check is belongs to `npm run bench:language` (target: median under 5 ms);
// here only that the measurement measures something worth timing.
test('the measurement times the companion on a note with things to suggest', () => {
  const result = measureCheckLanguage({ runs: 5, words: 500 });
  assert.equal(result.runs, 5);
  assert.ok(result.words >= 500 && result.words < 600, `${result.words} words`);
  assert.ok(result.findings > 3, `${result.findings} suggestions`);
  assert.ok(Number.isFinite(result.medianMs) && result.medianMs > 0, `median ${result.medianMs} ms`);
  assert.ok(result.p95Ms >= result.medianMs, `p95 ${result.p95Ms} ms, median ${result.medianMs} ms`);
});
