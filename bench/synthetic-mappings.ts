/**
 * Mappings for the synthetic council: each child is mapped with their family soon after their
 * record opens and again every few months, each mapping with entries under the three questions
 * in the words of the people in the child's own network, and scaled by four to six of them.
 * Deterministic for a seed; every entry and score is checked by the same rules as the form.
 */
import { scoreSchema, validateEntry, type EntryContent } from '../src/features/mapping/domain.js';
import type { ViewKind } from '../src/features/mapping/schema.js';
import {
  dayOf,
  isoDay,
  mulberry32,
  seedFrom,
  tieForRelation,
  uuidAt,
  type CouncilPlan,
  type PersonRow,
} from './synthetic-council.js';

export interface SyntheticMapping {
  id: string;
  childPersonId: string;
  title: string;
  heldOn: string;
  whoTookPart: string;
  createdByLabel: string;
  entries: (EntryContent & { id: string; position: number })[];
  scores: {
    id: string;
    scoredOn: string;
    scorerKind: ViewKind;
    scorerPersonId: string | null;
    scorerName: string;
    score: number;
    reason: string;
  }[];
}

/** At most this many mappings a child (ids are laid out on this stride). */
const MAX_MAPPINGS = 8;
const MAX_ENTRIES = 16;
const MAX_SCORES = 8;

const harms = [
  'The police were called after an argument at home; the children were there and heard it',
  'The children were left at home alone overnight',
  'The school saw a bruise on the child’s arm and the child said it happened at home',
  'The child missed most of the school term and no one at home knew where they were in the day',
  'An adult at home was too unwell after drinking to look after the children',
];
const dangers = [
  {
    couldHappen: 'The children could be hurt or badly frightened',
    becauseOf: 'When the adults argue it turns to shouting and pushing',
    when: 'Late at night, after drinking',
  },
  {
    couldHappen: 'The child could be left without anyone looking after them',
    becauseOf: 'Mum sometimes goes out and does not arrange for anyone to stay with them',
    when: 'At weekends',
  },
  {
    couldHappen: 'The child could stop going to school and lose their friends',
    becauseOf: 'The adults at home do not get up in the mornings',
    when: null,
  },
];
const complications = [
  'The family moved three times this year and are in temporary housing',
  'Dad works away from Monday to Friday',
  'The nearest grandparent lives two hours away',
  'Money is very tight since the benefits changed',
];
const strengths = [
  'They love each other and it shows in how they talk about each other',
  'The child has a best friend at school and goes to football every week',
  'Mum has kept every appointment this month',
  'Nan has the children every Saturday and they love going',
  'Dad reads to the younger ones every night he is home',
  'I like it when we have tea together and watch films',
];
const safeties = [
  'Since the summer, Nan has stayed over every time Mum works nights',
  'The child knows who to ring and has rung their aunt twice when things got loud',
  'There has been no shouting at home for three months, the neighbours and the school say',
];
const goalDoings = [
  'Make sure a sober adult is with the children every evening and every weekend',
  'Get the children to school on time every day and tell the school if they cannot',
  'Sort out arguments away from the children, and ring someone in the network if it gets loud',
];
const steps = [
  'Ask the wider family to a network meeting',
  'Write the safety plan in the family’s own words',
  'Start the parenting group at the children’s centre',
  'Visit the new school with the child',
];
const reasons = [
  'Things are calmer but it is early days',
  'We are all working together now',
  'I still worry about the weekends',
  'The children seem happier',
  'There is a plan and people are sticking to it',
];

function pickFrom<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Whose view, from the people in the child's own world: the child, family, network or professionals. */
function voices(people: readonly PersonRow[]) {
  const [child, ...others] = people;
  const byKind = (kind: ViewKind) =>
    others.filter((person) => {
      if (person.kind !== 'person') return false;
      const { circle } = tieForRelation(person.relation ?? '', person.kind);
      if (kind === 'professional') return circle === 'professional';
      if (kind === 'family') return circle === 'family';
      return circle === 'friends_and_community';
    });
  return {
    child: child ? [child] : [],
    family: byKind('family'),
    network: byKind('network'),
    professional: byKind('professional'),
  };
}

