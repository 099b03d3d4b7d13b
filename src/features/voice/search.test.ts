import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEARCH_PAGES, searchOrder, searchPage, searchPagination, searchTerms, snippetParts } from './search.js';

test('snippets become plain and marked parts', () => {
  assert.deepEqual(snippetParts('Mia said \u0002kite\u0003 today'), [
    { text: 'Mia said ', marked: false },
    { text: 'kite', marked: true },
    { text: ' today', marked: false },
  ]);
});

test('what was typed: trimmed, control characters gone, blank is nothing', () => {
  assert.equal(searchTerms('  kite\u0002 '), 'kite');
  assert.equal(searchTerms('   '), null);
  assert.equal(searchTerms(['kite']), null);
  assert.equal(searchOrder('best'), 'best');
  assert.equal(searchOrder('worst'), 'newest');
});

test('the page asked for: a whole number from 1, at most the last page there can be', () => {
  assert.equal(searchPage(undefined), 1);
  assert.equal(searchPage('3'), 3);
  assert.equal(searchPage('0'), 1);
  assert.equal(searchPage('-2'), 1);
  assert.equal(searchPage('2.5'), 1);
  assert.equal(searchPage('1e3'), 1);
  assert.equal(searchPage('9999'), SEARCH_PAGES);
});

test('one page of results needs no links between pages', () => {
  const pagination = searchPagination('/search', {
    terms: 'kite',
    order: 'newest',
    page: 1,
    total: 12,
    shownOnPage: 12,
  });
  assert.equal(pagination.showing, null);
  assert.deepEqual(pagination.items, []);
  assert.equal(pagination.previous, null);
  assert.equal(pagination.next, null);
  assert.equal(pagination.firstShown, 1);
});

test('pages of results link to each other, keeping the words and the order', () => {
  const pagination = searchPagination('/children/c1/search', {
    terms: 'grandma cake',
    order: 'best',
    page: 2,
    total: 45,
    shownOnPage: 20,
  });
  assert.equal(pagination.showing, 'Showing results 21 to 40');
  assert.equal(pagination.firstShown, 21);
  assert.equal(pagination.previous?.href, '/children/c1/search?q=grandma+cake&order=best');
  assert.equal(pagination.next?.href, '/children/c1/search?q=grandma+cake&order=best&page=3');
  assert.deepEqual(
    pagination.items.map((item) => [item.number, item.current]),
    [
      [1, false],
      [2, true],
      [3, false],
    ],
  );
  assert.equal(pagination.firstHref, '/children/c1/search?q=grandma+cake&order=best');
});

test('no more pages are linked than can be shown, however many matched', () => {
  const pagination = searchPagination('/search', {
    terms: 'garden',
    order: 'best',
    page: SEARCH_PAGES,
    total: 4_395,
    shownOnPage: 20,
  });
  assert.equal(pagination.items.length, SEARCH_PAGES);
  assert.equal(pagination.next, null);
  assert.equal(pagination.showing, `Showing results ${(SEARCH_PAGES - 1) * 20 + 1} to ${SEARCH_PAGES * 20}`);
});
