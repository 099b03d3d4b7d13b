/**
 * `npm run bench:language`: how long the language companion takes on a 2,000-word visit
 * note (target: under 5 ms median, so it can run on every pause in typing).
 */
import { checkLanguage } from '../src/features/language/companion.js';

const paragraphs = [
  'I visited Mia at home after school. Mum made tea and we sat in the kitchen while Leo played with his dinosaurs.',
  'Mia told me about her week. She said "I like it when Nan picks me up" and showed me a drawing of the park.',
  'Mum said the mornings are hard because the bus is late, and the school run takes an hour on a bad day.',
  'We talked about the plan. Mum has done three of the five things we agreed, and she asked good questions about the rest.',
  'Dad did not come to the meeting on Tuesday; he said he was working. I will ring him on Friday to find a time that works.',
  'The placement of the new bunk bed means Leo has his own space. Mum had contact details for the housing officer.',
  'Mia has contact with her dad on Saturdays, and she says she would like more time with him.',
  'There are worries about the nights when Mum is tired, and strengths in how Nan and Auntie Jess step in.',
];
function note(words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let index = 0; count < words; index += 1) {
    const paragraph = paragraphs[index % paragraphs.length]!;
    parts.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

export function measureLanguageCheck(runs = 200): { words: number; medianMs: number; p95Ms: number } {
  const text = note(2000);
  for (let index = 0; index < 20; index += 1) checkLanguage(text, { audience: 'family' });
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    checkLanguage(text, { audience: 'family' });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    words: text.split(/\s+/).length,
    medianMs: Math.round(times[Math.floor(runs / 2)]! * 100) / 100,
    p95Ms: Math.round(times[Math.floor(runs * 0.95)]! * 100) / 100,
  };
}

if (process.argv[1]?.endsWith('language.ts')) {
  const result = measureLanguageCheck();
  console.log(
    `Language companion, ${result.words}-word note (family audience): median ${result.medianMs} ms, p95 ${result.p95Ms} ms (target: median under 5 ms) ${result.medianMs < 5 ? 'meets' : 'MISSES'}`,
  );
}
