/**
 * Which uploads are accepted, decided from the content, never from the name or the browser's
 * word: PNG, JPEG, GIF, WebP and PDF, found by their first bytes ("magic numbers"), up to 10 MB.
 * A file whose name says one type but whose content is another is refused, with a plain message.
 */
import type { AttachmentType } from './schema.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));

/** The type the content really is, or null when it is none of the accepted types. */
export function sniffContentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

const extensions: Record<AttachmentType, string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};
const typeNames: Record<AttachmentType, string> = {
  'image/png': 'a PNG picture',
  'image/jpeg': 'a JPEG photo',
  'image/gif': 'a GIF picture',
  'image/webp': 'a WebP picture',
  'application/pdf': 'a PDF document',
};

/** A file name safe to show and to send back in Content-Disposition: no paths, no control or quote characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // Control characters, quotes and semicolons have no place in a name sent back in a header.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"\\;]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

export function checkUpload(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; contentType: AttachmentType; fileName: string } | { ok: false; message: string } {
  const name = cleanFileName(fileName);
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty' };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: 'The selected file must be smaller than 10 MB' };
  const contentType = sniffContentType(bytes);
  if (!contentType) {
    return { ok: false, message: 'The selected file must be a photo or drawing (PNG, JPEG, GIF or WebP) or a PDF' };
  }
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  if (extension && !extensions[contentType].includes(extension)) {
    return {
      ok: false,
      message: `The selected file is called ${name} but it is ${typeNames[contentType]}. Check it is the right file, or rename it`,
    };
  }
  return { ok: true, contentType, fileName: extension ? name : `${name}.${extensions[contentType][0]}` };
}

/** Content-Disposition for sending a file back: the name quoted safely, and in UTF-8 for browsers that read it. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const plain = cleanFileName(fileName).replace(/[^\x20-\x7e]/g, '_');
  return `${kind}; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(cleanFileName(fileName))}`;
}
