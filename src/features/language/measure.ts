/**
 * How long the companion takes on a long note. The target is a median under 5 ms for about
 * 2,000 words, so it can run every time someone pauses in typing without being noticed.
 *
 * `npm run bench:language` reports it against that target.
 */
import { checkLanguage } from './companion.js';
import type { Audience } from './glossary.js';

/** Paragraphs of a realistic visit note and assessment: strengths, worries, quotes and near misses. */
const PARAGRAPHS = [
  'I visited Mia and Leo at home after school on Tuesday. Mum made tea and we sat in the kitchen while Leo played with his dinosaurs on the floor. Mia showed me the certificate she got for reading, and Mum said she was proud of her.',
  'Mia told me about her week. She said "I like it when Nan picks me up because we go to the park" and drew me a picture of the swings. She said school is "alright" and that her best friend is called Ruby.',
  'Mum said mornings are hard because the bus is often late and the school run can take an hour on a bad day. She has started getting the uniforms ready the night before, which she says helps.',
  'We talked about the plan. Mum has done three of the five things we agreed, and she asked good questions about the rest. She has been to every appointment at the health centre since May.',
  'Dad did not come to the meeting on Tuesday; he said he was working a late shift. I will ring him on Friday to find a time that works for him, possibly an evening video call.',
  'Contact with Dad happens every other Saturday at the family centre. Mia says she would like more time with him, and Leo says he misses his dad at bedtime. The supervised contact notes say the children were happy to see him.',
  'The placement of the new bunk bed means Leo has his own space. Mum had the contact details for the housing officer and has asked about the damp in the back bedroom, which she has been cleaning every week.',
  'Leo was placed with his aunt for two weeks in the summer when Mum was in hospital. He was looked after well and came home settled. Nan looked after the dog while everyone was away.',
  'There are worries about the nights when Mum is tired and the children stay up late. There are strengths in how Nan and Auntie Jess step in, and in how Mum asks for help when she needs it.',
  'The school said Mia was challenging in class last term, but her teacher says she finds maths challenging and keeps trying. The designated teacher will review her personal education plan (PEP) in March.',
  'Mum said she felt that the professionals did not listen to her at the last core group. We agreed that she will bring Nan to the next one, and that I will send the notes in plain English before the meeting.',
  'The children were not brought to their dental appointment in April because Mum had no bus fare. We have arranged help with travel, and the next appointment is booked for a Tuesday morning.',
];

/** A note of about `words` words, made from the paragraphs in turn. */
export function realisticNote(words = 2000): string {
  const parts: string[] = [];
  let count = 0;
  for (let index = 0; count < words; index += 1) {
    const paragraph = PARAGRAPHS[index % PARAGRAPHS.length]!;
    parts.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

export interface Measurement {
  words: number;
  runs: number;
  findings: number;
  medianMs: number;
  p95Ms: number;
}

/** The median (and 95th percentile) time of checkLanguage over `runs` runs, after a warm-up. */
export function measureCheckLanguage(
  options: { runs?: number; words?: number; audience?: Audience } = {},
): Measurement {
  const { runs = 50, words = 2000, audience = 'family' } = options;
  const text = realisticNote(words);
  // Warm up: the first check compiles the glossary and lets the JIT settle.
  let findings = 0;
  for (let index = 0; index < 10; index += 1) findings = checkLanguage(text, { audience }).findings.length;
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    checkLanguage(text, { audience });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(times.length * fraction))]!;
  const middle = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
  return {
    words: text.split(/\s+/).length,
    runs,
    findings,
    medianMs: Math.round(median * 100) / 100,
    p95Ms: Math.round(at(0.95) * 100) / 100,
  };
}
