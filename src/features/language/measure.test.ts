import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureCheckLanguage, realisticNote } from './measure.js';

test('the measurement note is about 2,000 words of realistic recording', () => {
  const words = realisticNote(2000).split(/\s+/).length;
  assert.ok(words >= 2000 && words < 2100, `${words} words`);
});

test('checking a 2,000-word note is fast enough to run as someone types', (t) => {
  const result = measureCheckLanguage({ runs: 50 });
  t.diagnostic(`median ${result.medianMs} ms, 95th percentile ${result.p95Ms} ms for ${result.words} words`);
  assert.ok(result.findings > 10, 'the note has things to suggest');
  // The target is a median under 5 ms (about 1.5 ms here); the bound is looser because the
  // test may share a busy machine, and a slow run should not hide a real failure elsewhere.
  assert.ok(result.medianMs < 15, `median ${result.medianMs} ms`);
});
