import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childRecordNavigation, childRecordSections } from './child-record-navigation.js';

const declared = [
  { id: 'plans', text: 'Plans', order: 70, path: '/plans' },
  { id: 'network', text: 'Their world', order: 10, path: '' },
  { id: 'visits', text: 'Visits', order: 30, path: '/visits' },
] as const;

test("a record's sections come from the manifests, in their order, with the page's own marked", () => {
  const draw = childRecordSections(declared);
  assert.deepEqual(draw(childRecordNavigation('c-1', 'visits')), [
    { text: 'Their world', href: '/children/c-1', active: false },
    { text: 'Visits', href: '/children/c-1/visits', active: true },
    { text: 'Plans', href: '/children/c-1/plans', active: false },
  ]);
});

test('a page that is not a section marks none, and a page outside a record draws none', () => {
  const draw = childRecordSections(declared);
  assert.equal(
    draw(childRecordNavigation('c-1', 'allocation')).some((item) => item.active),
    false,
  );
  assert.deepEqual(draw(undefined), []);
});

test("the child's id is encoded into every link", () => {
  const [first] = childRecordSections(declared)(childRecordNavigation('a/b?c', 'network'));
  assert.equal(first?.href, '/children/a%2Fb%3Fc');
});

test('two features declaring one id or one place is found when the app is built', () => {
  assert.throws(
    () => childRecordSections([...declared, { id: 'plans', text: 'Plans again', order: 75, path: '/p' }]),
    /share/,
  );
  assert.throws(
    () => childRecordSections([...declared, { id: 'other', text: 'Other', order: 30, path: '/o' }]),
    /share/,
  );
});
