/**
 * The fictional family of the demo council. Every name, date and detail is invented.
 * Each issue extends this family so that the demo shows every capability built so far.
 *
 * Mia Thompson (9) and her brother Leo (6) live with their mum Sarah and Sarah's partner Dan,
 * who is Leo's dad. Mia's dad Marcus lives across town. Three generations, friends, a school, a football club
 * and the professionals who know them.
 */
import type { NewPerson } from '../features/people/queries.js';

export interface DemoPerson extends NewPerson {
  /** A stable key the later parts of the seed use to refer to this person. */
  key: string;
}

export const demoCouncil = { slug: 'demo-borough', name: 'Demo Borough Council' } as const;
export const otherCouncil = { slug: 'other-council', name: 'Other Council' } as const;

export const demoChildren = [
  { key: 'mia', reference: 'DB-10001', openedOn: '2025-09-08' },
  { key: 'leo', reference: 'DB-10002', openedOn: '2025-09-08' },
] as const;

export const demoFamily: DemoPerson[] = [
  // The children
  {
    key: 'mia',
    fullName: 'Mia Thompson',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '2017-03-14',
    languages: ['English'],
    whatTheyBring: 'Loves drawing, football and her gran’s dog, Biscuit. Looks out for her little brother.',
  },
  {
    key: 'leo',
    fullName: 'Leo Thompson',
    pronouns: 'he/him',
    gender: 'male',
    dateOfBirth: '2020-06-02',
    languages: ['English'],
    whatTheyBring: 'Funny and full of questions. Loves dinosaurs and bath time songs.',
  },
  // Parents and the household
  {
    key: 'sarah',
    fullName: 'Sarah Thompson',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1991-11-20',
    languages: ['English'],
    whatTheyBring: 'Knows her children best. Has kept every school appointment this term.',
  },
  {
    key: 'dan',
    fullName: 'Daniel Hughes',
    knownAs: 'Dan',
    pronouns: 'he/him',
    gender: 'male',
    dateOfBirth: '1988-02-07',
    languages: ['English', 'Welsh'],
    whatTheyBring: 'Does the school run on weekdays. Teaching Mia to cook.',
  },
  {
    key: 'marcus',
    fullName: 'Marcus Bell',
    pronouns: 'he/him',
    gender: 'male',
    dateOfBirth: '1989-08-30',
    languages: ['English'],
    whatTheyBring: 'Takes the children to football on Saturdays.',
  },
  // Sarah's side
  {
    key: 'pat',
    fullName: 'Patricia Thompson',
    knownAs: 'Nan Pat',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1963-05-18',
    languages: ['English'],
    whatTheyBring: 'Lives ten minutes away. Has the children for tea every Wednesday.',
  },
  {
    key: 'ron',
    fullName: 'Ronald Thompson',
    gender: 'male',
    dateOfBirth: '1960-01-09',
    diedOn: '2022-12-03',
    languages: ['English'],
    whatTheyBring: 'Mia remembers fishing trips with him.',
  },
  {
    key: 'jess',
    fullName: 'Jessica Thompson',
    knownAs: 'Auntie Jess',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1994-07-22',
    languages: ['English'],
    whatTheyBring: 'Mia’s favourite person to talk to. Offered to have the children stay in the holidays.',
  },
  {
    key: 'kyle',
    fullName: 'Kyle Thompson',
    pronouns: 'he/him',
    gender: 'male',
    dateOfBirth: '1986-10-11',
    languages: ['English'],
    whatTheyBring: 'Lives in Leeds; video calls the children most Sundays.',
  },
  {
    key: 'amber',
    fullName: 'Amber Thompson',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '2015-04-04',
    languages: ['English'],
    whatTheyBring: 'Mia’s cousin, two years older; they message each other.',
  },
  // Marcus's side
  {
    key: 'grace',
    fullName: 'Grace Bell',
    knownAs: 'Grandma Grace',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1958-12-25',
    languages: ['English', 'Jamaican Patois'],
    whatTheyBring: 'Takes the children to church on Sundays and cooks their favourite rice and peas.',
  },
  {
    key: 'winston',
    fullName: 'Winston Bell',
    pronouns: 'he/him',
    gender: 'male',
    dateOfBirth: '1955-03-03',
    languages: ['English'],
    whatTheyBring: 'Grows vegetables with Leo on his allotment.',
  },
  {
    key: 'tanya',
    fullName: 'Tanya Bell',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1992-09-15',
    languages: ['English'],
    whatTheyBring: 'Marcus’s sister; a nurse; lives close to the school.',
  },
  // Dan's side
  {
    key: 'gwen',
    fullName: 'Gwen Hughes',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1961-06-19',
    languages: ['Welsh', 'English'],
    whatTheyBring: 'Dan’s mum; knits for both children; visits every school holiday.',
  },
  // Friends and community
  {
    key: 'lily',
    fullName: 'Lily Ahmed',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '2017-01-28',
    languages: ['English', 'Bengali'],
    whatTheyBring: 'Mia’s best friend since reception class.',
  },
  {
    key: 'nadia',
    fullName: 'Nadia Ahmed',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1987-03-12',
    languages: ['English', 'Bengali'],
    whatTheyBring: 'Lily’s mum; Sarah’s friend; collects Mia from school when Sarah is at work.',
  },
  {
    key: 'joan',
    fullName: 'Joan Price',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '1950-08-08',
    dateOfBirthIsApproximate: true,
    languages: ['English'],
    whatTheyBring: 'Next-door neighbour for twelve years; the children call in after school.',
  },
  {
    key: 'school',
    kind: 'place',
    fullName: 'Riverside Primary School',
    languages: [],
    whatTheyBring: 'Mia’s and Leo’s school; breakfast club from 7.45am.',
  },
  {
    key: 'football',
    kind: 'group',
    fullName: 'Northfield Juniors Football Club',
    languages: [],
    whatTheyBring: 'Mia plays in the under-10s girls’ team on Saturday mornings.',
  },
  {
    key: 'church',
    kind: 'group',
    fullName: 'St Anne’s Church family group',
    languages: [],
    whatTheyBring: 'Sunday mornings with Grandma Grace; a children’s choir Mia enjoys.',
  },
  {
    key: 'park',
    kind: 'place',
    fullName: 'Northfield Park',
    languages: [],
    whatTheyBring: 'Where Mia and Leo play with Dan after school.',
  },
  // Professionals
  {
    key: 'teacher',
    fullName: 'Helen Carter',
    pronouns: 'she/her',
    gender: 'female',
    languages: ['English'],
    whatTheyBring: 'Mia’s class teacher; Mia trusts her and talks to her at break.',
  },
  {
    key: 'coach',
    fullName: 'Sam Okafor',
    pronouns: 'he/him',
    gender: 'male',
    languages: ['English'],
    whatTheyBring: 'Football coach; noticed how much Mia encourages younger players.',
  },
  {
    key: 'healthVisitor',
    fullName: 'Priya Shah',
    pronouns: 'she/her',
    gender: 'female',
    languages: ['English', 'Gujarati'],
    whatTheyBring: 'Health visitor who has known Leo since he was born.',
  },
  {
    key: 'gp',
    fullName: 'Dr Owen Davies',
    pronouns: 'he/him',
    gender: 'male',
    languages: ['English'],
    whatTheyBring: 'Family doctor at Northfield Surgery.',
  },
  {
    key: 'socialWorker',
    fullName: 'Alex Morgan',
    pronouns: 'they/them',
    gender: 'other',
    languages: ['English'],
    whatTheyBring: 'The family’s social worker since September 2025.',
  },
  {
    key: 'familySupport',
    fullName: 'Chloe Evans',
    pronouns: 'she/her',
    gender: 'female',
    languages: ['English'],
    whatTheyBring: 'Family support worker; runs the parenting group Sarah and Dan go to.',
  },
];

/** A small, different family in the second council, to show that councils never see each other. */
export const otherCouncilFamily: DemoPerson[] = [
  {
    key: 'ava',
    fullName: 'Ava Patel',
    pronouns: 'she/her',
    gender: 'female',
    dateOfBirth: '2012-10-01',
    languages: ['English', 'Gujarati'],
    whatTheyBring: 'A keen swimmer.',
  },
  {
    key: 'ravi',
    fullName: 'Ravi Patel',
    pronouns: 'he/him',
    gender: 'male',
    dateOfBirth: '1980-05-05',
    languages: ['English', 'Gujarati'],
    whatTheyBring: 'Ava’s dad.',
  },
];

export const otherCouncilChildren = [{ key: 'ava', reference: 'OC-20001', openedOn: '2026-01-12' }] as const;
