import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { path, queryString } from './path.js';

describe('paths written once', () => {
  test('the pattern is the one given, and the link fills each parameter', () => {
    const plan = path('/children/:childId/plans/:planId');
    assert.equal(plan.pattern, '/children/:childId/plans/:planId');
    assert.equal(plan.href({ childId: 'c1', planId: 'p2' }), '/children/c1/plans/p2');
  });
  test('each part is encoded, so a value cannot reach another path', () => {
    const child = path('/children/:childId');
    assert.equal(child.href({ childId: '../admin?x=1' }), '/children/..%2Fadmin%3Fx%3D1');
  });
  test('a query string leaves out missing values and encodes the rest', () => {
    const page = path('/search');
    assert.equal(page.href({}, { q: 'nan pat', page: 2, order: undefined, kind: null }), '/search?q=nan+pat&page=2');
    assert.equal(queryString({}), '');
    assert.equal(queryString(undefined), '');
  });
  test('a parameter missing at run time is a programming error, not a broken link', () => {
    const child = path('/children/:childId');
    assert.throws(() => child.href({} as { childId: string }), /needs a value for :childId/);
  });
});
