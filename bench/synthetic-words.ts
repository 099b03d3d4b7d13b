/**
 * The child's own words for the synthetic council: things they said, written down as they
 * said them ("In my own words"), direct work done with them (Three Houses, the Wizard, wishes
 * and feelings, what they want people to know) and how they would like to take part in
 * meetings about them. Babies and toddlers have none; the words change with the child's age.
 * Each is audited as the voice service audits it.
 */
import type { DirectWorkTool, DirectWorkWords, ParticipationWay } from '../src/features/voice/schema.js';
import { isoDay, seedFrom, uuidAt, type Random } from './synthetic-council.js';
import {
  about,
  between,
  chance,
  isoTime,
  pick,
  several,
  strideId,
  workingTime,
  type ChildContext,
} from './synthetic-context.js';

export interface SyntheticWords {
  id: string;
  childPersonId: string;
  words: string;
  heardBy: string;
  heardOn: string;
  setting: string | null;
  recordedBy: string;
  recordedByLabel: string;
  recordedAt: string;
}

export interface SyntheticDirectWork {
  id: string;
  childPersonId: string;
  tool: DirectWorkTool;
  doneOn: string;
  doneWith: string;
  childsWords: DirectWorkWords;
  recordedBy: string;
  recordedByLabel: string;
  recordedAt: string;
}

export interface SyntheticPreference {
  id: string;
  childPersonId: string;
  way: ParticipationWay;
  inTheirWords: string | null;
  saidOn: string;
  recordedBy: string;
  recordedByLabel: string;
  recordedAt: string;
}

const MAX_WORDS = 16;
const MAX_DIRECT_WORK = 8;
const MAX_PREFERENCES = 4;

type Age = 'young' | 'middle' | 'teen';
const ageBand = (age: number): Age => (age < 8 ? 'young' : age < 13 ? 'middle' : 'teen');

const sayings: Record<Age, readonly string[]> = {
  young: [
    'I like it when Mummy reads me the dinosaur book.',
    'Nan lets me help make the cakes.',
    'I don’t like the shouting. It makes my tummy hurt.',
    'My best friend is Ava. We play horses.',
    'I want to go to the park with Daddy.',
    'I was brave at the dentist and got a sticker.',
    'I sleep with my light on because of the dark.',
  ],
  middle: [
    'I like it when we all have tea together and watch a film.',
    'School is better now. I sit next to my friend and Miss lets me help.',
    'I want to keep going to football on Saturdays.',
    'I miss my cousins. Can we see them at half term?',
    'When Mum is sad I make her a cup of tea.',
    'I feel safe at Nan’s house because it is quiet.',
    'I don’t want to move schools again.',
    'Dad makes the best pancakes. I want to see him more.',
  ],
  teen: [
    'I just want things to be normal, like my mates’ houses.',
    'I’m fine at school. It’s home that’s hard sometimes.',
    'I want to be asked, not told. It’s my life.',
    'Auntie is the one I can talk to. She doesn’t judge.',
    'I want to do my GCSEs and go to college for mechanics.',
    'I don’t like meetings with loads of people staring at me.',
    'Things are better with Mum since we started talking properly.',
    'I want to see my dad but on my terms.',
  ],
};
const settings = [
  'In the car on the way to school',
  'At home, in the garden',
  'Walking to the park',
  'At school, in the quiet room',
  'At Nan’s house',
  'At the family centre',
  'On the phone',
];

