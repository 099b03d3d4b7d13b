/**
 * The ecomap, drawn on the server as SVG: the child in the centre, people around them in
 * three parts of their world (family above, friends and community to the left, professionals
 * to the right), stronger ties nearer. Line styles, not colour alone, show how a tie feels;
 * arrows show which way support flows. Pure and deterministic: the same network always draws
 * the same picture, and a position someone chose by dragging is kept.
 *
 * One file though over 400 lines: pure drawing with no I/O, whose layout, line styles and
 * accessible labels depend on each other; split, the picture's rules would be read in pieces.
 */
import {
  closenessNames,
  displayName,
  qualityNames,
  relationshipTypeName,
  shortName,
  summarySentences,
  tieWithChild,
  type ChildGraph,
  type GraphPerson,
  type GraphRelationship,
} from './graph.js';
import type { Circle, Closeness } from './schema.js';
import { escapeXml } from '../../platform/views/svg.js';

export { escapeXml };

export const ECOMAP_SIZE = 1000;
const CENTRE = ECOMAP_SIZE / 2;
export const PERSON_RADIUS = 34;
/** Larger networks are drawn with smaller people, so 150 and more still fit without overlapping. */
const LARGE_NETWORK = 60;
const SMALL_PERSON_RADIUS = 24;
const CHILD_RADIUS = 48;
/**
 * Each part of the world gets an arc in proportion to how many people are in it (at least 60
 * degrees): family above, professionals to the right, friends and community to the left.
 * Angles are in degrees; 0 is to the right and 90 is down.
 */
export function sectorsFor(counts: Record<Circle, number>): Record<Circle, { centre: number; width: number }> {
  const gap = 8;
  const available = 360 - gap * 3;
  const total = counts.family + counts.friends_and_community + counts.professional;
  const share = (count: number) => (total === 0 ? available / 3 : (available * count) / total);
  let family = Math.max(60, share(counts.family));
  let professional = Math.max(60, share(counts.professional));
  let community = Math.max(60, share(counts.friends_and_community));
  const scale = available / (family + professional + community);
  [family, professional, community] = [family * scale, professional * scale, community * scale];
  const professionalStart = 270 + family / 2 + gap;
  const communityStart = professionalStart + professional + gap;
  return {
    family: { centre: 270, width: family },
    professional: { centre: professionalStart + professional / 2, width: professional },
    friends_and_community: { centre: communityStart + community / 2, width: community },
  };
}
/** The first ring each closeness may use: strong ties nearest the child. */
const firstRing: Record<Closeness | 'none', number> = { strong: 0, moderate: 1, tenuous: 2, none: 2 };

export interface PlacedPerson {
  person: GraphPerson;
  x: number;
  y: number;
  isChild: boolean;
}

export interface EcomapLayout {
  graph: ChildGraph;
  placed: PlacedPerson[];
  personRadius: number;
}

const byName = (a: GraphPerson, b: GraphPerson) =>
  a.fullName.localeCompare(b.fullName, 'en') || a.id.localeCompare(b.id);

const tieOf = tieWithChild;

/**
 * Places everyone: saved positions first, then each part of the world ring by ring, strong
 * ties on the inner rings. Each closeness starts on a fresh ring, so rings never collide.
 */
