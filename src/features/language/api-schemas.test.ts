import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageCheckRequest, languageCheckResponse, MAX_TEXT_LENGTH } from './api-schemas.js';
import { checkLanguage } from './companion.js';

test('the request: text up to 100,000 characters, an audience from the list (professional if left out)', () => {
  assert.deepEqual(languageCheckRequest.parse({ text: 'Hello' }), { text: 'Hello', audience: 'professional' });
  assert.equal(languageCheckRequest.parse({ text: 'a'.repeat(MAX_TEXT_LENGTH), audience: 'child' }).audience, 'child');
  assert.equal(languageCheckRequest.safeParse({ text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }).success, false);
  assert.equal(languageCheckRequest.safeParse({ text: 'x', audience: 'martian' }).success, false);
  assert.equal(languageCheckRequest.safeParse({ audience: 'family' }).success, false);
  assert.equal(languageCheckRequest.safeParse({ text: 'x', kind: 'plain-english' }).success, true);
  assert.equal(languageCheckRequest.safeParse({ text: 'x', balance: { strengths: [] } }).success, false);
});

test('the response describes everything checkLanguage returns, with and without balance', () => {
  for (const check of [
    checkLanguage('Mum failed to engage. The IRO was told.', { audience: 'family' }),
    checkLanguage('Nan visits.', {
      audience: 'child',
      balance: { strengths: ['Nan'], worries: [], childsView: [] },
    }),
    checkLanguage('', { audience: 'professional' }),
  ]) {
    assert.deepEqual(languageCheckResponse.parse(check), check);
  }
  assert.equal(languageCheckResponse.safeParse({ audience: 'family', findings: [] }).success, false);
});
