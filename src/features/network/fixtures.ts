/** A small fictional network for the pure tests: Mia, her mum, nan, a friend and a teacher. */
import type { ChildGraph, GraphPerson, GraphRelationship } from './graph.js';

const person = (id: string, fullName: string, extra: Partial<GraphPerson> = {}): GraphPerson => ({
  id,
  kind: 'person',
  fullName,
  knownAs: null,
  gender: 'unknown',
  dateOfBirth: null,
  diedOn: null,
  circle: 'family',
  position: null,
  noLongerInvolvedOn: null,
  ...extra,
});

const tie = (id: string, from: string, to: string, extra: Partial<GraphRelationship> = {}): GraphRelationship => ({
  id,
  fromPersonId: from,
  toPersonId: to,
  type: 'friend',
  closeness: 'moderate',
  quality: 'supportive',
  supportFlows: 'from_first',
  lovesTheChild: null,
  childLovesThem: null,
  lifelongConnection: false,
  safetyNetworkRole: null,
  startedOn: null,
  endedOn: null,
  ...extra,
});

export function smallNetwork(): ChildGraph {
  return {
    childId: 'mia',
    people: [
      person('mia', 'Mia Thompson', { circle: null, gender: 'female', dateOfBirth: '2017-03-14' }),
      person('sarah', 'Sarah Thompson', { gender: 'female', dateOfBirth: '1991-11-20' }),
      person('pat', 'Patricia Thompson', { knownAs: 'Nan Pat', gender: 'female', dateOfBirth: '1963-05-18' }),
      person('ron', 'Ronald Thompson', { gender: 'male', dateOfBirth: '1960-01-09', diedOn: '2022-12-03' }),
      person('lily', 'Lily Ahmed', { circle: 'friends_and_community' }),
      person('teacher', 'Helen Carter', { circle: 'professional' }),
      person('club', 'Northfield Juniors', { kind: 'group', circle: 'friends_and_community' }),
    ],
    relationships: [
      tie('r1', 'sarah', 'mia', {
        type: 'mother',
        closeness: 'strong',
        lovesTheChild: true,
        childLovesThem: true,
        lifelongConnection: true,
        safetyNetworkRole: 'Day to day',
      }),
      tie('r2', 'pat', 'mia', {
        type: 'grandmother',
        closeness: 'strong',
        lovesTheChild: true,
        lifelongConnection: true,
        safetyNetworkRole: 'Wednesday tea',
      }),
      tie('r3', 'ron', 'mia', { type: 'grandfather', closeness: 'strong', lovesTheChild: true }),
      tie('r4', 'lily', 'mia', { type: 'friend', closeness: 'tenuous', supportFlows: 'both' }),
      tie('r5', 'teacher', 'mia', { type: 'teacher', quality: 'stressful' }),
      tie('r6', 'pat', 'sarah', { type: 'mother', closeness: 'strong' }),
      tie('r7', 'pat', 'ron', { type: 'married', quality: 'supportive', supportFlows: 'both' }),
    ],
  };
}
