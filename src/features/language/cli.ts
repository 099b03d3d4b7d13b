/**
 * `npm run language:check -- <file> [--audience professional|family|child] [--json]`
 * Prints each finding with its line and column, what to consider instead and why, then the
 * reading age. `--json` prints exactly what POST /api/v1/language/check returns. The companion
 * never blocks: the exit code is 0 whenever the file could be read.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkLanguage, type LanguageCheck } from './companion.js';
import { audiences, type Audience } from './glossary.js';

export type CliArguments = { file: string; audience: Audience; json: boolean } | { error: string };

export function parseCliArguments(argv: readonly string[]): CliArguments {
  let file: string | null = null;
  let audience: Audience = 'professional';
  let json = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--json') json = true;
    else if (argument === '--audience' || argument.startsWith('--audience=')) {
      const value = argument.includes('=') ? argument.split('=')[1] : argv[++index];
      if (!value || !(audiences as readonly string[]).includes(value)) {
        return { error: `--audience must be one of: ${audiences.join(', ')}` };
      }
      audience = value as Audience;
    } else if (argument.startsWith('--')) return { error: `Unknown option ${argument}` };
    else if (file === null) file = argument;
    else return { error: 'Give one file to check' };
  }
  if (file === null)
    return { error: 'Usage: npm run language:check -- <file> [--audience professional|family|child] [--json]' };
  return { file, audience, json };
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function formatReport(text: string, check: LanguageCheck): string {
  const lines = check.findings.map((finding) => {
    const { line, column } = lineAndColumn(text, finding.start);
    return `${line}:${column}  "${finding.matched}"  → ${finding.alternatives.join('; ')}  (${finding.why})`;
  });
  const { readability } = check;
  lines.push(
    readability.readingAge === null
      ? 'No words to read.'
      : `Reading age about ${readability.readingAge} (${readability.formula})${readability.target === null ? '' : `; the target for ${check.audience}-facing writing is ${readability.target}`}.`,
  );
  if (check.findings.length === 0) lines.unshift('Nothing to suggest.');
  return lines.join('\n');
}

function main(): void {
  const parsed = parseCliArguments(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(2);
  }
  let text: string;
  try {
    text = readFileSync(parsed.file, 'utf8');
  } catch {
    console.error(`Could not read ${parsed.file}`);
    process.exit(2);
  }
  const check = checkLanguage(text, { audience: parsed.audience });
  console.log(parsed.json ? JSON.stringify(check, null, 2) : formatReport(text, check));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
