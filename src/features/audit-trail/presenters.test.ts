import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeAction } from './presenters.js';

test('every action reads in plain words, named or not', () => {
  assert.equal(describeAction('child_record.view'), 'Opened the child’s record');
  assert.equal(describeAction('assessment.signed_off'), 'Signed off an assessment of need');
  assert.equal(describeAction('mapping.entry_changed'), 'Changed or moved a mapping entry');
  assert.equal(
    describeAction('visit.draft_saved'),
    'Visit: draft saved',
    'a new feature’s action still reads as words',
  );
  assert.equal(describeAction('upload'), 'Upload');
});
