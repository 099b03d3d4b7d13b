/**
 * `renderGovukTable` must write what the GOV.UK `govukTable` macro writes. Compared, apart from
 * whitespace between tags, with govuk-frontend's own fixtures for the table (their options and
 * the HTML they expect) and with the macro itself, rendered in Kith's view environment.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { createViewEnvironment } from './nunjucks.js';
import { govukTableHtml, type TableOptions } from './table.js';

const require = createRequire(import.meta.url);
const fixturesPath = require.resolve('govuk-frontend/dist/govuk/components/table/fixtures.json');
const { fixtures } = JSON.parse(readFileSync(fixturesPath, 'utf8')) as {
  fixtures: { name: string; options: TableOptions; html: string }[];
};

const environment = createViewEnvironment({
  govukAssetPath: '/assets/govuk',
  url: (logicalName: string) => `/assets/${logicalName}`,
});
const macroPage = nunjucks.compile(
  '{% from "govuk/components/table/macro.njk" import govukTable %}{{ govukTable(options) }}',
  environment,
);
const functionPage = nunjucks.compile('{{ renderGovukTable(options) }}', environment);

/** Markup with the whitespace between and at the ends of tags taken out. */
const tight = (html: string): string => html.replace(/>\s+</g, '><').replace(/>\s+/g, '>').replace(/\s+</g, '<').trim();

test('govuk-frontend has table fixtures to compare with', () => {
  assert.ok(fixtures.length >= 20, `found ${fixtures.length}`);
});

for (const fixture of fixtures) {
  test(`the table fixture "${fixture.name}" renders as govuk-frontend expects, and as the macro does`, () => {
    const written = tight(govukTableHtml(fixture.options));
    assert.equal(written, tight(fixture.html));
    assert.equal(written, tight(macroPage.render({ options: fixture.options })));
  });
}

test('text is escaped, html is written as given, and the template global marks the table safe', () => {
  const options: TableOptions = {
    caption: 'Results <newest first>',
    head: [{ text: 'Who' }, { text: 'What' }],
    rows: [
      [
        { text: '<script>alert("Kai")</script>', attributes: { 'data-sort-value': '"7" & <8>' } },
        { html: '<strong class="govuk-tag">Allowed</strong>' },
      ],
      [{ text: 'Jo O’Neil & Sam' }, { text: 0 }],
    ],
    classes: 'app-audit-table',
    attributes: { 'aria-describedby': 'results-hint' },
  };
  const viaMacro = tight(macroPage.render({ options }));
  const viaFunction = tight(functionPage.render({ options }));
  assert.equal(viaFunction, viaMacro);
  assert.match(viaFunction, /&lt;script&gt;alert\(&quot;Kai&quot;\)&lt;\/script&gt;/);
  assert.match(viaFunction, /data-sort-value="&quot;7&quot; &amp; &lt;8&gt;"/);
  assert.match(viaFunction, /<td class="govuk-table__cell"><strong class="govuk-tag">Allowed<\/strong><\/td>/);
  assert.match(viaFunction, /<caption class="govuk-table__caption">Results &lt;newest first&gt;<\/caption>/);
  assert.doesNotMatch(viaFunction, /<script>/);
});

test('optional and safe attributes are written as govukAttributes writes them', () => {
  const options: TableOptions = {
    rows: [
      [
        {
          text: 'A',
          attributes: {
            hidden: { value: true, optional: true },
            'data-empty': { value: null, optional: true },
            'data-off': { value: false, optional: true },
            'data-no': false,
            'data-none': null,
            'data-safe': new nunjucks.runtime.SafeString('a&amp;b'),
          },
        },
        { text: 'B', attributes: new nunjucks.runtime.SafeString(' data-given="yes"') },
        { text: 'C', colspan: 2, rowspan: 0 },
      ],
    ],
  };
  assert.equal(tight(govukTableHtml(options)), tight(macroPage.render({ options })));
});
