import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ECOMAPS_KEPT,
  ecomapForRecordPage,
  ecomapsDrawnSoFar,
  ecomapsKeptNow,
  escapeXml,
  layoutEcomap,
  renderEcomapSvg,
  sectorsFor,
} from './ecomap.js';
import { smallNetwork } from './fixtures.js';
import type { ChildGraph, GraphPerson, GraphRelationship } from './graph.js';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** Every opening tag is closed, in order: enough to catch a broken SVG string. */
function assertBalanced(svg: string): void {
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, [], 'every element is closed');
}

test('the child is at the centre; strong ties sit nearer than tenuous ones; each part of the world has its side', () => {
  const layout = layoutEcomap(smallNetwork());
  const at = (id: string) => layout.placed.find((entry) => entry.person.id === id)!;
  assert.deepEqual([at('mia').x, at('mia').y], [500, 500]);
  assert.ok(distance(at('sarah'), at('mia')) < distance(at('lily'), at('mia')));
  assert.ok(at('sarah').y < 500, 'family above');
  assert.ok(at('lily').x < 500 && at('lily').y > 500, 'friends and community below left');
  assert.ok(at('teacher').x > 500 && at('teacher').y > 500, 'professionals below right');
});

test('a position someone chose by dragging is kept', () => {
  const graph = smallNetwork();
  graph.people.find((person) => person.id === 'lily')!.position = { x: 123, y: 456 };
  const lily = layoutEcomap(graph).placed.find((entry) => entry.person.id === 'lily')!;
  assert.deepEqual([lily.x, lily.y], [123, 456]);
});

test('150 people are laid out without any two overlapping, inside the map', () => {
  const graph: ChildGraph = { childId: 'child', people: [], relationships: [] };
  graph.people.push({ ...smallNetwork().people[0]!, id: 'child' });
  const circles = ['family', 'friends_and_community', 'professional'] as const;
  for (let index = 0; index < 150; index += 1) {
    const person: GraphPerson = {
      ...smallNetwork().people[1]!,
      id: `p${index}`,
      fullName: `Person ${index}`,
      circle: circles[index % 3]!,
    };
    graph.people.push(person);
    graph.relationships.push({
      ...smallNetwork().relationships[0]!,
      id: `t${index}`,
      fromPersonId: person.id,
      toPersonId: 'child',
      closeness: (['strong', 'moderate', 'tenuous'] as const)[index % 3]!,
    });
  }
  const { placed, personRadius } = layoutEcomap(graph);
  assert.equal(placed.length, 151);
  for (const entry of placed) {
    assert.ok(entry.x >= personRadius && entry.x <= 1000 - personRadius, `x ${entry.x}`);
    assert.ok(entry.y >= personRadius && entry.y <= 1000 - personRadius, `y ${entry.y}`);
  }
  let overlaps = 0;
  for (let i = 0; i < placed.length; i += 1) {
    for (let j = i + 1; j < placed.length; j += 1)
      if (distance(placed[i]!, placed[j]!) < personRadius * 2) overlaps += 1;
  }
  assert.equal(overlaps, 0);
});

