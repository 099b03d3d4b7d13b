import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUpload, cleanFileName, contentDisposition, MAX_UPLOAD_BYTES, sniffContentType } from './uploads.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest of the picture');
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const pdf = bytes('%PDF-1.7\n1 0 obj');

test('the type comes from the first bytes: PNG, JPEG, GIF, WebP and PDF, and nothing else', () => {
  assert.equal(sniffContentType(png), 'image/png');
  assert.equal(sniffContentType(jpeg), 'image/jpeg');
  assert.equal(sniffContentType(bytes('GIF89a....')), 'image/gif');
  assert.equal(sniffContentType(bytes('GIF87a....')), 'image/gif');
  assert.equal(sniffContentType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')), 'image/webp');
  assert.equal(sniffContentType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')), null, 'a RIFF that is not WebP (a sound)');
  assert.equal(sniffContentType(pdf), 'application/pdf');
  assert.equal(
    sniffContentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>')),
    null,
    'SVG can carry script',
  );
  assert.equal(sniffContentType(bytes('<!DOCTYPE html>')), null);
  assert.equal(sniffContentType(bytes([0x89, 0x50])), null, 'too short to be a PNG');
});

test('an upload that is not what its name says, too large, empty or of another type is refused in plain words', () => {
  const renamed = checkUpload('drawing.png', pdf);
  assert.deepEqual(renamed, {
    ok: false,
    message:
      'The selected file is called drawing.png but it is a PDF document. Check it is the right file, or rename it',
  });
  const text = checkUpload('notes.png', bytes('just some text'));
  assert.ok(!text.ok);
  assert.match(text.message, /must be a photo or drawing \(PNG, JPEG, GIF or WebP\) or a PDF/);
  const large = new Uint8Array(MAX_UPLOAD_BYTES + 1);
  large.set(png);
  assert.deepEqual(checkUpload('big.png', large), {
    ok: false,
    message: 'The selected file must be smaller than 10 MB',
  });
  assert.deepEqual(checkUpload('empty.png', new Uint8Array()), { ok: false, message: 'The selected file is empty' });
  assert.deepEqual(checkUpload('Photo.JPEG', jpeg), { ok: true, contentType: 'image/jpeg', fileName: 'Photo.JPEG' });
  assert.deepEqual(checkUpload('scan', pdf), { ok: true, contentType: 'application/pdf', fileName: 'scan.pdf' });
});

test('file names lose paths, quotes and control characters before they are kept or sent back', () => {
  assert.equal(cleanFileName('C:\\Users\\alex\\Mia "house".png'), 'Mia house.png');
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('..'), 'file');
  assert.equal(cleanFileName('a\r\nb.png'), 'ab.png');
  assert.equal(
    contentDisposition('attachment', 'Mia’s plan.pdf'),
    `attachment; filename="Mia_s plan.pdf"; filename*=UTF-8''Mia%E2%80%99s%20plan.pdf`,
  );
});