const toolParts: Record<DirectWorkTool, Record<string, Record<Age, readonly string[]>>> = {
  three_houses: {
    houseOfWorries: {
      young: ['The shouting', 'The dark', 'When Mummy cries'],
      middle: ['When Mum and Dad argue', 'Moving house again', 'Getting told off at school', 'Money'],
      teen: ['Mum not coming home', 'People at school finding out', 'Having to move', 'Dad’s drinking'],
    },
    houseOfGoodThings: {
      young: ['My dog', 'Nan’s cakes', 'Bath time with bubbles', 'Playing horses with Ava'],
      middle: ['Football on Saturdays', 'Film nights', 'My bedroom', 'My friend next door', 'Swimming'],
      teen: ['My mates', 'Auntie', 'Gaming with my brother', 'The youth club', 'My part-time job'],
    },
    houseOfDreams: {
      young: ['A big garden', 'Everyone happy', 'A puppy'],
      middle: ['Living with Mum and Nan', 'Being a footballer', 'No more moving'],
      teen: ['My own flat one day', 'Passing my exams', 'Mum being well', 'Being a mechanic'],
    },
  },
  wizard: {
    wouldChangeWithMagic: {
      young: ['Make Daddy come home', 'Make the shouting stop', 'Have a unicorn'],
      middle: ['Make Mum not sad', 'Stop the arguments', 'Give us more money', 'Let me see my cousins every week'],
      teen: ['Fix things at home', 'Make people listen to me', 'Get a bigger house'],
    },
  },
  wishes_and_feelings: {
    wishes: {
      young: ['To go to the seaside', 'For Mummy to be happy'],
      middle: ['To stay at my school', 'To see Dad more', 'For everyone to get on'],
      teen: ['To be left alone a bit', 'To go to college', 'For Mum to stay well'],
    },
    feelings: {
      young: ['Happy at Nan’s', 'Scared when it is loud'],
      middle: ['Happy most days', 'Worried about Mum', 'Cross when I’m not listened to'],
      teen: ['Tired of meetings', 'Better than last year', 'Stressed about exams'],
    },
  },
  want_people_to_know: {
    wantPeopleToKnow: {
      young: ['I love my family', 'I am good at drawing'],
      middle: ['I am not naughty, I just get upset', 'My family are trying really hard', 'I want to stay at my school'],
      teen: [
        'I am more than what’s in my file',
        'Please talk to me, not about me',
        'Things are better than they were and I want that to be seen',
      ],
    },
  },
};
const preferenceWords: Record<ParticipationWay, readonly string[]> = {
  attend: ['I want to be there and hear it for myself.', 'I want to come, but I want Auntie with me.'],
  part_of_meetings: ['I’ll come at the start and say my bit, then go.', 'Just the first bit, it’s boring after.'],
  send_words_or_drawing: ['I will do a drawing for the meeting.', 'Can you read out what I wrote?'],
  through_an_advocate: ['I want my advocate to say it for me.', 'Sam from the advocacy service can speak for me.'],
  not_at_all: ['Not this time. I don’t want to talk about it.', 'I’d rather not, just tell me what happens.'],
};

function waysFor(random: Random, age: number): ParticipationWay {
  if (age >= 12) {
    return pick(random, [
      'attend',
      'attend',
      'part_of_meetings',
      'part_of_meetings',
      'through_an_advocate',
      'not_at_all',
    ]);
  }
  return pick(random, [
    'send_words_or_drawing',
    'send_words_or_drawing',
    'part_of_meetings',
    'through_an_advocate',
    'attend',
  ]);
}

