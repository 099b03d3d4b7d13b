import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutGenogram, renderGenogramSvg } from './genogram.js';
import { smallNetwork } from './fixtures.js';
import type { ChildGraph, GraphRelationship } from './graph.js';

function threeGenerations(): ChildGraph {
  const graph = smallNetwork();
  const base = graph.relationships[0]!;
  const tie = (id: string, from: string, to: string, type: string): GraphRelationship => ({
    ...base,
    id,
    fromPersonId: from,
    toPersonId: to,
    type,
  });
  graph.people.push(
    { ...graph.people[1]!, id: 'marcus', fullName: 'Marcus Bell', gender: 'male', dateOfBirth: '1989-08-30' },
    { ...graph.people[1]!, id: 'leo', fullName: 'Leo Thompson', gender: 'male', dateOfBirth: '2020-06-02' },
    { ...graph.people[1]!, id: 'dan', fullName: 'Dan Hughes', gender: 'male', dateOfBirth: '1988-02-07' },
    { ...graph.people[1]!, id: 'sam', fullName: 'Sam Rivers', gender: 'other', dateOfBirth: '2016-01-01' },
  );
  graph.relationships = [
    tie('a', 'sarah', 'mia', 'mother'),
    tie('b', 'marcus', 'mia', 'father'),
    tie('c', 'pat', 'sarah', 'mother'),
    tie('d', 'ron', 'sarah', 'father'),
    tie('e', 'pat', 'ron', 'married'),
    tie('f', 'sarah', 'marcus', 'divorced'),
    tie('g', 'sarah', 'dan', 'partner'),
    tie('h', 'sarah', 'leo', 'mother'),
    tie('i', 'dan', 'leo', 'father'),
    tie('j', 'mia', 'leo', 'half_sibling'),
    tie('k', 'sam', 'mia', 'cousin'),
    tie('l', 'lily', 'mia', 'friend'),
  ];
  return graph;
}

test('three generations: grandparents on top, parents, then the child with a half-brother and a cousin', () => {
  const layout = layoutGenogram(threeGenerations());
  const generationOf = (id: string) => layout.people.find((entry) => entry.person.id === id)?.generation;
  assert.equal(layout.generations, 3);
  assert.deepEqual(['pat', 'ron'].map(generationOf), [0, 0]);
  assert.deepEqual(['sarah', 'marcus', 'dan'].map(generationOf), [1, 1, 1]);
  assert.deepEqual(['mia', 'leo', 'sam'].map(generationOf), [2, 2, 2]);
  assert.equal(generationOf('lily'), undefined, 'friends are on the ecomap, not the genogram');
  assert.equal(generationOf('club'), undefined);
});

test('couples sit side by side with the right line; half-siblings hang from different couples', () => {
  const layout = layoutGenogram(threeGenerations());
  const x = (id: string) => layout.people.find((entry) => entry.person.id === id)!.x;
  assert.equal(Math.abs(x('pat') - x('ron')), 120, 'married couple adjacent');
  assert.ok(x('marcus') < x('sarah') && x('sarah') < x('dan'), 'Sarah sits between her two partners');
  assert.deepEqual(layout.couples.map((couple) => couple.status).sort(), ['divorced', 'together', 'together']);
  const families = layout.families
    .map((family) => `${family.parentIds.join('+')}>${family.childIds.sort().join(',')}`)
    .sort();
  assert.deepEqual(families, ['dan+sarah>leo', 'marcus+sarah>mia', 'pat+ron>sarah']);
});

test('the SVG uses the standard symbols, marks the child and who has died, and escapes names', () => {
  const graph = threeGenerations();
  graph.people.find((person) => person.id === 'marcus')!.fullName = '<b>Marcus</b> & co';
  const svg = renderGenogramSvg(
    layoutGenogram(graph, [{ id: 'h1', name: 'Sarah’s home', memberIds: ['sarah', 'mia', 'leo', 'dan'] }]),
    'Mia',
  );
  assert.match(svg, /<title id="genogram-title">Mia’s genogram<\/title>/);
  assert.match(svg, /3 generations: 8 people, 3 couples, 1 households/);
  assert.match(svg, /genogram-person--child/);
  assert.match(svg, /aria-label="Ronald 1960–2022: Ronald Thompson male has died"/);
  assert.match(svg, /genogram-couple--divorced/);
  assert.match(svg, /class="genogram-household"/);
  assert.doesNotMatch(svg, /<b>Marcus/);
  assert.match(svg, /&lt;b&gt;Marcus/);
  assert.match(svg, /<rect x="[^"]+" y="[^"]+" width="44" height="44"/, 'a square for a man');
  assert.match(svg, /<polygon points=/, 'a diamond for someone of another or unknown gender');
});

test('a person with two partners, met through the first, still sits between them', () => {
  const graph = threeGenerations();
  // Recorded from Marcus's side first: Marcus's partner Sarah, whose partner is Dan.
  graph.relationships = graph.relationships.map((tie) =>
    tie.id === 'f' ? { ...tie, fromPersonId: 'marcus', toPersonId: 'sarah' } : tie,
  );
  const layout = layoutGenogram(graph);
  const x = (id: string) => layout.people.find((entry) => entry.person.id === id)!.x;
  const [marcus, sarah, dan] = ['marcus', 'sarah', 'dan'].map(x);
  assert.equal(Math.abs(marcus! - sarah!), 120);
  assert.equal(Math.abs(sarah! - dan!), 120);
});

test('parent ties outside the family (a friend and her mum) are left out quietly', () => {
  const graph = threeGenerations();
  graph.people.push({ ...graph.people[1]!, id: 'nadia', fullName: 'Nadia Ahmed', circle: 'friends_and_community' });
  graph.relationships.push({
    ...graph.relationships[0]!,
    id: 'n',
    fromPersonId: 'nadia',
    toPersonId: 'lily',
    type: 'mother',
  });
  assert.deepEqual(layoutGenogram(graph).warnings, []);
});

test('contradictory data is reported, never thrown', () => {
  const graph = threeGenerations();
  // Leo recorded as Mia's father as well as her half-brother.
  graph.relationships.push({
    ...graph.relationships[0]!,
    id: 'bad',
    fromPersonId: 'leo',
    toPersonId: 'mia',
    type: 'father',
  });
  const layout = layoutGenogram(graph);
  assert.ok(layout.warnings.length > 0);
  assert.ok(layout.people.some((entry) => entry.person.id === 'leo'));
  assert.doesNotThrow(() => renderGenogramSvg(layout, 'Mia'));
});

test('a child with no family recorded still draws', () => {
  const graph: ChildGraph = { childId: 'mia', people: smallNetwork().people.slice(0, 1), relationships: [] };
  const layout = layoutGenogram(graph);
  assert.equal(layout.people.length, 1);
  assert.match(renderGenogramSvg(layout, 'Mia'), /one generation: 1 people/);
});
