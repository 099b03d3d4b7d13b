/**
 * The one rule for text Kith is given, shared by every API schema and form schema: text must be
 * storable. PostgreSQL cannot store a NUL character (U+0000: SQLSTATE 22021 or 22P05) and a
 * lone surrogate (half of a UTF-16 pair, like "\ud800" in JSON) is not a character at all, so
 * neither can reach the database.
 *
 * Where each is handled, decided once:
 * - The JSON API refuses such text: 400 problem details naming the field (JSON pointer) with
 *   `unstorableTextMessage`. A program sent it; saying so is more useful than guessing.
 * - Forms clean it (`cleanText` in forms.ts drops control characters and replaces a lone
 *   surrogate with U+FFFD): a person typed or pasted it and cannot see it, so refusing would
 *   only puzzle them. Form schemas use `text()` too, so anything that skipped cleaning is still
 *   refused with a message on the field rather than a server error.
 * - Belt and braces: `storable-text-guard.ts` refuses any such string left anywhere in an API
 *   body after validation, and the error handler answers PostgreSQL's own refusal with a 400.
 */
import { z } from 'zod';

/** What a person or a program is told when text holds a character that cannot be saved. */
export const unstorableTextMessage =
  'Remove the hidden characters that cannot be saved (a null character or half of an emoji)';

/** A NUL, or a UTF-16 surrogate that is not one half of a pair. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store this text as it is. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** A lone surrogate made the replacement character (U+FFFD), as a browser shows it. */
export function withoutLoneSurrogates(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * A string PostgreSQL can store: every API and form schema's text starts here instead of
 * `z.string()`, then chains as usual (`text().trim().min(1, …).max(200, …)`). The check runs
 * first. It does not abort: a union of objects (a new person, or an existing one) then still
 * knows which branch was meant and names the field, not the whole object.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { message: unstorableTextMessage });
}
