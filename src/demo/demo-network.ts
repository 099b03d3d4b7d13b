/**
 * The Thompson family's network: who is in Mia's and Leo's worlds and how everyone relates.
 * Three generations (Nan Pat and the late Grandad Ron, Grandma Grace and Grandad Winston,
 * Gwen), friends, a school, a football club, a church group, a park and the professionals.
 */
import type { Circle, Closeness, Quality, SupportDirection } from '../features/network/schema.js';
import type { RelationshipType } from '../features/network/validation.js';

export interface DemoTie {
  from: string;
  to: string;
  type: RelationshipType;
  closeness?: Closeness;
  quality?: Quality;
  supportFlows?: SupportDirection;
  lovesTheChild?: boolean;
  childLovesThem?: boolean;
  lifelongConnection?: boolean;
  safetyNetworkRole?: string;
  startedOn?: string;
  endedOn?: string;
  notes?: string;
}

const family: Circle = 'family';
const community: Circle = 'friends_and_community';
const professional: Circle = 'professional';

/** Family in both Mia's and Leo's networks, in this order in each. */
const bothChildrensFamily = {
  sarah: family,
  dan: family,
  marcus: family,
  pat: family,
  ron: family,
  jess: family,
};

/** Who is in each child's network, and in which part of their world. */
export const demoNetworkMembers: Record<'mia' | 'leo', Record<string, Circle>> = {
  mia: {
    leo: family,
    ...bothChildrensFamily,
    kyle: family,
    amber: family,
    grace: family,
    winston: family,
    tanya: family,
    gwen: family,
    lily: community,
    nadia: community,
    joan: community,
    school: community,
    football: community,
    church: community,
    park: community,
    teacher: professional,
    coach: professional,
    gp: professional,
    socialWorker: professional,
    familySupport: professional,
  },
  leo: {
    mia: family,
    ...bothChildrensFamily,
    grace: family,
    winston: family,
    gwen: family,
    joan: community,
    school: community,
    park: community,
    healthVisitor: professional,
    gp: professional,
    socialWorker: professional,
  },
};

const toChild = 'from_first' as const;
/** Loves the child, is loved back, and is someone for life. */
const lifelong = { lovesTheChild: true, childLovesThem: true, lifelongConnection: true } as const;
/** A supportive tie from someone to the child, the support flowing to the child. */
const towardChild = (
  from: string,
  to: string,
  type: RelationshipType,
  closeness: Closeness,
  more: Partial<DemoTie> = {},
): DemoTie => ({ from, to, type, closeness, quality: 'supportive', supportFlows: toChild, ...more });
/** A supportive tie with the support flowing both ways. */
const bothWays = (...[from, to, type, closeness, more]: Parameters<typeof towardChild>) =>
  towardChild(from, to, type, closeness, { supportFlows: 'both', ...more });
