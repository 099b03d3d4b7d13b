import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  familyFindingQuestions,
  networkPrompts,
  summariseNetwork,
  summarySentences,
  supportForChild,
} from './graph.js';
import { smallNetwork } from './fixtures.js';

test('the summary counts who loves the child, lifelong connections and the safety network, leaving out those who died', () => {
  const summary = summariseNetwork(smallNetwork());
  assert.deepEqual(
    summary.lovesTheChild.map((person) => person.id),
    ['sarah', 'pat'],
  );
  assert.deepEqual(
    summary.lifelongConnections.map((person) => person.id),
    ['sarah', 'pat'],
  );
  assert.deepEqual(
    summary.safetyNetwork.map((entry) => entry.role),
    ['Day to day', 'Wednesday tea'],
  );
  assert.deepEqual(summary.byCircle, { family: 2, friends_and_community: 2, professional: 1 });
  assert.deepEqual(
    summary.throughOthers.map((person) => person.id),
    ['club'],
  );
});

test('prompts invite questions where the picture is thin, and say nothing once it is full', () => {
  const prompts = networkPrompts(smallNetwork(), 'Mia', ['sarah', 'mia']);
  assert.ok(prompts.some((prompt) => prompt.startsWith('The safety network has two people so far')));
  assert.ok(!prompts.some((prompt) => prompt.includes('Mia’s own view')), 'Mia has said who she loves');
  assert.ok(!prompts.some((prompt) => prompt.includes('lifelong')), 'there are lifelong connections');
  const empty = networkPrompts({ childId: 'mia', people: smallNetwork().people.slice(0, 1), relationships: [] }, 'Mia');
  assert.equal(empty.length, 1);
  assert.match(empty[0]!, /No one is recorded in Mia’s world yet/);
  for (const prompt of [...prompts, ...empty])
    assert.doesNotMatch(prompt, /score|risk|poor|fail/i, 'no judgement words');
});

test('family finding questions use the child’s name', () => {
  assert.deepEqual(familyFindingQuestions('Leo').slice(0, 2), ['Who loves Leo?', 'Whom does Leo love?']);
});

test('support direction is read from the child’s side whichever way the tie was recorded', () => {
  const [mum, , , lily] = smallNetwork().relationships;
  assert.equal(supportForChild(mum!, 'sarah'), 'to_child');
  assert.equal(supportForChild({ ...mum!, fromPersonId: 'mia', toPersonId: 'sarah' }, 'sarah'), 'from_child');
  assert.equal(supportForChild(lily!, 'lily'), 'both');
});

test('summary sentences read naturally', () => {
  assert.equal(summarySentences(smallNetwork(), 'Mia')[1], '2 people love Mia; Mia loves 1 person.');
});