export function layoutEcomap(graph: ChildGraph): EcomapLayout {
  const child = graph.people.find((person) => person.id === graph.childId);
  const others = graph.people.filter((person) => person.id !== graph.childId);
  const radius = others.length > LARGE_NETWORK ? SMALL_PERSON_RADIUS : PERSON_RADIUS;
  // Small networks get room to breathe; large ones pack rings closer together.
  const gap = radius * 2 + (others.length > LARGE_NETWORK ? 6 : others.length > 30 ? 14 : 26);
  const innermost = others.length > LARGE_NETWORK ? CHILD_RADIUS + gap + 10 : 175;
  const outermost = CENTRE - radius - 4;
  const placed: PlacedPerson[] = child ? [{ person: child, x: CENTRE, y: CENTRE, isChild: true }] : [];
  for (const person of others.filter((candidate) => candidate.position)) {
    placed.push({ person, x: person.position!.x, y: person.position!.y, isChild: false });
  }
  const toPlace = others.filter((person) => !person.position);
  const counts: Record<Circle, number> = { family: 0, friends_and_community: 0, professional: 0 };
  for (const person of others) counts[person.circle ?? 'family'] += 1;
  const sectors = sectorsFor(counts);
  for (const circle of Object.keys(sectors) as Circle[]) {
    const sector = sectors[circle];
    const inSector = toPlace.filter((person) => (person.circle ?? 'family') === circle);
    let ring = 0;
    for (const closeness of ['strong', 'moderate', 'tenuous', 'none'] as const) {
      let queue = inSector
        .filter((person) => (tieOf(graph, person.id)?.closeness ?? 'none') === closeness)
        .sort(byName);
      if (queue.length === 0) continue;
      ring = Math.max(ring, firstRing[closeness]);
      while (queue.length > 0) {
        const ringRadius = Math.min(innermost + ring * gap, outermost);
        // As many as fit on this arc without touching; the rest go one ring further out.
        const arc = (sector.width / 360) * 2 * Math.PI * ringRadius;
        const fits = Math.max(1, Math.floor(arc / gap));
        const now = queue.slice(0, ringRadius === outermost ? queue.length : fits);
        queue = queue.slice(now.length);
        now.forEach((person, index) => {
          const angle = sector.centre - sector.width / 2 + (sector.width * (index + 0.5)) / now.length;
          const radians = (angle * Math.PI) / 180;
          placed.push({
            person,
            x: round(CENTRE + ringRadius * Math.cos(radians)),
            y: round(CENTRE + ringRadius * Math.sin(radians)),
            isChild: false,
          });
        });
        ring += 1;
      }
    }
  }
  return { graph, placed, personRadius: radius };
}

const round = (value: number) => Math.round(value * 10) / 10;

const INK = '#0b0c0c';
const STRESS = '#942514';
const MUTED = '#505a5f';

function shape(person: GraphPerson, x: number, y: number, radius: number, extraClass: string): string {
  const common = `class="ecomap-shape ${extraClass}" fill="#ffffff" stroke="${INK}" stroke-width="2.5"`;
  switch (person.kind) {
    case 'group':
      return `<rect x="${x - radius}" y="${y - radius * 0.75}" width="${radius * 2}" height="${radius * 1.5}" rx="14" ${common}/>`;
    case 'place':
      return `<rect x="${x - radius * 0.85}" y="${y - radius * 0.85}" width="${radius * 1.7}" height="${radius * 1.7}" ${common}/>`;
    case 'online_community': {
      const points = Array.from({ length: 6 }, (_, index) => {
        const angle = (Math.PI / 3) * index;
        return `${round(x + radius * Math.cos(angle))},${round(y + radius * Math.sin(angle))}`;
      }).join(' ');
      return `<polygon points="${points}" ${common}/>`;
    }
    default:
      return `<circle cx="${x}" cy="${y}" r="${radius}" ${common}/>`;
  }
}

/** A wavy path between two points, for a stressful tie (so it never depends on colour). */
function zigzag(x1: number, y1: number, x2: number, y2: number): string {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const steps = Math.max(2, Math.floor(length / 14));
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const [nx, ny] = [-uy, ux];
  let path = `M${round(x1)},${round(y1)}`;
  for (let step = 1; step < steps; step += 1) {
    const along = (length * step) / steps;
    const side = step % 2 === 0 ? 6 : -6;
    path += ` L${round(x1 + ux * along + nx * side)},${round(y1 + uy * along + ny * side)}`;
  }
  return `${path} L${round(x2)},${round(y2)}`;
}

