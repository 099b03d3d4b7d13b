/**
 * `npm run language:check -- <file> [--audience professional|family|child] [--json]`
 *
 * Prints each suggestion as `line:col  "words"  → alternatives  (why)`, then the reading age.
 * `--json` prints exactly what POST /api/v1/language/check returns (the same schema shapes
 * it). The companion never blocks anything, so the exit code is 0 whenever the file was read;
 * 2 means the arguments or the file name need another look.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { languageCheckResponse } from './api-schemas.js';
import { checkLanguage, type LanguageCheck } from './companion.js';
import { audiences, type Audience } from './glossary.js';

export const USAGE = 'Usage: npm run language:check -- <file> [--audience professional|family|child] [--json]';

export type CliArguments = { file: string; audience: Audience; json: boolean } | { help: true } | { error: string };

const isAudience = (value: string | undefined): value is Audience =>
  value !== undefined && (audiences as readonly string[]).includes(value);

/** Reads the command line. Pure, so it can be tested without running anything. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let file: string | null = null;
  let audience: Audience = 'professional';
  let json = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--help' || argument === '-h') return { help: true };
    if (argument === '--json') json = true;
    else if (argument === '--audience' || argument.startsWith('--audience=')) {
      const value = argument.includes('=') ? argument.slice(argument.indexOf('=') + 1) : argv[++index];
      if (!isAudience(value)) {
        return {
          error: `--audience must be one of ${audiences.join(', ')}${value ? ` (not “${value}”)` : ''}\n${USAGE}`,
        };
      }
      audience = value;
    } else if (argument.startsWith('-')) return { error: `Unknown option ${argument}\n${USAGE}` };
    else if (file === null) file = argument;
    else return { error: `Give one file to check (also given: ${argument})\n${USAGE}` };
  }
  if (file === null) return { error: `Which file should be checked?\n${USAGE}` };
  return { file, audience, json };
}

/** 1-based line and column of a UTF-16 offset, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text[index] === '\n') {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function formatReport(text: string, check: LanguageCheck): string {
  const lines = check.findings.map((finding) => {
    const { line, column } = lineAndColumn(text, finding.start);
    const matched = finding.matched.replace(/\s+/g, ' ');
    const shown = matched.length > 60 ? `${matched.slice(0, 57)}...` : matched;
    return `${line}:${column}  "${shown}"  → ${finding.alternatives.join('; ')}  (${finding.why})`;
  });
  if (lines.length === 0) lines.push('Nothing to suggest.');
  const { readability } = check;
  lines.push(
    readability.readingAge === null
      ? 'No words to give a reading age for.'
      : `Reading age about ${readability.readingAge} (${readability.formula})` +
          (readability.target === null
            ? '.'
            : `; the aim for ${check.audience}-facing writing is ${readability.target} or under${readability.withinTarget ? ', and this meets it.' : '.'}`),
  );
  return lines.join('\n');
}

/** The JSON the API returns for the same text and audience. */
export const asApiJson = (check: LanguageCheck) => JSON.stringify(languageCheckResponse.parse(check), null, 2);

function main(): number {
  const parsed = parseCliArguments(process.argv.slice(2));
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(parsed.error);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(parsed.file, 'utf8');
  } catch {
    console.error(`Could not read ${parsed.file}. Check the file name and that it is a text file.`);
    return 2;
  }
  const check = checkLanguage(text, { audience: parsed.audience });
  console.log(parsed.json ? asApiJson(check) : formatReport(text, check));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
