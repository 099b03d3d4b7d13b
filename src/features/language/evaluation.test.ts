/**
 * Accuracy on the evaluation set (evaluation-set.ts): realistic sentences from case records,
 * over a third of them clean near misses. A suggestion is right when a label has the same
 * entry and the words overlap; each label can be matched once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLanguage } from './companion.js';
import { evaluationSet, type LabelledSentence } from './evaluation-set.js';

export function score(set: readonly LabelledSentence[]) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mistakes: string[] = [];
  for (const sentence of set) {
    const labels = sentence.expected.map((label) => {
      const start = sentence.text.indexOf(label.words);
      assert.ok(start >= 0, `label words “${label.words}” are not in “${sentence.text}”`);
      return { ...label, start, end: start + label.words.length, used: false };
    });
    const findings = checkLanguage(sentence.text, { audience: sentence.audience }).findings.filter(
      (finding) => !finding.entryId.includes('-') && finding.entryId !== 'initials',
    );
    for (const finding of findings) {
      const label = labels.find(
        (candidate) =>
          !candidate.used &&
          candidate.entryId === finding.entryId &&
          candidate.start < finding.end &&
          finding.start < candidate.end,
      );
      if (label) {
        label.used = true;
        truePositives += 1;
      } else {
        falsePositives += 1;
        mistakes.push(`unexpected ${finding.entryId} “${finding.matched}”: ${sentence.text}`);
      }
    }
    for (const label of labels.filter((candidate) => !candidate.used)) {
      falseNegatives += 1;
      mistakes.push(`missed ${label.entryId} “${label.words}”: ${sentence.text}`);
    }
  }
  return {
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
    mistakes,
  };
}

test('the evaluation set is big enough, over a third of it clean, and every entry id is real', () => {
  assert.ok(evaluationSet.length >= 150, `${evaluationSet.length} sentences`);
  const clean = evaluationSet.filter((sentence) => sentence.expected.length === 0).length;
  assert.ok(clean >= evaluationSet.length / 3, `${clean} clean of ${evaluationSet.length}`);
  assert.equal(new Set(evaluationSet.map((sentence) => sentence.text)).size, evaluationSet.length, 'no repeats');
  for (const sentence of evaluationSet) {
    for (const label of sentence.expected) assert.match(label.entryId, /^G\d\d$/);
  }
});

test('precision at least 0.95 and recall at least 0.9 on the evaluation set', (t) => {
  const result = score(evaluationSet);
  const clean = evaluationSet.filter((sentence) => sentence.expected.length === 0).length;
  t.diagnostic(
    `precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} ` +
      `(${result.truePositives} right, ${result.falsePositives} unexpected, ${result.falseNegatives} missed) ` +
      `on ${evaluationSet.length} sentences, ${clean} of them clean`,
  );
  for (const mistake of result.mistakes) t.diagnostic(mistake);
  assert.ok(result.precision >= 0.95, `precision ${result.precision.toFixed(3)}`);
  assert.ok(result.recall >= 0.9, `recall ${result.recall.toFixed(3)}`);
});
