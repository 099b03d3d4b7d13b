import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareWords } from '../changes.js';
import { presentWhen, summarySections, wordChangesHtml } from './content.js';
import { emptyContent } from '../sections.js';

test('what changed is built as HTML with every typed word escaped', () => {
  const html = wordChangesHtml(compareWords('Mia <b>is</b> fine', 'Mia <script>alert(1)</script> is fine'));
  assert.doesNotMatch(html, /<script>|<b>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /<ins><span class="govuk-visually-hidden">\[added: <\/span>/);
  assert.match(html, /<del><span class="govuk-visually-hidden">\[taken out: <\/span>&lt;b&gt;is&lt;\/b&gt;/);
});

test('summary values keep line breaks, escape what was typed, and say when nothing is recorded', () => {
  const [development] = summarySections(
    { ...emptyContent(), developmentStrengths: '1. Reads well\n2. <img src=x onerror=alert(1)>' },
    'Mia',
    null,
  );
  assert.equal(development!.changeHref, null);
  const strengths = development!.rows[0]!.value.html;
  assert.equal(
    strengths,
    '<span class="app-preserve-lines">1. Reads well\n2. &lt;img src=x onerror=alert(1)&gt;</span>',
  );
  assert.match(development!.rows[1]!.value.html, /Not recorded yet/);
  assert.equal(development!.rows[2]!.key.text, 'Mia’s view');
});

test('times are written the GOV.UK way, in UK time', () => {
  assert.equal(presentWhen(new Date('2026-12-02T05:55:00Z')), '2 December 2026 at 5:55am');
  assert.equal(presentWhen(new Date('2026-07-02T13:05:00Z')), '2 July 2026 at 2:05pm', 'British Summer Time');
  assert.equal(presentWhen(null), '');
  assert.equal(
    presentWhen(new Date('2026-11-23T12:30:00Z')),
    '23 November 2026 at 12:30pm',
    'the hour after midday is 12',
  );
  assert.equal(
    presentWhen(new Date('2026-11-23T00:15:00Z')),
    '23 November 2026 at 12:15am',
    'the hour after midnight is 12',
  );
  assert.equal(presentWhen(new Date('2026-11-23T12:00:00Z')), '23 November 2026 at midday');
  assert.equal(presentWhen(new Date('2026-11-23T00:00:00Z')), '23 November 2026 at midnight');
});