/** The child belongs to a group (a school, a club), which supports them. */
const memberOf = (child: string, group: string, closeness: Closeness): DemoTie => ({
  from: child,
  to: group,
  type: 'member',
  closeness,
  quality: 'supportive',
  supportFlows: 'to_first',
});
export const demoTies: DemoTie[] = [
  // Mia
  towardChild('sarah', 'mia', 'mother', 'strong', { ...lifelong, safetyNetworkRole: 'Keeps the plan day to day' }),
  {
    from: 'marcus',
    to: 'mia',
    type: 'father',
    closeness: 'moderate',
    quality: 'mixed',
    supportFlows: toChild,
    lovesTheChild: true,
    childLovesThem: true,
    lifelongConnection: true,
    notes: 'Sees the children every Saturday; Mia would like more time with him.',
  },
  towardChild('dan', 'mia', 'step_parent', 'moderate', {
    lovesTheChild: true,
    childLovesThem: true,
    safetyNetworkRole: 'School run on weekdays',
    startedOn: '2021-05-01',
  }),
  towardChild('pat', 'mia', 'grandmother', 'strong', {
    ...lifelong,
    safetyNetworkRole: 'Wednesday tea; a safe place to go',
  }),
  towardChild('ron', 'mia', 'grandfather', 'strong', {
    ...lifelong,
    endedOn: '2022-12-03',
    notes: 'Mia keeps a photo of their fishing trips.',
  }),
  bothWays('jess', 'mia', 'aunt', 'strong', {
    ...lifelong,
    safetyNetworkRole: 'Someone Mia can talk to any time',
  }),
  towardChild('kyle', 'mia', 'uncle', 'tenuous', { lovesTheChild: true }),
  bothWays('amber', 'mia', 'cousin', 'moderate', { childLovesThem: true }),
  towardChild('grace', 'mia', 'grandmother', 'strong', {
    ...lifelong,
    safetyNetworkRole: 'Sundays; would have the children to stay',
  }),
  towardChild('winston', 'mia', 'grandfather', 'moderate', { lovesTheChild: true }),
  towardChild('tanya', 'mia', 'aunt', 'tenuous', { lovesTheChild: true }),
  towardChild('gwen', 'mia', 'grandparent', 'moderate', { lovesTheChild: true }),
  bothWays('lily', 'mia', 'friend', 'strong', { childLovesThem: true, startedOn: '2021-09-06' }),
  towardChild('nadia', 'mia', 'family_friend', 'moderate', {
    safetyNetworkRole: 'Collects Mia from school on work days',
  }),
  towardChild('joan', 'mia', 'neighbour', 'moderate', { lovesTheChild: true, childLovesThem: true }),
  memberOf('mia', 'school', 'strong'),
  memberOf('mia', 'football', 'strong'),
  memberOf('mia', 'church', 'moderate'),
  memberOf('mia', 'park', 'moderate'),
  towardChild('teacher', 'mia', 'teacher', 'strong', {
    childLovesThem: true,
    safetyNetworkRole: 'Mia talks to her at break',
  }),
  towardChild('coach', 'mia', 'coach', 'moderate'),
  towardChild('gp', 'mia', 'doctor', 'tenuous'),
  towardChild('socialWorker', 'mia', 'social_worker', 'moderate', { startedOn: '2025-09-08' }),
  towardChild('familySupport', 'mia', 'other', 'tenuous'),
  // Leo
  bothWays('mia', 'leo', 'half_sibling', 'strong', lifelong),
  towardChild('sarah', 'leo', 'mother', 'strong', { ...lifelong }),
  towardChild('dan', 'leo', 'father', 'strong', { ...lifelong }),
  towardChild('winston', 'leo', 'other', 'moderate', {
    notes: 'Mia’s grandad; grows vegetables with Leo on the allotment.',
  }),
  towardChild('gwen', 'leo', 'grandmother', 'strong', { ...lifelong }),
  towardChild('pat', 'leo', 'grandmother', 'strong', { ...lifelong }),
  towardChild('healthVisitor', 'leo', 'health_visitor', 'moderate'),
  towardChild('jess', 'leo', 'aunt', 'moderate', {
    lovesTheChild: true,
    safetyNetworkRole: 'Would have the children in the holidays',
  }),
  towardChild('grace', 'leo', 'other', 'moderate', { notes: 'Mia’s grandma; takes both children to church.' }),
  towardChild('marcus', 'leo', 'other', 'tenuous', { notes: 'Mia’s dad; takes Leo to football with Mia.' }),
  towardChild('joan', 'leo', 'neighbour', 'moderate', { childLovesThem: true }),
  memberOf('leo', 'school', 'moderate'),
  memberOf('leo', 'park', 'strong'),
  towardChild('gp', 'leo', 'doctor', 'tenuous'),
  towardChild('socialWorker', 'leo', 'social_worker', 'moderate', { startedOn: '2025-09-08' }),
  // Between the adults
  bothWays('pat', 'ron', 'married', 'strong', { startedOn: '1985-06-01', endedOn: '2022-12-03' }),
  { from: 'pat', to: 'sarah', type: 'mother', closeness: 'strong', quality: 'supportive', supportFlows: 'from_first' },
  { from: 'ron', to: 'sarah', type: 'father', closeness: 'strong', quality: 'supportive' },
  { from: 'pat', to: 'jess', type: 'mother', closeness: 'strong', quality: 'supportive' },
  { from: 'ron', to: 'jess', type: 'father', closeness: 'strong', quality: 'supportive' },
  { from: 'pat', to: 'kyle', type: 'mother', closeness: 'moderate', quality: 'supportive' },
  { from: 'ron', to: 'kyle', type: 'father', closeness: 'moderate', quality: 'supportive' },
  { from: 'kyle', to: 'amber', type: 'father', closeness: 'strong', quality: 'supportive' },
  { from: 'grace', to: 'winston', type: 'married', closeness: 'strong', quality: 'supportive', supportFlows: 'both' },
  { from: 'grace', to: 'marcus', type: 'mother', closeness: 'strong', quality: 'supportive' },
  { from: 'winston', to: 'marcus', type: 'father', closeness: 'moderate', quality: 'supportive' },
  { from: 'grace', to: 'tanya', type: 'mother', closeness: 'strong', quality: 'supportive' },
  { from: 'winston', to: 'tanya', type: 'father', closeness: 'strong', quality: 'supportive' },
  {
    from: 'marcus',
    to: 'sarah',
    type: 'separated',
    closeness: 'tenuous',
    quality: 'stressful',
    notes: 'Handovers at Nan Pat’s house work best.',
  },
  bothWays('sarah', 'dan', 'partner', 'strong', { startedOn: '2019-03-01' }),
  { from: 'gwen', to: 'dan', type: 'mother', closeness: 'strong', quality: 'supportive' },
  { from: 'nadia', to: 'sarah', type: 'friend', closeness: 'strong', quality: 'supportive', supportFlows: 'both' },
  { from: 'nadia', to: 'lily', type: 'mother', closeness: 'strong', quality: 'supportive' },
  {
    from: 'socialWorker',
    to: 'sarah',
    type: 'social_worker',
    closeness: 'moderate',
    quality: 'mixed',
    supportFlows: 'from_first',
  },
];

/** Where people live together, circled on the genogram. */
export const demoHouseholds = [
  { name: 'Sarah, Dan, Mia and Leo’s home', members: ['sarah', 'dan', 'mia', 'leo'] },
  { name: 'Grandma Grace and Grandad Winston’s home', members: ['grace', 'winston'] },
  { name: 'Nan Pat’s home', members: ['pat'] },
];
