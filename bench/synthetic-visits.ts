/**
 * Visits for the synthetic council: from the week a child’s record opens until the council’s
 * "today" (or the record’s closing), a contact every few days (about a hundred a child), each a few hundred words
 * across what was seen, heard and felt, the child's words, what is working well, worries and a
 * reflection. Deterministic for a seed. The words come from a bank of plain, strengths-based
 * sentences about ordinary family life, so full-text search meets realistic vocabulary.
 */
import { visitKinds, type VisitKind } from '../src/features/voice/schema.js';
import { dayOf, mulberry32, seedFrom, uuidAt, type CouncilPlan, type PersonRow } from './synthetic-council.js';

export interface SyntheticVisit {
  id: string;
  childPersonId: string;
  kind: VisitKind;
  happenedAt: string;
  place: string;
  childSeen: boolean;
  seenAlone: boolean | null;
  notSeenReason: string | null;
  seenHeardFelt: string;
  childsWords: string | null;
  workingWell: string;
  worries: string | null;
  reflection: string;
  nextSteps: { who: string; what: string; byWhen: string | null }[];
  recordedByLabel: string;
}

/** Ids are laid out on this stride per child; no child has more visits than this. */
export const MAX_VISITS_PER_CHILD = 400;

const seen = [
  'The kitchen was warm and tidy, and there was a smell of soup cooking.',
  'The children were playing a board game on the living room floor when I arrived.',
  'Mum showed me the new bunk beds the children chose together.',
  'The house was quiet; the television was off and the children were reading.',
  'There was washing drying on the radiator and school uniforms laid out for the morning.',
  'The garden has a new vegetable patch; the tomatoes are coming on well.',
  'Dad was helping with spelling homework at the table.',
  'The dog came to greet me and the youngest laughed and hid behind the sofa.',
  'The front room had new curtains and a calendar on the wall with every appointment written in.',
  'The fridge had a family rota on it, with Nan’s name on Tuesdays and Thursdays.',
  'The children’s drawings were stuck up along the hallway.',
  'The flat felt calm; the baby was asleep in the cot and the older two were doing puzzles.',
  'Grandma was there and had brought a cake for after school.',
  'The bedroom was cold because the heating had broken; the landlord has been told.',
  'There were boxes in the hall from the move, but the children’s rooms were already set up.',
];
const words = [
  '“I like it when we all have tea together.”',
  '“Nan lets me help with the baking and I got flour everywhere.”',
  '“School is better now, I sit next to my friend.”',
  '“I don’t like it when people shout, it makes my tummy hurt.”',
  '“I want to go to football again on Saturdays.”',
  '“My room is my favourite place because it has my books.”',
  '“Dad reads me a story every night now.”',
  '“I miss my cousins, can we see them at the weekend?”',
  '“I got a gold star for my reading.”',
  '“I want to tell the judge I want to stay with Mum.”',
  '“The new school is okay but the dinners are rubbish.”',
  '“I feel safe when Auntie is here.”',
];
const working = [
  'Mum has got the children to school on time every day this month.',
  'The weekend rota with the grandparents has held for eight weeks.',
  'Dad has been to every session of the parenting group.',
  'The children talk about their week openly and laugh a lot together.',
  'The family have kept every appointment with the health visitor.',
  'The older child now walks the younger one to the bus stop, and both enjoy it.',
  'There have been no calls to the police since the safety plan was agreed.',
  'Mum rang the school herself when she was worried about a bruise from football.',
];
const worry = [
  'Money is tight since the hours at work were cut, and the gas meter was on emergency credit.',
  'Mum said she has been feeling low and not sleeping well.',
  'There was an argument last weekend that the children heard from upstairs.',
  'The school says attendance dipped in the last fortnight.',
  'The youngest has had three missed health appointments this year.',
  'Dad said he had a drink again after a hard week, and was honest about it.',
];
const reflections = [
  'I wonder whether the family would benefit from a network meeting to widen the circle of support.',
  'The strengths here are real; the question is whether they hold on a hard week.',
  'I was struck by how much the children look out for each other.',
  'Next time I would like to see the children at school as well, to hear how their days go there.',
  'Mum’s honesty about the argument is itself a sign of the trust we have built.',
  'I need to make sure the plan is written in words the family would use.',
];
const places = ['At home', 'At school', 'At Nan’s house', 'At the family centre', 'In the park', 'At the office'];
const steps = [
  { who: 'Mum', what: 'Ring the housing officer about the heating' },
  { who: 'The social worker', what: 'Arrange a network meeting with the wider family' },
  { who: 'Dad', what: 'Go to the Tuesday support group' },
  { who: 'Nan', what: 'Have the children on Friday evenings' },
  { who: 'The school', what: 'Share attendance each fortnight' },
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const several = (random: () => number, items: readonly string[], count: number) =>
  Array.from({ length: count }, () => pick(random, items)).join(' ');

export function generateVisits(plan: CouncilPlan, childIndex: number, people: readonly PersonRow[]): SyntheticVisit[] {
  const child = plan.children[childIndex];
  if (!child) throw new RangeError(`no child ${childIndex}`);
  const random = mulberry32(seedFrom(plan.options.seed, childIndex, 23));
  const visitKey = seedFrom(plan.idKey, 21);
  // Up to the day before the council's today: the seed may run at any hour of today, and a
  // visit later today would be in the future, which the visit form refuses.
  const yesterday = dayOf(plan.options.asOf) - 1;
  const lastDay = child.record.closedOn ? Math.min(yesterday, dayOf(child.record.closedOn)) : yesterday;
  const worker =
    people.find((person) => (person.relation ?? '').startsWith('Social worker'))?.fullName ?? 'The social worker';
  const childName = people[0]?.knownAs ?? people[0]?.fullName.split(' ')[0] ?? 'the child';
  const visits: SyntheticVisit[] = [];
  let day = dayOf(child.record.openedOn) + 3 + Math.floor(random() * 7);
  while (day <= lastDay && visits.length < MAX_VISITS_PER_CHILD) {
    const kind: VisitKind = random() < 0.65 ? 'home_visit' : pick(random, visitKinds);
    const childSeen = kind === 'home_visit' || kind === 'school_visit' ? random() < 0.93 : random() < 0.5;
    const minutes = (9 + Math.floor(random() * 9)) * 60 + Math.floor(random() * 4) * 15;
    const byWhen = new Date((day + 14 + Math.floor(random() * 28)) * 86_400_000).toISOString().slice(0, 10);
    visits.push({
      id: uuidAt(visitKey, childIndex * MAX_VISITS_PER_CHILD + visits.length),
      childPersonId: child.record.personId,
      kind,
      happenedAt: new Date(day * 86_400_000 + minutes * 60_000).toISOString(),
      place: kind === 'school_visit' ? 'At school' : kind === 'home_visit' ? 'At home' : pick(random, places),
      childSeen,
      seenAlone: childSeen ? random() < 0.7 : null,
      notSeenReason: childSeen ? null : `${childName} was at a friend’s birthday party; we spoke on the phone instead.`,
      seenHeardFelt: several(random, seen, 5 + Math.floor(random() * 6)),
      childsWords: childSeen ? several(random, words, 1 + Math.floor(random() * 3)) : null,
      workingWell: several(random, working, 2 + Math.floor(random() * 3)),
      worries: random() < 0.7 ? several(random, worry, 1 + Math.floor(random() * 2)) : null,
      reflection: several(random, reflections, 1 + Math.floor(random() * 2)),
      nextSteps: random() < 0.6 ? [{ ...pick(random, steps), byWhen }] : [],
      recordedByLabel: worker,
    });
    day += 2 + Math.floor(random() * 8);
  }
  return visits;
}
