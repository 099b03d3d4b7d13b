/**
 * The shared text rule (text.ts), the shared date type (dates.ts), the guard behind them
 * (storable-text-guard.ts) and the error handler's last line (unsavable-input.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, isRealDate, optionalIsoDate } from './dates.js';
import { cleanText, isoDateFromParts } from './forms.js';
import { registerStorableTextGuard, unstorableTextAt } from './storable-text-guard.js';
import { isStorableText, text, unstorableTextMessage, withoutLoneSurrogates } from './text.js';
import { unsavableInputDetail } from './unsavable-input.js';

describe('the shared text rule', () => {
  test('refuses a NUL and a lone surrogate (either half) with one plain message, and keeps real pairs', () => {
    for (const bad of ['a\u0000b', '\u0000', 'a\ud800b', 'a\udc00b', '\ud800', 'end\udbff', '\udfffstart']) {
      assert.equal(isStorableText(bad), false, JSON.stringify(bad));
      const result = text().trim().min(1).max(10).safeParse(bad);
      assert.equal(result.success, false);
      assert.deepEqual(
        result.error?.issues.map((issue) => issue.message),
        [unstorableTextMessage],
        'one plain message, the field’s own rules being met',
      );
    }
    // Inside a union of objects, the branch that was meant is still found, and the field named.
    const person = z.union([z.object({ fullName: text().trim().min(1) }), z.object({ existingId: z.uuid() })]);
    assert.deepEqual(
      person.safeParse({ fullName: 'Mia\u0000' }).error?.issues.map((issue) => issue.path),
      [['fullName']],
    );
    for (const good of ['', 'plain words', 'Mia 😀 said', '\ud83d\ude00', 'tab\tand\nline', 'café']) {
      assert.equal(isStorableText(good), true, JSON.stringify(good));
      assert.equal(text().safeParse(good).success, true);
    }
  });

  test('chains like z.string(): trimming, lengths and its own messages still apply', () => {
    const name = text({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(5, 'Too long');
    assert.equal(name.parse('  Mia  '), 'Mia');
    assert.equal(name.safeParse('   ').error?.issues[0]?.message, 'Enter a name');
    assert.equal(name.safeParse('Robin Test').error?.issues[0]?.message, 'Too long');
    assert.equal(name.safeParse(undefined).error?.issues[0]?.message, 'Enter a name');
  });

  test('forms clean instead: control characters go and a lone surrogate becomes U+FFFD', () => {
    assert.equal(cleanText('a\u0000b\u0007c'), 'abc');
    assert.equal(cleanText('a\ud800b'), 'a\ufffdb');
    assert.equal(cleanText('Mia 😀'), 'Mia 😀');
    assert.equal(withoutLoneSurrogates('\udc00\ud83d\ude00\ud800'), '\ufffd😀\ufffd');
    assert.equal(isStorableText(cleanText('x\u0000\ud800\udc00\udc00y')), true);
  });
});

/** Every day from 1896 to 2104 by an independent rule (the proleptic Gregorian calendar). */
function* everyDay() {
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  for (let year = 1896; year <= 2104; year += 1) {
    const lengths = [31, leap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (let month = 1; month <= 12; month += 1) {
      for (let day = 1; day <= 31; day += 1) {
        const written = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        yield { written, real: day <= lengths[month - 1]! };
      }
    }
  }
}

describe('the shared date type', () => {
  test('2024-02-29 is a date; 2025-02-29, 2025-02-30, 2025-13-01 and year 0000 are not', () => {
    assert.equal(isRealDate('2024-02-29'), true);
    assert.equal(isRealDate('2000-02-29'), true);
    for (const impossible of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '1900-02-29']) {
      assert.equal(isRealDate(impossible), false, impossible);
    }
    for (const malformed of ['0000-01-01', '2025-1-01', '25-01-01', '2025-01-01T00:00:00Z', ' 2025-01-01', '']) {
      assert.equal(isRealDate(malformed), false, JSON.stringify(malformed));
    }
  });

  test('agrees with the calendar on every day of every month for two centuries, and with the form’s date boxes', () => {
    let checked = 0;
    for (const { written, real } of everyDay()) {
      assert.equal(isRealDate(written), real, written);
      const [year, month, day] = written.split('-') as [string, string, string];
      assert.equal(isoDateFromParts(day, month, year) === written, real, `boxes for ${written}`);
      checked += 1;
    }
    assert.equal(checked, 209 * 12 * 31);
  });

  test('says format: date in JSON Schema (so in the OpenAPI document), and its messages tell missing from wrong', () => {
    const schema = isoDate({ missing: 'Enter the date', wrong: 'The date must be a real date' });
    assert.equal((z.toJSONSchema(schema, { io: 'input' }) as { format?: string }).format, 'date');
    assert.equal(schema.safeParse(undefined).error?.issues[0]?.message, 'Enter the date');
    assert.equal(schema.safeParse('').error?.issues[0]?.message, 'Enter the date');
    assert.equal(schema.safeParse('2025-02-30').error?.issues[0]?.message, 'The date must be a real date');
    assert.equal(schema.safeParse('not-a-date').error?.issues[0]?.message, 'The date must be a real date');
  });

  test('an optional date is null when blank or left out, and still refuses an impossible one', () => {
    const schema = z.object({ on: optionalIsoDate('Wrong') });
    assert.deepEqual(schema.parse({}), { on: null });
    assert.deepEqual(schema.parse({ on: '' }), { on: null });
    assert.deepEqual(schema.parse({ on: null }), { on: null });
    assert.deepEqual(schema.parse({ on: '2024-02-29' }), { on: '2024-02-29' });
    assert.equal(schema.safeParse({ on: '2025-13-01' }).error?.issues[0]?.message, 'Wrong');
    const json = JSON.stringify(z.toJSONSchema(schema, { io: 'input' }));
    assert.match(json, /"format":"date"/);
  });
});