function tieLine(relationship: GraphRelationship, from: PlacedPerson, to: PlacedPerson, personRadius: number): string {
  const radiusOf = (placed: PlacedPerson) => (placed.isChild ? CHILD_RADIUS : personRadius);
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const [ux, uy] = [(to.x - from.x) / length, (to.y - from.y) / length];
  // Lines stop at the edge of each shape, so arrowheads stay visible.
  const x1 = from.x + ux * (radiusOf(from) + 3);
  const y1 = from.y + uy * (radiusOf(from) + 3);
  const x2 = to.x - ux * (radiusOf(to) + 3);
  const y2 = to.y - uy * (radiusOf(to) + 3);
  const width = relationship.closeness === 'strong' ? 5 : relationship.closeness === 'moderate' ? 2.5 : 2;
  const dash = relationship.closeness === 'tenuous' ? ' stroke-dasharray="8 7"' : '';
  const startArrow = relationship.supportFlows === 'to_first' || relationship.supportFlows === 'both';
  const endArrow = relationship.supportFlows === 'from_first' || relationship.supportFlows === 'both';
  const markers = `${startArrow ? ' marker-start="url(#ecomap-arrow-start)"' : ''}${endArrow ? ' marker-end="url(#ecomap-arrow-end)"' : ''}`;
  const colour = relationship.quality === 'stressful' || relationship.quality === 'broken' ? STRESS : INK;
  // Ties between other people matter (how someone reaches the child) but are drawn lighter,
  // so the child's own ties stay readable in a big network.
  const withChild = from.isChild || to.isChild;
  const attributes = `class="ecomap-tie ecomap-tie--${relationship.closeness} ecomap-tie--${relationship.quality}${withChild ? '' : ' ecomap-tie--between-others'}"${withChild ? '' : ' stroke-opacity="0.45"'} data-relationship-id="${escapeXml(relationship.id)}" data-from="${escapeXml(relationship.fromPersonId)}" data-to="${escapeXml(relationship.toPersonId)}" fill="none" stroke="${colour}" stroke-width="${withChild ? width : Math.min(width, 2)}"${dash}${markers}`;
  if (relationship.quality === 'stressful') return `<path d="${zigzag(x1, y1, x2, y2)}" ${attributes}/>`;
  if (relationship.quality === 'broken') {
    // A broken-off tie: the line with a gap and a bar across it.
    const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
    const gap = 10;
    const [nx, ny] = [-uy, ux];
    return (
      `<path d="M${round(x1)},${round(y1)} L${round(mx - ux * gap)},${round(my - uy * gap)} M${round(mx + ux * gap)},${round(my + uy * gap)} L${round(x2)},${round(y2)}" ${attributes}/>` +
      `<path d="M${round(mx - ux * gap + nx * 10)},${round(my - uy * gap + ny * 10)} L${round(mx - ux * gap - nx * 10)},${round(my - uy * gap - ny * 10)} M${round(mx + ux * gap + nx * 10)},${round(my + uy * gap + ny * 10)} L${round(mx + ux * gap - nx * 10)},${round(my + uy * gap - ny * 10)}" fill="none" stroke="${STRESS}" stroke-width="2.5"/>`
    );
  }
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" ${attributes}/>`;
}

/** The accessible name of one person on the ecomap: who, how they relate, and what is said. */
export function personLabel(graph: ChildGraph, person: GraphPerson, childName: string): string {
  if (person.id === graph.childId) return `${displayName(person)}, at the centre`;
  const tie = tieOf(graph, person.id);
  const parts = [displayName(person)];
  if (tie) {
    parts.push(relationshipTypeName(tie.type).toLowerCase());
    parts.push(`${closenessNames[tie.closeness].toLowerCase()} tie`);
    parts.push(qualityNames[tie.quality].toLowerCase());
    if (tie.lovesTheChild) parts.push(`loves ${childName}`);
    if (tie.childLovesThem) parts.push(`${childName} loves them`);
    if (tie.lifelongConnection) parts.push('lifelong connection');
    if (tie.safetyNetworkRole) parts.push(`safety network: ${tie.safetyNetworkRole}`);
  } else {
    parts.push(`connected to ${childName} through others`);
  }
  if (person.diedOn) parts.push(`died ${person.diedOn.slice(0, 4)}`);
  if (person.noLongerInvolvedOn) parts.push('no longer involved');
  return parts.join(', ');
}

export interface EcomapOptions {
  /** Link each person to this anchor prefix (their row in the table beside the map). */
  personHref?: (personId: string) => string;
  idPrefix?: string;
}