test('the SVG is well formed, titled, described, and names each person with how they relate', () => {
  const svg = renderEcomapSvg(layoutEcomap(smallNetwork()), { personHref: (id) => `#person-${id}` });
  assertBalanced(svg);
  assert.match(svg, /<title id="ecomap-title">Mia’s ecomap<\/title>/);
  assert.match(svg, /<desc id="ecomap-desc">5 people, groups and places are in Mia’s world/);
  assert.match(
    svg,
    /aria-label="Nan Pat Grandmother: Nan Pat \(Patricia Thompson\), grandmother, strong tie, supportive, loves Mia, lifelong connection, safety network: Wednesday tea"/,
  );
  assert.match(
    svg,
    /aria-label="Ronald Grandfather: Ronald Thompson, grandfather, strong tie, supportive, loves Mia, died 2022"/,
  );
  assert.match(svg, /href="#person-lily"/);
  assert.match(svg, /ecomap-tie--stressful/, 'a stressful tie has its own line style');
  assert.match(svg, /stroke-dasharray="8 7"/, 'a tenuous tie is dashed');
  assert.match(svg, /marker-end="url\(#ecomap-arrow-end\)"/, 'support flows towards Mia');
  assert.match(svg, /marker-start="url\(#ecomap-arrow-start\)" marker-end/, 'support flows both ways with Lily');
  assert.match(
    svg,
    /class="ecomap-tie ecomap-tie--strong ecomap-tie--supportive ecomap-tie--between-others" stroke-opacity="0.45" data-relationship-id="r6"/,
    'ties between other people are drawn lighter',
  );
  assert.doesNotMatch(svg, /between-others"[^>]*data-relationship-id="r1"/, 'the child’s own ties are drawn in full');
});

test('names are escaped: nothing a user typed can become markup', () => {
  const graph = smallNetwork();
  graph.people[1]!.fullName = '<script>alert(1)</script> & "Nan"';
  const svg = renderEcomapSvg(layoutEcomap(graph));
  assert.doesNotMatch(svg, /<script>/);
  assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Nan&quot;/);
  assert.equal(escapeXml(`'<&>"`), '&#39;&lt;&amp;&gt;&quot;');
});

test('the same network always draws exactly the same picture', () => {
  assert.equal(renderEcomapSvg(layoutEcomap(smallNetwork())), renderEcomapSvg(layoutEcomap(smallNetwork())));
});

test('each part of the world gets an arc in proportion to its people, without overlapping', () => {
  const sectors = sectorsFor({ family: 12, friends_and_community: 7, professional: 5 });
  assert.ok(sectors.family.width > sectors.friends_and_community.width);
  assert.ok(sectors.professional.width >= 60, 'even a small part of the world gets room');
  const arcs = Object.values(sectors).map((sector) => [
    sector.centre - sector.width / 2,
    sector.centre + sector.width / 2,
  ]);
  const total = Object.values(sectors).reduce((sum, sector) => sum + sector.width, 0);
  assert.ok(total <= 360);
  arcs.sort((a, b) => a[0]! - b[0]!);
  for (let index = 1; index < arcs.length; index += 1)
    assert.ok(arcs[index]![0]! >= arcs[index - 1]![1]!, 'no overlap');
});

