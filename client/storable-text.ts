/**
 * Text as the database can keep it: what the server's forms do to typed text (`cleanText`),
 * done in the browser before a draft is sent, so a stray NUL or half of an emoji pasted from
 * elsewhere cannot make every autosave fail. NULs are dropped; a lone surrogate becomes U+FFFD.
 */
export function storableText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const withoutNul = value.replace(/\u0000/g, '');
  return withoutNul.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