export function renderEcomapSvg(layout: EcomapLayout, options: EcomapOptions = {}): string {
  const { graph, placed } = layout;
  const prefix = options.idPrefix ?? 'ecomap';
  const child = placed.find((entry) => entry.isChild)?.person;
  const childName = child ? shortName(child) : 'the child';
  const where = new Map(placed.map((entry) => [entry.person.id, entry]));
  const title = `${childName}’s ecomap`;
  const description = `${summarySentences(graph, childName).join(' ')} The same people are listed in the table after the map.`;
  const ties = graph.relationships
    .filter((relationship) => where.has(relationship.fromPersonId) && where.has(relationship.toPersonId))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((relationship) =>
      tieLine(
        relationship,
        where.get(relationship.fromPersonId)!,
        where.get(relationship.toPersonId)!,
        layout.personRadius,
      ),
    )
    .join('');
  const people = placed
    .map((entry) => {
      const { person, x, y, isChild } = entry;
      const radius = isChild ? CHILD_RADIUS : layout.personRadius;
      const tie = isChild ? undefined : tieOf(graph, person.id);
      // Groups and places are known by their whole name ("St" says nothing); people by their first.
      const visibleName = truncate(person.kind === 'person' ? shortName(person) : person.fullName, 13);
      const visibleRelation = tie ? truncate(relationshipTypeName(tie.type), 16) : '';
      const name = escapeXml(visibleName);
      const relation = escapeXml(visibleRelation);
      // The accessible name starts with exactly the words shown, so people using speech
      // control can say what they see (WCAG 2.5.3); then the full details.
      const shown = `${visibleName}${visibleRelation ? ` ${visibleRelation}` : ''}`;
      const label = escapeXml(`${shown}: ${personLabel(graph, person, childName)}`);
      const heart =
        tie?.lovesTheChild || tie?.childLovesThem
          ? `<text x="${x + radius * 0.75}" y="${y - radius * 0.6}" class="ecomap-heart" font-size="20" fill="${STRESS}" aria-hidden="true">♥</text>`
          : '';
      const faded = person.noLongerInvolvedOn || person.diedOn ? ' ecomap-person--past' : '';
      const inner =
        shape(person, x, y, radius, isChild ? 'ecomap-shape--child' : '') +
        (isChild
          ? `<circle cx="${x}" cy="${y}" r="${radius - 6}" fill="none" stroke="${INK}" stroke-width="2"/>`
          : '') +
        (person.diedOn
          ? `<path d="M${x - radius * 0.7},${y - radius * 0.7} L${x + radius * 0.7},${y + radius * 0.7}" stroke="${MUTED}" stroke-width="1.5"/>`
          : '') +
        // One text element, the two lines separated by a space, so it reads as the label says.
        `<text x="${x}" y="${y + (relation ? -2 : 5)}" text-anchor="middle" font-size="${isChild ? 17 : 12}" fill="${INK}"><tspan font-weight="700">${name}</tspan>` +
        (relation ? ` <tspan x="${x}" dy="16" font-size="11">${relation}</tspan>` : '') +
        `</text>` +
        heart;
      const href = options.personHref ? escapeXml(options.personHref(person.id)) : null;
      const attributes = `class="ecomap-person${isChild ? ' ecomap-person--child' : ''}${faded}" data-person-id="${escapeXml(person.id)}" data-x="${x}" data-y="${y}"`;
      return href
        ? `<a href="${href}" aria-label="${label}" ${attributes}>${inner}</a>`
        : `<g tabindex="0" role="img" aria-label="${label}" ${attributes}>${inner}</g>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ECOMAP_SIZE} ${ECOMAP_SIZE + 110}" role="group" aria-labelledby="${prefix}-title ${prefix}-desc" class="ecomap" font-family="Arial, sans-serif">` +
    `<title id="${prefix}-title">${escapeXml(title)}</title><desc id="${prefix}-desc">${escapeXml(description)}</desc>` +
    `<defs><marker id="ecomap-arrow-end" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${INK}"/></marker>` +
    `<marker id="ecomap-arrow-start" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M10,0 L0,5 L10,10 z" fill="${INK}"/></marker></defs>` +
    `<rect width="${ECOMAP_SIZE}" height="${ECOMAP_SIZE + 110}" fill="#ffffff"/>` +
    sectorLabels() +
    `<g class="ecomap-ties">${ties}</g><g class="ecomap-people">${people}</g>` +
    legend() +
    `</svg>`
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function sectorLabels(): string {
  const label = (text: string, x: number, y: number) =>
    `<text x="${x}" y="${y}" text-anchor="middle" font-size="16" fill="${MUTED}" aria-hidden="true">${text}</text>`;
  return label('Family', CENTRE, 30) + label('Friends and community', 170, 900) + label('Professionals', 830, 900);
}

function legend(): string {
  const top = ECOMAP_SIZE + 20;
  const item = (x: number, line: string, text: string) =>
    `${line}<text x="${x + 70}" y="${top + 5}" font-size="14" fill="${INK}">${text}</text>`;
  return (
    `<g class="ecomap-legend" aria-hidden="true">` +
    item(20, `<line x1="20" y1="${top}" x2="80" y2="${top}" stroke="${INK}" stroke-width="5"/>`, 'Strong') +
    item(190, `<line x1="190" y1="${top}" x2="250" y2="${top}" stroke="${INK}" stroke-width="2.5"/>`, 'Moderate') +
    item(
      380,
      `<line x1="380" y1="${top}" x2="440" y2="${top}" stroke="${INK}" stroke-width="2" stroke-dasharray="8 7"/>`,
      'Tenuous',
    ) +
    item(
      560,
      `<path d="${zigzag(560, top, 620, top)}" fill="none" stroke="${STRESS}" stroke-width="2.5"/>`,
      'Stressful',
    ) +
    item(
      760,
      `<line x1="760" y1="${top}" x2="820" y2="${top}" stroke="${INK}" stroke-width="2.5" marker-end="url(#ecomap-arrow-end)"/>`,
      'Support flows',
    ) +
    `<text x="20" y="${top + 45}" font-size="14" fill="${INK}"><tspan fill="${STRESS}">♥</tspan> loves or is loved by the child   ○ person   ▭ group   □ place   ⬡ online community</text>` +
    `</g>`
  );
}

/** How many drawn ecomaps one process keeps (a few MB at most: a large network's is ~60 KB). */
export const ECOMAPS_KEPT = 200;

/**
 * A list of every field of `Shape`: a field added to the shape and left out of the list fails to
 * compile (naming the missing field), so a change to it could never be drawn from a stale picture.
 */
const everyFieldOf =
  <Shape>() =>
  <const Fields extends readonly (keyof Shape)[]>(
    fields: Fields &
      ([Exclude<keyof Shape, Fields[number]>] extends [never]
        ? unknown
        : { missing: Exclude<keyof Shape, Fields[number]> }),
  ): Fields =>
    fields;

/** Everything about a person the drawing shows, besides their position (compared on its own). */
const drawnPersonFields = everyFieldOf<Omit<GraphPerson, 'position'>>()([
  'id',
  'kind',
  'fullName',
  'knownAs',
  'gender',
  'dateOfBirth',
  'diedOn',
  'circle',
  'noLongerInvolvedOn',
]);
/** Everything about a tie the drawing shows. */
const drawnTieFields = everyFieldOf<GraphRelationship>()([
  'id',
  'fromPersonId',
  'toPersonId',
  'type',
  'closeness',
  'quality',
  'supportFlows',
  'lovesTheChild',
  'childLovesThem',
  'lifelongConnection',
  'safetyNetworkRole',
  'startedOn',
  'endedOn',
]);

/** Whether two graphs draw the same picture: the same people and ties, in the same order. */
function drawsTheSame(a: ChildGraph, b: ChildGraph): boolean {
  if (a.childId !== b.childId || a.people.length !== b.people.length) return false;
  if (a.relationships.length !== b.relationships.length) return false;
  for (let index = 0; index < a.people.length; index += 1) {
    const one = a.people[index]!;
    const other = b.people[index]!;
    for (const field of drawnPersonFields) if (one[field] !== other[field]) return false;
    if (one.position?.x !== other.position?.x || one.position?.y !== other.position?.y) return false;
  }
  for (let index = 0; index < a.relationships.length; index += 1) {
    const one = a.relationships[index]!;
    const other = b.relationships[index]!;
    for (const field of drawnTieFields) if (one[field] !== other[field]) return false;
  }
  return true;
}

/** Each child's last drawn ecomap, with the graph it was drawn from; least recently used first. */
const drawnForPage = new Map<string, { graph: ChildGraph; svg: string }>();
let drawings = 0;

/** How many drawn ecomaps this process is keeping now. */
export const ecomapsKeptNow = (): number => drawnForPage.size;
/** How many ecomaps this process has drawn for the record page (for tests). */
export const ecomapsDrawnSoFar = (): number => drawings;

/**
 * The ecomap as the child's record page shows it, each person linking to their row below.
 * Laying out and drawing took about a millisecond a view, the largest part of the page's own
 * work, and a network changes far less often than it is looked at; since the drawing is pure,
 * the last one drawn for each child is kept (for the most recently viewed few hundred) with the
 * graph it came from, and drawn again when anything the picture shows has changed. Comparing
 * field by field costs far less than writing the graph out as a key: for 163 people that key
 * was 8% of the page's time.
 */
export function ecomapForRecordPage(graph: ChildGraph): string {
  const kept = drawnForPage.get(graph.childId);
  if (kept && drawsTheSame(kept.graph, graph)) {
    // Most recently used last, so the least recently used is the first to go.
    drawnForPage.delete(graph.childId);
    drawnForPage.set(graph.childId, kept);
    return kept.svg;
  }
  const svg = renderEcomapSvg(layoutEcomap(graph), { personHref: (personId) => `#person-${personId}` });
  drawings += 1;
  drawnForPage.delete(graph.childId);
  if (drawnForPage.size >= ECOMAPS_KEPT) drawnForPage.delete(drawnForPage.keys().next().value!);
  drawnForPage.set(graph.childId, { graph, svg });
  return svg;
}
