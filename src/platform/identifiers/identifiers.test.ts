import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatNhsNumber,
  isValidNhsNumber,
  isValidUpn,
  nhsCheckDigit,
  nhsNumberProblem,
  optionalNhsNumber,
  optionalUpn,
  upnCheckLetter,
  upnProblem,
} from './index.js';

test('NHS numbers: the modulus 11 check digit', () => {
  assert.equal(isValidNhsNumber('9434765919'), true);
  assert.equal(isValidNhsNumber('943 476 5919'), true);
  assert.equal(isValidNhsNumber('943-476-5919'), true);
  assert.equal(isValidNhsNumber('9434765918'), false); // wrong check digit
  assert.equal(isValidNhsNumber('4010232137'), true);
  assert.equal(isValidNhsNumber('401023213'), false);
  assert.equal(isValidNhsNumber('94347659190'), false);
  assert.equal(isValidNhsNumber('943476591a'), false);
  assert.equal(nhsCheckDigit('943476591'), 9);
  assert.equal(nhsCheckDigit('000000000'), 0); // remainder 0 gives 11, written 0
  assert.equal(isValidNhsNumber('0000000000'), true);
});

test('NHS numbers with no possible check digit are never valid', () => {
  const prefix = '100000001'; // 10 + 2 = 12, remainder 1: check would be 10
  assert.equal(nhsCheckDigit(prefix), null);
  for (let digit = 0; digit <= 9; digit += 1) assert.equal(isValidNhsNumber(`${prefix}${digit}`), false);
});

test('a single mistyped digit or two digits swapped is caught', () => {
  const valid = '9434765919';
  for (let i = 0; i < 10; i += 1) {
    for (let d = 0; d <= 9; d += 1) {
      if (String(d) === valid[i]) continue;
      assert.equal(isValidNhsNumber(`${valid.slice(0, i)}${d}${valid.slice(i + 1)}`), false, `digit ${i} as ${d}`);
    }
  }
  for (let i = 0; i < 9; i += 1) {
    if (valid[i] === valid[i + 1]) continue;
    const swapped = `${valid.slice(0, i)}${valid.charAt(i + 1)}${valid.charAt(i)}${valid.slice(i + 2)}`;
    assert.equal(isValidNhsNumber(swapped), false, `swap at ${i}`);
  }
});

test('NHS numbers read in threes, and say what is wrong in GOV.UK words', () => {
  assert.equal(formatNhsNumber('9434765919'), '943 476 5919');
  assert.equal(nhsNumberProblem('943 476 5919'), null);
  assert.equal(nhsNumberProblem('12345'), 'NHS number must be 10 digits');
  assert.equal(nhsNumberProblem('9434765918'), 'Enter a real NHS number, like 943 476 5919');
});

test('unique pupil numbers: the check letter', () => {
  // Worked by hand: 8,2,3,1,2,3,4,5,6,7,8,9 times 2…13 = 499; 499 mod 23 = 16, the letter T.
  assert.equal(upnCheckLetter('823123456789'), 'T');
  assert.equal(isValidUpn('T823123456789'), true);
  assert.equal(isValidUpn('t823 1234 56789'), true);
  assert.equal(isValidUpn('A823123456789'), false);
  assert.equal(isValidUpn('T82312345678'), false);
  // A temporary UPN ends in a letter, valued by its place in A–Z without I, O and S (B = 1).
  const temporary = `${upnCheckLetter('82312345678B')}82312345678B`;
  assert.equal(isValidUpn(temporary), true);
  assert.equal(upnCheckLetter('82312345678I'), null);
  assert.equal(upnProblem('T823123456789'), null);
  assert.equal(upnProblem('V8231'), 'Unique pupil number must be a letter followed by 12 numbers or letters');
  assert.match(upnProblem('A823123456789') ?? '', /Enter a real unique pupil number/);
});

test('the form and API schemas: blank is none, typed is checked and stored without spaces', () => {
  assert.equal(optionalNhsNumber().parse(''), null);
  assert.equal(optionalNhsNumber().parse(undefined), null);
  assert.equal(optionalNhsNumber().parse('943 476 5919'), '9434765919');
  const refused = optionalNhsNumber().safeParse('943 476 5918');
  assert.equal(refused.success, false);
  assert.equal(refused.error?.issues[0]?.message, 'Enter a real NHS number, like 943 476 5919');
  assert.equal(optionalUpn().parse(' t823123456789 '), 'T823123456789');
  assert.equal(optionalUpn().safeParse('A823123456789').success, false);
});
