/**
 * The view environment keeps each template's imported macros after the first render. These
 * check that what a page shows still depends only on that page's own values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { createViewEnvironment } from './nunjucks.js';
import type { AssetManifest } from '../assets/manifest.js';

const manifest: AssetManifest = {
  govukAssetPath: '/assets/govuk',
  url: (logicalName: string) => `/assets/${logicalName}`,
};

const navigationPage = `{% from "govuk/components/service-navigation/macro.njk" import govukServiceNavigation %}
{{ govukServiceNavigation({ serviceName: serviceName, serviceUrl: "/", navigation: navigation, navigationLabel: "Menu" }) }}`;

const tagPage = `{% from "govuk/components/tag/macro.njk" import govukTag %}{{ govukTag({ text: text, classes: classes }) }}`;

test('a page rendered again with other values shows only the new values', () => {
  const environment = createViewEnvironment(manifest);
  const page = nunjucks.compile(navigationPage, environment);
  const first = page.render({ navigation: [{ text: 'Children you work with', href: '/caseload', active: true }] });
  const second = page.render({ navigation: [{ text: 'Audit log', href: '/audit' }] });
  assert.match(first, /Children you work with/);
  assert.match(first, /aria-current="true"/);
  assert.doesNotMatch(second, /Children you work with/);
  assert.doesNotMatch(second, /aria-current/);
  assert.match(second, /href="\/audit"/);
  // The first page once more gives exactly what it gave.
  assert.equal(
    page.render({ navigation: [{ text: 'Children you work with', href: '/caseload', active: true }] }),
    first,
  );
});

test('two pages importing the same macros, rendered in turn, each get their own output', () => {
  const environment = createViewEnvironment(manifest);
  const tags = nunjucks.compile(tagPage, environment);
  const navigation = nunjucks.compile(navigationPage, environment);
  const outputs = ['Agreed', 'Overdue', 'Shared with family'].map((text, index) => ({
    tag: tags.render({ text, classes: `govuk-tag--${index}` }),
    navigation: navigation.render({ navigation: [{ text: `Item ${index}`, href: `/item/${index}` }] }),
  }));
  outputs.forEach((output, index) => {
    assert.match(output.tag, new RegExp(`govuk-tag--${index}`));
    assert.equal((output.tag.match(/govuk-tag--\d/g) ?? []).length, 1);
    assert.match(output.navigation, new RegExp(`>\\s*Item ${index}\\s*<`));
    assert.equal((output.navigation.match(/Item \d/g) ?? []).length, 1);
  });
});

test('text passed to a kept macro is still escaped', () => {
  const environment = createViewEnvironment(manifest);
  const tags = nunjucks.compile(tagPage, environment);
  tags.render({ text: 'first' });
  const html = tags.render({ text: '<script>alert(1)</script>' });
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;/);
});

test('variables set in loops, conditions and macros land where Nunjucks puts them', () => {
  const environment = createViewEnvironment(manifest);
  const rendered = (template: string) => nunjucks.compile(template, environment).render({});
  // Each expected text is what Nunjucks 3.2.4 renders without Kith's changes.
  assert.equal(rendered('{% set x = "outer" %}{% for i in [1, 2] %}{% set x = i %}{{ x }}{% endfor %}{{ x }}'), '122');
  assert.equal(
    rendered(
      '{% for row in [[1, 2], [3]] %}{% for cell in row %}{{ loop.index }}/{{ loop.length }}{{ "f" if loop.first }}{{ "l" if loop.last }} {% endfor %}|{{ loop.index0 }}{{ loop.revindex }}{% endfor %}',
    ),
    '1/2f 2/2l |021/1fl |11',
  );
  assert.equal(
    rendered(
      '{% macro m(a) %}{% set b = a + 1 %}{% if b > 1 %}{% set b = b * 10 %}{% endif %}{{ b }}{% endmacro %}{{ m(1) }}{{ m(0) }}{% if b %}leak{% endif %}',
    ),
    '201',
  );
  assert.equal(
    rendered(
      '{% set y = 1 %}{% if true %}{% set y = 2 %}{% endif %}{{ y }}{% for k, v in {a: 1, b: 2} %}{{ k }}{{ v }}{{ loop.index }}{% endfor %}',
    ),
    '2a11b22',
  );
  assert.equal(
    rendered('{% set block %}captured {{ 3 }}{% endset %}{{ block }}{% for i in [] %}x{% else %}empty{% endfor %}'),
    'captured 3empty',
  );
});