test('the record page’s ecomap is drawn once per network, and afresh when anything in it changes', () => {
  const graph = smallNetwork();
  const first = ecomapForRecordPage(graph);
  assert.equal(first, renderEcomapSvg(layoutEcomap(graph), { personHref: (personId) => `#person-${personId}` }));
  assert.match(first, /href="#person-/);
  // A different object with the same contents is the same network, and is not drawn again.
  const drawn = ecomapsDrawnSoFar();
  assert.equal(ecomapForRecordPage(structuredClone(graph)), first);
  assert.equal(ecomapsDrawnSoFar(), drawn);

  const renamed = structuredClone(graph);
  const someone = renamed.people.find((person) => person.id !== renamed.childId)!;
  someone.fullName = 'Someone <renamed>';
  const redrawn = ecomapForRecordPage(renamed);
  assert.notEqual(redrawn, first);
  assert.match(redrawn, /Someone &lt;renamed&gt;/);

  const closer = structuredClone(graph);
  closer.relationships[0]!.closeness = closer.relationships[0]!.closeness === 'strong' ? 'tenuous' : 'strong';
  assert.notEqual(ecomapForRecordPage(closer), first);
});

test('a change to any field of a person or a tie draws the ecomap again', () => {
  const graph = smallNetwork();
  const someone = graph.people.findIndex((person) => person.id !== graph.childId);
  graph.people[someone]!.position = { x: 50, y: 60 };
  const others = graph.people.filter((person) => person.id !== graph.people[someone]!.id).map((person) => person.id);
  // A different, valid value for every field; a field added to the graph fails here until it has one.
  const personChanges: Record<keyof GraphPerson, unknown> = {
    id: 'someone-else',
    kind: 'group',
    fullName: 'Changed Name',
    knownAs: 'Changed',
    gender: graph.people[someone]!.gender === 'male' ? 'female' : 'male',
    dateOfBirth: '2000-01-01',
    diedOn: '2020-01-01',
    circle: graph.people[someone]!.circle === 'professional' ? 'family' : 'professional',
    position: { x: 101, y: 202 },
    noLongerInvolvedOn: '2025-01-01',
  };
  const tie = graph.relationships[0]!;
  const tieChanges: Record<keyof GraphRelationship, unknown> = {
    id: 'tie-else',
    fromPersonId: others.find((id) => id !== tie.fromPersonId && id !== tie.toPersonId),
    toPersonId: others.find((id) => id !== tie.fromPersonId && id !== tie.toPersonId),
    type: tie.type === 'neighbour' ? 'friend' : 'neighbour',
    closeness: tie.closeness === 'strong' ? 'tenuous' : 'strong',
    quality: tie.quality === 'broken' ? 'supportive' : 'broken',
    supportFlows: tie.supportFlows === 'both' ? 'none' : 'both',
    lovesTheChild: tie.lovesTheChild !== true,
    childLovesThem: tie.childLovesThem !== true,
    lifelongConnection: !tie.lifelongConnection,
    safetyNetworkRole: 'Changed role',
    startedOn: '2019-01-01',
    endedOn: '2024-01-01',
  };
  assert.deepEqual(Object.keys(personChanges).sort(), Object.keys(graph.people[someone]!).sort());
  assert.deepEqual(Object.keys(tieChanges).sort(), Object.keys(tie).sort());
  const changes: [string, (changed: ChildGraph) => void][] = [
    ...Object.entries(personChanges).map(([field, value]): [string, (changed: ChildGraph) => void] => [
      `person.${field}`,
      (changed) => ((changed.people[someone] as unknown as Record<string, unknown>)[field] = value),
    ]),
    ['person.position.y', (changed) => (changed.people[someone]!.position = { x: 50, y: 61 })],
    ['person.position.x', (changed) => (changed.people[someone]!.position = { x: 51, y: 60 })],
    ...Object.entries(tieChanges).map(([field, value]): [string, (changed: ChildGraph) => void] => [
      `relationship.${field}`,
      (changed) => ((changed.relationships[0] as unknown as Record<string, unknown>)[field] = value),
    ]),
    ['a person more', (changed) => changed.people.push({ ...changed.people[someone]!, id: 'someone-new' })],
    ['a tie fewer', (changed) => changed.relationships.pop()],
  ];
  for (const [name, change] of changes) {
    // From the unchanged network each time, so each change is compared with the original.
    ecomapForRecordPage(graph);
    const before = ecomapsDrawnSoFar();
    const changed = structuredClone(graph);
    change(changed);
    ecomapForRecordPage(changed);
    assert.equal(ecomapsDrawnSoFar(), before + 1, `${name} draws again`);
  }
});

test('only the most recently drawn ecomaps are kept, one for each child', () => {
  const graphFor = (index: number) => {
    const graph = smallNetwork();
    const childId = `child-${index}`;
    graph.people[0]!.id = childId;
    graph.people[0]!.fullName = `Child ${index}`;
    for (const tie of graph.relationships) {
      if (tie.fromPersonId === graph.childId) tie.fromPersonId = childId;
      if (tie.toPersonId === graph.childId) tie.toPersonId = childId;
    }
    graph.childId = childId;
    return graph;
  };
  for (let index = 0; index < ECOMAPS_KEPT + 50; index += 1) ecomapForRecordPage(graphFor(index));
  assert.equal(ecomapsKeptNow(), ECOMAPS_KEPT);
  // Drawing one already kept keeps the count; it is still the right picture.
  assert.match(ecomapForRecordPage(graphFor(ECOMAPS_KEPT + 49)), new RegExp(`Child ${ECOMAPS_KEPT + 49}`));
  assert.equal(ecomapsKeptNow(), ECOMAPS_KEPT);
  // A child's network drawn again as it changes replaces that child's picture; it adds none.
  const changed = graphFor(ECOMAPS_KEPT + 49);
  changed.people[0]!.fullName = 'Child renamed';
  assert.match(ecomapForRecordPage(changed), /Child renamed/);
  assert.equal(ecomapsKeptNow(), ECOMAPS_KEPT);
});
