import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assessmentBalance,
  contentFields,
  emptyContent,
  fieldsOf,
  fullFieldName,
  sectionOfField,
  sectionStatus,
} from './sections.js';

test('three sides of four parts each, then an analysis and a recommendation', () => {
  assert.equal(contentFields.length, 14);
  assert.deepEqual(fieldsOf('parenting'), [
    'parentingStrengths',
    'parentingNeeds',
    'parentingChildView',
    'parentingFamilyView',
  ]);
  assert.deepEqual(fieldsOf('analysis'), ['analysis', 'recommendation']);
  assert.equal(sectionOfField('environmentFamilyView'), 'environment');
  assert.equal(fullFieldName('developmentChildView', 'Mia'), 'The child’s developmental needs: Mia’s view');
  assert.equal(fullFieldName('recommendation'), 'Recommendation');
});

test('a section is not started, in progress or completed by what is written in it', () => {
  const content = emptyContent();
  assert.equal(sectionStatus(content, 'development'), 'not_started');
  content.developmentStrengths = 'Loves drawing';
  assert.equal(sectionStatus(content, 'development'), 'in_progress');
  content.developmentNeeds = 'Sleep';
  content.developmentChildView = 'Likes school';
  content.developmentFamilyView = 'Proud of her';
  assert.equal(sectionStatus(content, 'development'), 'completed');
  content.developmentFamilyView = '   ';
  assert.equal(sectionStatus(content, 'development'), 'in_progress', 'spaces are not writing');
});

test('balance: needs with no strengths, and no child’s view, are noted', () => {
  const notes = assessmentBalance({ ...emptyContent(), parentingNeeds: 'Arguments at night' }, 'Mia');
  assert.deepEqual(notes, [
    'No strengths recorded yet: what is working well?',
    'Mia’s own view is not recorded yet: what do they say?',
  ]);
});

test('balance: a side with needs but no strengths (or the other way round) is noted', () => {
  const notes = assessmentBalance(
    {
      ...emptyContent(),
      developmentStrengths: 'Reads well',
      developmentChildView: 'Likes school',
      parentingNeeds: 'Arguments at night',
    },
    'Mia',
  );
  assert.deepEqual(notes, [
    'The child’s developmental needs: strengths are recorded but no needs yet. Is there anything to work on here?',
    'Parenting capacity: needs are recorded but no strengths yet. What is working well here?',
  ]);
});

test('balance: strengths with no needs anywhere asks about worries; "none" records nothing', () => {
  const notes = assessmentBalance({
    ...emptyContent(),
    environmentStrengths: 'Nan Pat',
    environmentNeeds: 'None',
    environmentChildView: 'n/a',
  });
  assert.deepEqual(notes, [
    'No worries recorded: is there anything anyone is worried about?',
    'The child’s own view is not recorded yet: what do they say?',
  ]);
});

test('balance: a balanced assessment has no notes', () => {
  const content = emptyContent();
  for (const side of ['development', 'parenting', 'environment'] as const) {
    for (const field of fieldsOf(side)) content[field] = 'Something written';
  }
  assert.deepEqual(assessmentBalance(content, 'Mia'), []);
});
