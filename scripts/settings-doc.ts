/**
 * Writes the table of Kith's settings in docs/OPERATIONS.md from the zod schema that checks
 * them (`environmentSchema` in src/config.ts), so the document cannot drift from the code: each
 * variable's `.describe()` is its explanation, and its allowed values and default come from the
 * schema itself. The table sits between two markers; the rest of the document is left alone.
 *
 *   node --import tsx scripts/settings-doc.ts           rewrites the table
 *   node --import tsx scripts/settings-doc.ts --check   exits 1 when the table is out of date
 *
 * `scripts/settings-doc.test.ts` fails when the document differs from what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { z } from 'zod';
import { environmentSchema } from '../src/config.js';

export const SETTINGS_START =
  '<!-- settings:start (written by scripts/settings-doc.ts from src/config.ts; do not edit by hand) -->';
export const SETTINGS_END = '<!-- settings:end -->';

export const operationsDocPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/OPERATIONS.md');

export interface SettingRow {
  name: string;
  description: string;
  values: string;
  default: string;
}

type AnySchema = z.ZodType & {
  def: { type: string; defaultValue?: unknown };
  unwrap?: () => AnySchema;
  description?: string;
};

/** What may be written, in words: from the schema's type and bounds. */
function allowedValues(schema: AnySchema): string {
  const inner = schema as AnySchema & {
    options?: readonly string[];
    isInt?: boolean;
    minValue?: number | null;
    maxValue?: number | null;
    minLength?: number | null;
  };
  switch (inner.def.type) {
    case 'enum':
      return (inner.options ?? []).map((option) => `\`${option}\``).join(', ');
    case 'number': {
      const kind = inner.isInt ? 'whole number' : 'number';
      const min = inner.minValue;
      const max = inner.maxValue;
      // `.positive()` is "greater than 0": its minimum reads as 0 and the check is exclusive.
      const from = min === 0 || min === null || min === undefined ? 'above 0' : `${min}`;
      if (max !== null && max !== undefined && max !== Number.MAX_SAFE_INTEGER) {
        return from === 'above 0' ? `${kind} above 0, up to ${max}` : `${kind}, ${from} to ${max}`;
      }
      return `${kind} ${from === 'above 0' ? 'above 0' : `from ${from}`}`;
    }
    case 'string':
      return inner.minLength && inner.minLength > 1 ? `text, at least ${inner.minLength} characters` : 'text';
    default:
      return inner.def.type;
  }
}

/** One row per variable, in the schema's order. Throws if a variable has no description. */
export function settingRows(schema: z.ZodObject = environmentSchema): SettingRow[] {
  return Object.entries(schema.shape as Record<string, AnySchema>).map(([name, field]) => {
    const description = field.description;
    if (!description) {
      throw new Error(`${name} in src/config.ts has no .describe(): say what it does, for docs/OPERATIONS.md`);
    }
    let inner = field;
    let fallback: string = 'unset';
    while ((inner.def.type === 'default' || inner.def.type === 'optional') && inner.unwrap) {
      if (inner.def.type === 'default') fallback = `\`${String(inner.def.defaultValue)}\``;
      inner = inner.unwrap();
    }
    return { name, description, values: allowedValues(inner), default: fallback };
  });
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The markdown table, markers included. */
export function settingsTable(rows: readonly SettingRow[] = settingRows()): string {
  return [
    SETTINGS_START,
    '',
    '| Variable | What it does | Values | Default |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| \`${row.name}\` | ${cell(row.description)} | ${cell(row.values)} | ${cell(row.default)} |`),
    '',
    SETTINGS_END,
  ].join('\n');
}

/** The document with its table replaced by the current one; the markers must be there once each. */
export function withSettingsTable(document: string, table: string = settingsTable()): string {
  const start = document.indexOf(SETTINGS_START);
  const end = document.indexOf(SETTINGS_END);
  if (start < 0 || end < start || document.indexOf(SETTINGS_START, start + 1) >= 0) {
    throw new Error(`docs/OPERATIONS.md must hold the settings markers once each:\n${SETTINGS_START}\n${SETTINGS_END}`);
  }
  return document.slice(0, start) + table + document.slice(end + SETTINGS_END.length);
}

/**
 * What the script writes: the document with the current table, laid out by Prettier as
 * `npm run format` would (so formatting the repository never makes the check fail).
 */
export async function operationsDocAsWritten(document: string, table: string = settingsTable()): Promise<string> {
  const options = (await resolveConfig(operationsDocPath)) ?? {};
  return format(withSettingsTable(document, table), { ...options, filepath: operationsDocPath });
}

async function main(): Promise<void> {
  const current = readFileSync(operationsDocPath, 'utf8');
  const written = await operationsDocAsWritten(current);
  if (process.argv.includes('--check')) {
    if (written !== current) {
      process.stderr.write(
        'docs/OPERATIONS.md: the settings table is out of date; run node --import tsx scripts/settings-doc.ts\n',
      );
      process.exit(1);
    }
    return;
  }
  if (written !== current) writeFileSync(operationsDocPath, written);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
