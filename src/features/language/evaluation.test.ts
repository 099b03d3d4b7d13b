/**
 * Accuracy on the evaluation set: realistic sentences from case records, a third of them
 * clean with near misses ("contact details", "work placement", the child's quoted words,
 * negations). A finding is right when the sentence was labelled with its entry.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkLanguage } from './companion.js';
import type { Audience } from './glossary.js';

interface Labelled {
  text: string;
  audience?: Audience;
  expected: string[];
}

const evaluationSet = JSON.parse(readFileSync(new URL('./evaluation-set.json', import.meta.url), 'utf8')) as Labelled[];

export function score(set: readonly Labelled[]) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mistakes: string[] = [];
  for (const sentence of set) {
    const found = new Set(
      checkLanguage(sentence.text, { audience: sentence.audience ?? 'professional' })
        .findings.filter((finding) => finding.kind === 'label-or-blame')
        .map((finding) => finding.entryId),
    );
    for (const id of found) {
      if (sentence.expected.includes(id)) truePositives += 1;
      else {
        falsePositives += 1;
        mistakes.push(`unexpected ${id}: ${sentence.text}`);
      }
    }
    for (const id of sentence.expected) {
      if (!found.has(id)) {
        falseNegatives += 1;
        mistakes.push(`missed ${id}: ${sentence.text}`);
      }
    }
  }
  return {
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    mistakes,
  };
}

test('the evaluation set is big enough and a third of it is clean', () => {
  assert.ok(evaluationSet.length >= 150, `${evaluationSet.length} sentences`);
  assert.ok(evaluationSet.filter((sentence) => sentence.expected.length === 0).length >= evaluationSet.length / 3);
});

test('precision at least 0.95 and recall at least 0.9 on the evaluation set', (t) => {
  const { precision, recall, mistakes } = score(evaluationSet);
  t.diagnostic(`precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} on ${evaluationSet.length} sentences`);
  for (const mistake of mistakes) t.diagnostic(mistake);
  assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`);
  assert.ok(recall >= 0.9, `recall ${recall.toFixed(3)}`);
});
