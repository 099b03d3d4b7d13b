import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storableText } from '../client/storable-text.js';

test('the browser makes typed text storable the way the server’s forms do', () => {
  assert.equal(storableText('nul\u0000 here'), 'nul here');
  assert.equal(storableText('half \ud800 an emoji'), 'half \ufffd an emoji');
  assert.equal(storableText('low \udc00 half'), 'low \ufffd half');
  assert.equal(storableText('whole 😀 emoji'), 'whole 😀 emoji');
  assert.equal(storableText('Mia’s words, as she said them'), 'Mia’s words, as she said them');
});

test('every UTF-16 code unit typed alone: no NUL and no lone surrogate is left, and cleaning twice changes nothing', () => {
  for (let unit = 0; unit <= 0xffff; unit += 1) {
    const typed = `a${String.fromCharCode(unit)}b`;
    const kept = storableText(typed);
    assert.ok(!kept.includes('\u0000'));
    assert.doesNotThrow(() => encodeURIComponent(kept), `U+${unit.toString(16)}: no lone surrogate left`);
    assert.equal(storableText(kept), kept, 'cleaning twice changes nothing');
  }
});
