/**
 * The GOV.UK Design System's table, written out in code. Every table in Kith uses it.
 *
 * `govukTable` is a Nunjucks macro that, for every cell, captures a block and calls the
 * `govukAttributes` macro. On a 50-row, 7-column table that is 350 macro calls a render, and
 * it was the largest part of Kith's own time on audit search. `renderGovukTable` takes the
 * same options (the `govukTable` macro's parameters) and writes the same markup, apart from
 * whitespace between tags; `table.test.ts` checks it against every one of govuk-frontend's own
 * table fixtures (their expected HTML and the macro's output), and for escaping and attributes,
 * so an upgrade of govuk-frontend that changes the markup fails a test rather than drifting.
 *
 * In a template: `{{ renderGovukTable({ head: head, rows: rows, caption: "…" }) }}`.
 * `text` is escaped; `html` is written as given, exactly as the macro does.
 */
import nunjucks from 'nunjucks';

type Markup = string | number | boolean | nunjucks.runtime.SafeString | null | undefined;

type AttributeValue = Markup | { value: Markup; optional?: boolean };

/** `attributes` as the GOV.UK macros take them: a map of names to values, or markup as given. */
export type TableAttributes = Record<string, AttributeValue> | nunjucks.runtime.SafeString | string;

export interface TableCell {
  text?: Markup;
  html?: Markup;
  format?: string;
  classes?: string;
  colspan?: number;
  rowspan?: number;
  attributes?: TableAttributes;
}

export interface TableOptions {
  caption?: Markup;
  captionClasses?: string;
  head?: (TableCell | null | false | undefined)[];
  rows: (TableCell[] | null | false | undefined)[];
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: TableAttributes;
}

const { SafeString } = nunjucks.runtime;
/** Nunjucks' own escaping, the same as autoescape's (its types leave `lib.escape` out). */
const escape: (value: string) => string = (nunjucks.lib as unknown as { escape: (value: string) => string }).escape;

/** What `{{ value }}` writes with autoescaping on: nothing for null, markup marked safe as it is. */
function output(value: Markup): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeString) return value.toString();
  return escape(String(value));
}

const isSafe = (value: unknown): value is nunjucks.runtime.SafeString => value instanceof SafeString;

/** As the `govukAttributes` macro writes them. */
function attributesHtml(attributes: TableAttributes | undefined): string {
  if (attributes === undefined || attributes === null) return '';
  if (typeof attributes === 'string' || isSafe(attributes)) return attributes.toString();
  if (typeof attributes !== 'object') return '';
  let html = '';
  for (const [name, item] of Object.entries(attributes)) {
    const options =
      item !== null && typeof item === 'object' && !isSafe(item)
        ? item
        : { value: item, optional: false as boolean | undefined };
    const { value } = options;
    const valueHtml = value === undefined || value === null ? '' : output(value);
    if (options.optional === true && value === true) html += ` ${escape(name)}`;
    else if (options.optional !== true || (value !== undefined && value !== null && value !== false)) {
      html += ` ${escape(name)}="${valueHtml}"`;
    }
  }
  return html;
}

/** A cell's contents: its html if it has any, otherwise its text, escaped. */
const contents = (cell: TableCell): string => (cell.html ? String(cell.html) : output(cell.text));

/** Whether `{% if value %}` would take the branch. */
const truthy = (value: unknown): boolean => Boolean(value);

function spans(cell: TableCell): string {
  return (
    (truthy(cell.colspan) ? ` colspan="${output(cell.colspan)}"` : '') +
    (truthy(cell.rowspan) ? ` rowspan="${output(cell.rowspan)}"` : '')
  );
}

/** The markup of the `govukTable` macro for these options. */
export function govukTableHtml(options: TableOptions): string {
  const parts: string[] = [];
  parts.push(
    `<table class="govuk-table${truthy(options.classes) ? ` ${output(options.classes)}` : ''}"${attributesHtml(options.attributes)}>`,
  );
  if (truthy(options.caption)) {
    parts.push(
      `<caption class="govuk-table__caption${truthy(options.captionClasses) ? ` ${output(options.captionClasses)}` : ''}">${output(options.caption)}</caption>`,
    );
  }
  if (options.head) {
    parts.push('<thead class="govuk-table__head"><tr class="govuk-table__row">');
    for (const heading of options.head) {
      const cell = heading || {};
      parts.push(
        `<th scope="col" class="govuk-table__header${truthy(cell.format) ? ` govuk-table__header--${output(cell.format)}` : ''}${truthy(cell.classes) ? ` ${output(cell.classes)}` : ''}"${spans(cell)}${attributesHtml(cell.attributes)}>${contents(cell)}</th>`,
      );
    }
    parts.push('</tr></thead>');
  }
  parts.push('<tbody class="govuk-table__body">');
  for (const row of options.rows ?? []) {
    if (!row) continue;
    parts.push('<tr class="govuk-table__row">');
    row.forEach((rowCell, index) => {
      const cell = rowCell || {};
      const common = spans(cell) + attributesHtml(cell.attributes);
      if (index === 0 && options.firstCellIsHeader) {
        parts.push(
          `<th scope="row" class="govuk-table__header${truthy(cell.classes) ? ` ${output(cell.classes)}` : ''}"${common}>${contents(cell)}</th>`,
        );
      } else {
        parts.push(
          `<td class="govuk-table__cell${truthy(cell.format) ? ` govuk-table__cell--${output(cell.format)}` : ''}${truthy(cell.classes) ? ` ${output(cell.classes)}` : ''}"${common}>${contents(cell)}</td>`,
        );
      }
    });
    parts.push('</tr>');
  }
  parts.push('</tbody></table>');
  return parts.join('');
}

/** For templates: the table's markup, marked safe (every piece of text in it is escaped above). */
export const renderGovukTable = (options: TableOptions): nunjucks.runtime.SafeString =>
  new SafeString(govukTableHtml(options));