describe('the guard behind the schemas', () => {
  test('finds unstorable text anywhere, keys included, as a JSON pointer', () => {
    assert.equal(unstorableTextAt({ a: 'fine', b: ['x', { c: 'y\u0000' }] }, '/body'), '/body/b/1/c');
    assert.equal(unstorableTextAt({ 'a/b\ud800': 'fine' }, '/body'), '/body/a~1b\ud800');
    assert.equal(unstorableTextAt({ a: 1, b: null, c: ['😀'] }, '/body'), undefined);
  });

  test('an API route whose schema forgot the rule answers 400 naming the field, before its handler runs', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerStorableTextGuard(app);
    let handled = 0;
    const handler = async () => {
      handled += 1;
      return { ok: true };
    };
    app.post(
      '/api/v1/careless',
      { schema: { body: z.object({ note: z.string(), extra: z.unknown().optional() }) } },
      handler,
    );
    app.post('/page', handler);
    await app.ready();
    const refused = await app.inject({ method: 'POST', url: '/api/v1/careless', payload: { note: 'a\u0000b' } });
    assert.equal(refused.statusCode, 400);
    assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(refused.json().errors, [{ pointer: '/body/note', detail: unstorableTextMessage }]);
    const nested = await app.inject({
      method: 'POST',
      url: '/api/v1/careless',
      payload: { note: 'fine', extra: { deep: ['\ud800'] } },
    });
    assert.equal(nested.json().errors[0].pointer, '/body/extra/deep/0');
    assert.equal(handled, 0);
    const fine = await app.inject({ method: 'POST', url: '/api/v1/careless', payload: { note: 'Mia 😀' } });
    assert.equal(fine.statusCode, 200);
    const page = await app.inject({ method: 'POST', url: '/page', payload: { note: 'a\u0000b' } });
    assert.equal(page.statusCode, 200, 'pages clean their text instead (cleanText)');
    await app.close();
  });

  test('PostgreSQL’s own refusals of text and dates, and JavaScript’s invalid time, are the input’s fault', () => {
    const wrapped = (code: string) => new Error('Failed query', { cause: Object.assign(new Error('x'), { code }) });
    for (const code of ['22021', '22P05']) assert.equal(unsavableInputDetail(wrapped(code)), unstorableTextMessage);
    for (const code of ['22008', '22007']) assert.match(unsavableInputDetail(wrapped(code)) ?? '', /real date/);
    assert.match(unsavableInputDetail(new RangeError('Invalid time value')) ?? '', /real date/);
    assert.equal(unsavableInputDetail(wrapped('23505')), undefined);
    assert.equal(unsavableInputDetail(new RangeError('Maximum call stack size exceeded')), undefined);
    assert.equal(unsavableInputDetail(new Error('boom')), undefined);
  });
});
