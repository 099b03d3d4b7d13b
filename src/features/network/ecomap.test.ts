import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ECOMAPS_KEPT,
  ecomapForRecordPage,
  ecomapsKeptNow,
  escapeXml,
  layoutEcomap,
  renderEcomapSvg,
  sectorsFor,
} from './ecomap.js';
import { smallNetwork } from './fixtures.js';
import type { ChildGraph, GraphPerson } from './graph.js';

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
  // A different object with the same contents is the same network.
  assert.equal(ecomapForRecordPage(structuredClone(graph)), first);

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

test('only the most recently drawn ecomaps are kept', () => {
  const graphFor = (index: number) => {
    const graph = smallNetwork();
    graph.people[0]!.fullName = `Child ${index}`;
    return graph;
  };
  for (let index = 0; index < ECOMAPS_KEPT + 50; index += 1) ecomapForRecordPage(graphFor(index));
  assert.equal(ecomapsKeptNow(), ECOMAPS_KEPT);
  // Drawing one already kept keeps the count; it is still the right picture.
  assert.match(ecomapForRecordPage(graphFor(ECOMAPS_KEPT + 49)), new RegExp(`Child ${ECOMAPS_KEPT + 49}`));
  assert.equal(ecomapsKeptNow(), ECOMAPS_KEPT);
});