export function generateWords(context: ChildContext): {
  words: SyntheticWords[];
  directWork: SyntheticDirectWork[];
  preferences: SyntheticPreference[];
} {
  const random = context.random(61);
  const { practitioner, childId, childName } = context;
  const key = (kind: number) => seedFrom(context.plan.idKey, kind);
  const wordsKey = key(61);
  const workKey = key(62);
  const preferenceKey = key(63);
  const words: SyntheticWords[] = [];
  const directWork: SyntheticDirectWork[] = [];
  const preferences: SyntheticPreference[] = [];
  const listeners = [
    practitioner.user.fullName,
    practitioner.user.fullName,
    ...context.family.slice(0, 3).map((someone) => `${someone.name} (${someone.relationship})`),
    ...context.professionals.slice(0, 2).map((someone) => `${someone.name} (${someone.relationship})`),
  ];

  // Something the child said, every few months, from the age of three.
  let day = context.opened + between(random, 10, 60);
  while (day <= context.lastDay && words.length < MAX_WORDS) {
    const age = context.ageOn(day);
    if (age >= 3) {
      const at = workingTime(random, Math.min(context.lastDay, day + between(random, 0, 2)));
      const entry: SyntheticWords = {
        id: uuidAt(wordsKey, strideId(context.childIndex, MAX_WORDS, words.length)),
        childPersonId: childId,
        words: several(random, sayings[ageBand(age)], between(random, 1, 2)).join(' '),
        heardBy: pick(random, listeners),
        heardOn: isoDay(day),
        setting: chance(random, 0.8) ? pick(random, settings) : null,
        recordedBy: practitioner.user.id,
        recordedByLabel: practitioner.label,
        recordedAt: isoTime(at),
      };
      words.push(entry);
      context.audit({
        at,
        userIndex: practitioner.index,
        action: 'childs_words.recorded',
        subjectType: 'child_record',
        subjectId: childId,
        details: {},
        reason: null,
      });
    }
    day += between(random, 90, 200);
  }

  // Direct work from the age of four, every six months or so.
  day = context.opened + between(random, 20, 90);
  while (day <= context.lastDay && directWork.length < MAX_DIRECT_WORK) {
    const age = context.ageOn(day);
    if (age >= 4) {
      const band = ageBand(age);
      const tool: DirectWorkTool =
        band === 'young'
          ? pick(random, ['three_houses', 'three_houses', 'wizard', 'wishes_and_feelings'])
          : band === 'middle'
            ? pick(random, ['three_houses', 'three_houses', 'wishes_and_feelings', 'wizard', 'want_people_to_know'])
            : pick(random, ['three_houses', 'wishes_and_feelings', 'want_people_to_know', 'want_people_to_know']);
      const childsWords: DirectWorkWords = {};
      for (const [part, byAge] of Object.entries(toolParts[tool])) {
        childsWords[part] = several(random, byAge[band], between(random, 1, 3)).map((text) => about(text, childName));
      }
      const at = workingTime(random, Math.min(context.lastDay, day + between(random, 0, 3)));
      const work: SyntheticDirectWork = {
        id: uuidAt(workKey, strideId(context.childIndex, MAX_DIRECT_WORK, directWork.length)),
        childPersonId: childId,
        tool,
        doneOn: isoDay(day),
        doneWith: practitioner.user.fullName,
        childsWords,
        recordedBy: practitioner.user.id,
        recordedByLabel: practitioner.label,
        recordedAt: isoTime(at),
      };
      directWork.push(work);
      context.audit({
        at,
        userIndex: practitioner.index,
        action: 'direct_work.recorded',
        subjectType: 'direct_work',
        subjectId: work.id,
        details: { tool },
        reason: null,
      });
    }
    day += between(random, 150, 300);
  }

  // How they would like to take part in meetings, from the age of five; some change their mind.
  day = context.opened + between(random, 14, 60);
  while (day <= context.lastDay && preferences.length < MAX_PREFERENCES) {
    const age = context.ageOn(day);
    if (age >= 5) {
      const way = waysFor(random, age);
      const at = workingTime(random, day);
      const preference: SyntheticPreference = {
        id: uuidAt(preferenceKey, strideId(context.childIndex, MAX_PREFERENCES, preferences.length)),
        childPersonId: childId,
        way,
        inTheirWords: chance(random, 0.7) ? pick(random, preferenceWords[way]) : null,
        saidOn: isoDay(day),
        recordedBy: practitioner.user.id,
        recordedByLabel: practitioner.label,
        recordedAt: isoTime(at),
      };
      preferences.push(preference);
      context.audit({
        at,
        userIndex: practitioner.index,
        action: 'participation.recorded',
        subjectType: 'child_record',
        subjectId: childId,
        details: { way },
        reason: null,
      });
      if (!chance(random, 0.3)) break;
    }
    day += between(random, 200, 500);
  }
  return { words, directWork, preferences };
}
