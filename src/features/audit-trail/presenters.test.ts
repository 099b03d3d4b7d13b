import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuditCatalogue } from '../../platform/audit/catalogue.js';
import type { AuditEntry } from '../../platform/audit/audit-log.js';
import { actionFilterItems, presentAuditRows } from './presenters.js';

/** The names these tests expect, as the features declare them in their audit-actions.ts. */
const catalogue = new AuditCatalogue([
  {
    'assessment.signed_off': 'Signed off an assessment of need',
    'mapping.entry_changed': 'Changed or moved a mapping entry',
  },
]);

test('every action reads in plain words, named or not', () => {
  assert.equal(catalogue.describe('child_record.view'), 'Opened the child’s record');
  assert.equal(catalogue.describe('assessment.signed_off'), 'Signed off an assessment of need');
  assert.equal(catalogue.describe('mapping.entry_changed'), 'Changed or moved a mapping entry');
  assert.equal(
    catalogue.describe('visit.draft_saved'),
    'Visit: draft saved',
    'a new feature’s action still reads as words',
  );
  assert.equal(catalogue.describe('upload'), 'Upload');
});

test('the search offers every action in the catalogue by its readable name, after "Anything"', () => {
  const items = actionFilterItems(catalogue);
  assert.deepEqual(items[0], { value: '', text: 'Anything' });
  assert.deepEqual(
    items.find((item) => item.value === 'assessment.signed_off'),
    { value: 'assessment.signed_off', text: 'Signed off an assessment of need' },
  );
  assert.equal(items.length, 1 + catalogue.entries().length);
  const names = items.slice(1).map((item) => item.text);
  assert.deepEqual(
    names,
    [...names].sort((one, other) => one.localeCompare(other, 'en-GB')),
  );
});

test('each entry’s “What” reads from the catalogue', () => {
  const entry = {
    sequence: 7,
    occurredAt: new Date('2026-11-23T09:05:07Z'),
    actorLabel: 'Sam Brook (practitioner)',
    action: 'assessment.signed_off',
    outcome: 'allowed',
    reason: null,
    details: {},
    sourceIp: null,
  } as unknown as AuditEntry;
  const [row] = presentAuditRows([entry, { ...entry, action: 'visit.draft_saved' }], catalogue);
  assert.equal(row?.[2]?.text, 'Signed off an assessment of need');
  assert.equal(
    presentAuditRows([{ ...entry, action: 'visit.draft_saved' }], catalogue)[0]?.[2]?.text,
    'Visit: draft saved',
  );
});