export function generateMappings(
  plan: CouncilPlan,
  childIndex: number,
  people: readonly PersonRow[],
): SyntheticMapping[] {
  const child = plan.children[childIndex];
  if (!child) throw new RangeError(`no child ${childIndex}`);
  const random = mulberry32(seedFrom(plan.options.seed, childIndex, 17));
  const mappingKey = seedFrom(plan.idKey, 11);
  const entryKey = seedFrom(plan.idKey, 12);
  const scoreKey = seedFrom(plan.idKey, 13);
  const asOf = dayOf(plan.options.asOf);
  const opened = dayOf(child.record.openedOn);
  const lastDay = child.record.closedOn ? Math.min(asOf, dayOf(child.record.closedOn)) : asOf;
  const available = voices(people);
  const worker = available.professional.find((person) => (person.relation ?? '').startsWith('Social worker'));
  const workerName = worker?.fullName ?? 'The social worker';
  const mappings: SyntheticMapping[] = [];
  let day = opened + 14 + Math.floor(random() * 28);
  let occasion = 0;
  // One score from 0 to 10 per group, rising gently over the months for most families.
  let level = 2 + Math.floor(random() * 4);
  while (day <= lastDay && occasion < MAX_MAPPINGS) {
    const heldOn = isoDay(day);
    const entries: SyntheticMapping['entries'] = [];
    const say = (section: string, input: Record<string, unknown>, kind: ViewKind) => {
      const speaker = pickFrom(random, available[kind].length > 0 ? available[kind] : available.child);
      const checked = validateEntry(section, {
        ...input,
        viewOfKind: available[kind].length > 0 ? kind : 'child',
        viewOfPersonId: speaker?.id ?? null,
        viewOfName: speaker?.fullName ?? 'The child',
      });
      if (!checked.valid) throw new Error(`synthetic entry is not valid: ${JSON.stringify(checked.issues)}`);
      if (entries.length >= MAX_ENTRIES) return;
      entries.push({
        ...checked.content,
        id: uuidAt(entryKey, (childIndex * MAX_MAPPINGS + occasion) * MAX_ENTRIES + entries.length),
        position: entries.length + 1,
      });
    };
    say(
      'past_harm',
      { statement: pickFrom(random, harms), harmWhen: 'Before the family and Kith met' },
      'professional',
    );
    const danger = pickFrom(random, dangers);
    say(
      'danger_statement',
      {
        worriedWho: `${workerName} and the family`,
        couldHappen: danger.couldHappen,
        becauseOf: danger.becauseOf,
        inCircumstances: danger.when,
      },
      'family',
    );
    if (random() < 0.6) say('complicating_factor', { statement: pickFrom(random, complications) }, 'family');
    say('existing_strength', { statement: pickFrom(random, strengths) }, 'child');
    say('existing_strength', { statement: pickFrom(random, strengths) }, 'network');
    if (occasion > 0 || random() < 0.4) say('existing_safety', { statement: pickFrom(random, safeties) }, 'network');
    say(
      'safety_goal',
      {
        goalWho: 'The family and their network',
        goalWillBeDoing: pickFrom(random, goalDoings),
        goalHowWeWillKnow: null,
      },
      'family',
    );
    say(
      'next_step',
      {
        statement: pickFrom(random, steps),
        stepOwnerName: workerName,
        stepDueOn: isoDay(day + 21 + Math.floor(random() * 30)),
      },
      'professional',
    );

    const scores: SyntheticMapping['scores'] = [];
    const scorers: ViewKind[] = ['child', 'family', 'family', 'network', 'professional', 'professional'];
    const howMany = 4 + Math.floor(random() * 3);
    for (const kind of scorers.slice(0, howMany)) {
      const candidates = available[kind];
      const scorer = candidates.length > 0 ? pickFrom(random, candidates) : null;
      if (!scorer) continue;
      const score = Math.max(0, Math.min(10, level + Math.floor(random() * 3) - 1));
      const candidate = {
        scorerKind: kind,
        scorerPersonId: scorer.id,
        scorerName: scorer.fullName,
        score,
        reason: pickFrom(random, reasons),
        scoredOn: heldOn,
      };
      const parsed = scoreSchema.safeParse(candidate);
      if (!parsed.success) throw new Error(`synthetic score is not valid: ${parsed.error.message}`);
      scores.push({
        ...parsed.data,
        scorerPersonId: scorer.id,
        id: uuidAt(scoreKey, (childIndex * MAX_MAPPINGS + occasion) * MAX_SCORES + scores.length),
      });
    }
    mappings.push({
      id: uuidAt(mappingKey, childIndex * MAX_MAPPINGS + occasion),
      childPersonId: child.record.personId,
      title: occasion === 0 ? 'First mapping with the family' : `Review mapping ${occasion}`,
      heldOn,
      whoTookPart: 'The family, their network and the professionals who know them',
      createdByLabel: workerName,
      entries,
      scores,
    });
    occasion += 1;
    level = Math.min(9, level + (random() < 0.7 ? 1 : 0));
    day += 90 + Math.floor(random() * 60);
  }
  return mappings;
}
