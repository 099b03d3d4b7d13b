/**
 * Tests read HTML as HTML: a page parsed into a DOM (node-html-parser), then asked with CSS
 * selectors, rather than regular expressions over markup that break when an attribute moves.
 *
 *   const page = parseHtml(response.body);
 *   assert.equal(textOf(page, 'h1'), 'Mia’s plans');
 *   assert.deepEqual(textsOf(page, '.govuk-error-summary__list a'), ['Enter what the family will do']);
 *   assert.equal(page.querySelector('form')?.getAttribute('action'), '/children/…/plans');
 */
import { parse, type HTMLElement } from 'node-html-parser';

export type { HTMLElement } from 'node-html-parser';

export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false });
}

/** Text as a person reads it: entities decoded, runs of white space made one space, trimmed. */
export function readableText(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The readable text of the first element matching the selector, or null when there is none. */
export function textOf(root: HTMLElement | string, selector: string): string | null {
  const element = (typeof root === 'string' ? parseHtml(root) : root).querySelector(selector);
  return element ? readableText(element) : null;
}

/** The readable text of every element matching the selector, in document order. */
export function textsOf(root: HTMLElement | string, selector: string): string[] {
  return (typeof root === 'string' ? parseHtml(root) : root).querySelectorAll(selector).map(readableText);
}

/** The GOV.UK error summary's messages, in order (empty when the page has none). */
export function errorSummaryOf(root: HTMLElement | string): string[] {
  return textsOf(root, '.govuk-error-summary__list li');
}
