import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorSummaryOf, parseHtml, textOf, textsOf } from './html.js';

const page = `<!doctype html><html><body>
  <h1 class="govuk-heading-l">Mia&rsquo;s   plans</h1>
  <div class="govuk-error-summary"><ul class="govuk-error-summary__list">
    <li><a href="#goal">Enter the goal in the family&#39;s words</a></li>
    <li><a href="#due">Enter a real date</a></li>
  </ul></div>
  <a class="govuk-link" href="/children/1/plans/2?notice=saved&amp;x=1">Open</a>
</body></html>`;

test('reads headings and links as a person would, entities decoded and spaces folded', () => {
  const root = parseHtml(page);
  assert.equal(textOf(root, 'h1'), 'Mia’s plans');
  assert.equal(root.querySelector('a.govuk-link')?.getAttribute('href'), '/children/1/plans/2?notice=saved&x=1');
  assert.deepEqual(textsOf(page, 'li a'), ["Enter the goal in the family's words", 'Enter a real date']);
  assert.equal(textOf(page, 'h2'), null);
});

test('the error summary lists each message in order', () => {
  assert.deepEqual(errorSummaryOf(page), ["Enter the goal in the family's words", 'Enter a real date']);
  assert.deepEqual(errorSummaryOf('<p>No errors</p>'), []);
});
