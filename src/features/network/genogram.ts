/**
 * The genogram: the child's family over the generations, with the standard symbols (square
 * male, circle female, diamond another way or not known, a cross for someone who has died,
 * a double outline for the child), couple lines (together, separated: one slash, divorced:
 * two), lines from parents to their children, and households circled. Pure and deterministic;
 * impossible or contradictory data is left out and reported, never thrown.
 */
import { escapeXml } from './ecomap.js';
import { displayName, shortName, type ChildGraph, type GraphPerson, type GraphRelationship } from './graph.js';

const PARENT_TYPES = new Set(['mother', 'father', 'parent']);
const GRANDPARENT_TYPES = new Set(['grandmother', 'grandfather', 'grandparent']);
const SAME_GENERATION = new Set(['sibling', 'half_sibling', 'step_sibling', 'cousin']);
const COUPLE_TYPES = new Set(['partner', 'married', 'separated', 'divorced']);
const AUNT_TYPES = new Set(['aunt', 'uncle']);

export const SYMBOL = 44;
const COLUMN = 120;
const ROW = 150;
const MARGIN = 60;
const INK = '#0b0c0c';
const MUTED = '#505a5f';

export interface GenogramHousehold {
  id: string;
  name: string;
  memberIds: string[];
}

export interface GenogramPerson {
  person: GraphPerson;
  generation: number;
  x: number;
  y: number;
  isChild: boolean;
}

export interface Couple {
  a: string;
  b: string;
  status: 'together' | 'separated' | 'divorced';
}

export interface GenogramLayout {
  childId: string;
  people: GenogramPerson[];
  couples: Couple[];
  /** Each set of parents and the children they share. */
  families: { parentIds: string[]; childIds: string[] }[];
  households: GenogramHousehold[];
  generations: number;
  width: number;
  height: number;
  warnings: string[];
}

/** How many generations apart (b minus a) a relationship from a to b implies, if it implies one. */
function generationStep(relationship: GraphRelationship): number | null {
  if (PARENT_TYPES.has(relationship.type)) return 1;
  if (GRANDPARENT_TYPES.has(relationship.type)) return 2;
  if (AUNT_TYPES.has(relationship.type)) return 1;
  if (SAME_GENERATION.has(relationship.type) || COUPLE_TYPES.has(relationship.type)) return 0;
  return null;
}

export function layoutGenogram(graph: ChildGraph, households: readonly GenogramHousehold[] = []): GenogramLayout {
  const warnings: string[] = [];
  const byId = new Map(graph.people.map((person) => [person.id, person]));
  const family = graph.relationships.filter(
    (relationship) =>
      generationStep(relationship) !== null &&
      byId.get(relationship.fromPersonId)?.kind === 'person' &&
      byId.get(relationship.toPersonId)?.kind === 'person' &&
      relationship.fromPersonId !== relationship.toPersonId,
  );

  // Generations: walk out from the child, each family tie saying how many rows apart two people are.
  const generation = new Map<string, number>([[graph.childId, 0]]);
  const queue = [graph.childId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const relationship of family) {
      const step = generationStep(relationship)!;
      const [other, offset] =
        relationship.fromPersonId === current
          ? [relationship.toPersonId, step]
          : relationship.toPersonId === current
            ? [relationship.fromPersonId, -step]
            : [null, 0];
      if (!other) continue;
      const expected = generation.get(current)! + offset;
      const known = generation.get(other);
      if (known === undefined) {
        generation.set(other, expected);
        queue.push(other);
      } else if (known !== expected) {
        const name = byId.get(other)?.fullName ?? 'someone';
        const warning = `The recorded relationships place ${name} in two different generations; the first is shown.`;
        if (!warnings.includes(warning)) warnings.push(warning);
      }
    }
  }
  const lowest = Math.min(...generation.values());
  for (const [id, value] of generation) generation.set(id, value - lowest);
  const generations = Math.max(...generation.values()) + 1;

  const couples: Couple[] = [];
  const partnersOf = new Map<string, string[]>();
  for (const relationship of family.filter((candidate) => COUPLE_TYPES.has(candidate.type))) {
    const { fromPersonId: a, toPersonId: b } = relationship;
    if (!generation.has(a) || !generation.has(b)) continue;
    if (couples.some((couple) => (couple.a === a && couple.b === b) || (couple.a === b && couple.b === a))) continue;
    couples.push({
      a,
      b,
      status:
        relationship.type === 'divorced' ? 'divorced' : relationship.type === 'separated' ? 'separated' : 'together',
    });
    partnersOf.set(a, [...(partnersOf.get(a) ?? []), b]);
    partnersOf.set(b, [...(partnersOf.get(b) ?? []), a]);
  }

  // Parents of each person (up to two shown), from parent ties only.
  const parentsOf = new Map<string, string[]>();
  for (const relationship of family.filter((candidate) => PARENT_TYPES.has(candidate.type))) {
    const { fromPersonId: parent, toPersonId: child } = relationship;
    // Parents and children outside the child's family (a friend and her mum) are not drawn.
    if (!generation.has(parent) || !generation.has(child)) continue;
    if (generation.get(parent) !== generation.get(child)! - 1) {
      warnings.push(
        `${byId.get(parent)?.fullName ?? 'Someone'} is recorded as a parent of someone in the wrong generation; that line is left out.`,
      );
      continue;
    }
    const parents = parentsOf.get(child) ?? [];
    if (parents.length < 2 && !parents.includes(parent)) parentsOf.set(child, [...parents, parent]);
  }
  const families = new Map<string, { parentIds: string[]; childIds: string[] }>();
  for (const [child, parents] of parentsOf) {
    const key = [...parents].sort().join('+');
    const entry = families.get(key) ?? { parentIds: [...parents].sort(), childIds: [] };
    entry.childIds.push(child);
    families.set(key, entry);
  }

  // Order each row: top row by name with partners together; lower rows under their parents.
  const rows: string[][] = Array.from({ length: generations }, () => []);
  const birth = (id: string) => byId.get(id)?.dateOfBirth ?? '9999';
  const byBirthThenName = (a: string, b: string) =>
    birth(a).localeCompare(birth(b)) || (byId.get(a)?.fullName ?? '').localeCompare(byId.get(b)?.fullName ?? '');
  const xOf = new Map<string, number>();
  for (let row = 0; row < generations; row += 1) {
    const members = [...generation].filter(([, value]) => value === row).map(([id]) => id);
    const anchor = (id: string): number => {
      const parents = parentsOf.get(id) ?? [];
      const placed = parents.filter((parent) => xOf.has(parent)).map((parent) => xOf.get(parent)!);
      if (placed.length > 0) return placed.reduce((sum, value) => sum + value, 0) / placed.length;
      // Someone who married in sits beside their partner.
      const partner = (partnersOf.get(id) ?? []).find((candidate) =>
        parentsOf.get(candidate)?.some((parent) => xOf.has(parent)),
      );
      return partner ? anchor(partner) + 0.5 : Number.MAX_SAFE_INTEGER;
    };
    const ordered = [...members].sort((a, b) => anchor(a) - anchor(b) || byBirthThenName(a, b));
    // Keep couples side by side.
    const line: string[] = [];
    for (const id of ordered) {
      if (line.includes(id)) continue;
      const partnersHere = (person: string) =>
        (partnersOf.get(person) ?? []).filter(
          (candidate) => members.includes(candidate) && !line.includes(candidate) && candidate !== id,
        );
      const partners = partnersHere(id);
      // Someone with two partners sits between them, so neither couple line crosses the other.
      if (partners.length >= 2) line.push(partners.shift()!);
      line.push(id);
      for (const partner of partners) {
        if (line.includes(partner)) continue;
        line.push(partner);
        // A partner's other partner comes next to them, for the same reason.
        for (const next of partnersHere(partner)) if (!line.includes(next)) line.push(next);
      }
    }
    rows[row] = line;
    line.forEach((id, index) => xOf.set(id, index));
  }
  const widest = Math.max(1, ...rows.map((row) => row.length));
  const width = Math.max(900, MARGIN * 2 + widest * COLUMN);
  const people: GenogramPerson[] = [];
  rows.forEach((row, rowIndex) => {
    const offset = (width - row.length * COLUMN) / 2 + COLUMN / 2;
    row.forEach((id, index) => {
      const x = offset + index * COLUMN;
      xOf.set(id, x);
      people.push({
        person: byId.get(id)!,
        generation: rowIndex,
        x,
        y: MARGIN + rowIndex * ROW + SYMBOL / 2,
        isChild: id === graph.childId,
      });
    });
  });
  const shown = new Set(people.map((entry) => entry.person.id));
  return {
    childId: graph.childId,
    people,
    couples,
    families: [...families.values()].filter((entry) => entry.parentIds.every((id) => shown.has(id))),
    households: households
      .map((household) => ({ ...household, memberIds: household.memberIds.filter((id) => shown.has(id)) }))
      .filter((household) => household.memberIds.length > 0),
    generations,
    width,
    height: MARGIN * 2 + generations * ROW + 40,
    warnings,
  };
}

const yearsText = (person: GraphPerson) => {
  const born = person.dateOfBirth?.slice(0, 4);
  const died = person.diedOn?.slice(0, 4);
  if (born && died) return `${born}–${died}`;
  if (died) return `died ${died}`;
  return born ? `born ${born}` : '';
};

const genderWord = { female: 'female', male: 'male', other: 'gender another way', unknown: 'gender not recorded' };

function symbol(entry: GenogramPerson): string {
  const { person, x, y, isChild } = entry;
  const half = SYMBOL / 2;
  const style = `fill="#ffffff" stroke="${INK}" stroke-width="2.5"`;
  const outline = (inset: number) => {
    const size = half - inset;
    if (person.gender === 'male')
      return `<rect x="${x - size}" y="${y - size}" width="${size * 2}" height="${size * 2}" ${inset ? `fill="none" stroke="${INK}" stroke-width="2"` : style}/>`;
    if (person.gender === 'female')
      return `<circle cx="${x}" cy="${y}" r="${size}" ${inset ? `fill="none" stroke="${INK}" stroke-width="2"` : style}/>`;
    return `<polygon points="${x},${y - size} ${x + size},${y} ${x},${y + size} ${x - size},${y}" ${inset ? `fill="none" stroke="${INK}" stroke-width="2"` : style}/>`;
  };
  const cross = person.diedOn
    ? `<path d="M${x - half},${y - half} L${x + half},${y + half} M${x + half},${y - half} L${x - half},${y + half}" stroke="${INK}" stroke-width="2"/>`
    : '';
  return outline(0) + (isChild ? outline(6) : '') + cross;
}

export function renderGenogramSvg(
  layout: GenogramLayout,
  childName: string,
  options: { personHref?: (id: string) => string } = {},
): string {
  const where = new Map(layout.people.map((entry) => [entry.person.id, entry]));
  const half = SYMBOL / 2;
  const parts: string[] = [];

  // Households first, so they sit behind everything.
  for (const household of layout.households) {
    const members = household.memberIds.map((id) => where.get(id)!);
    const left = Math.min(...members.map((member) => member.x)) - half - 16;
    const right = Math.max(...members.map((member) => member.x)) + half + 16;
    const top = Math.min(...members.map((member) => member.y)) - half - 16;
    const bottom = Math.max(...members.map((member) => member.y)) + half + 40;
    parts.push(
      `<rect class="genogram-household" x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" rx="24" fill="none" stroke="${MUTED}" stroke-width="2" stroke-dasharray="10 6"><title>${escapeXml(household.name)}</title></rect>`,
    );
  }

  for (const couple of layout.couples) {
    const a = where.get(couple.a);
    const b = where.get(couple.b);
    if (!a || !b) continue;
    const [left, right] = a.x < b.x ? [a, b] : [b, a];
    const y = left.y + half + 12;
    parts.push(
      `<path class="genogram-couple genogram-couple--${couple.status}" d="M${left.x},${left.y + half} V${y} H${right.x} V${right.y + half}" fill="none" stroke="${INK}" stroke-width="2.5"/>`,
    );
    const middle = (left.x + right.x) / 2;
    const slashes = couple.status === 'divorced' ? [-5, 5] : couple.status === 'separated' ? [0] : [];
    for (const offset of slashes) {
      parts.push(
        `<path d="M${middle + offset - 6},${y + 9} L${middle + offset + 6},${y - 9}" stroke="${INK}" stroke-width="2.5"/>`,
      );
    }
  }

  for (const familyGroup of layout.families) {
    const parents = familyGroup.parentIds.map((id) => where.get(id)!);
    const children = familyGroup.childIds
      .map((id) => where.get(id))
      .filter((entry): entry is GenogramPerson => Boolean(entry));
    if (children.length === 0) continue;
    const fromX = parents.reduce((sum, parent) => sum + parent.x, 0) / parents.length;
    const fromY = parents[0]!.y + half + (parents.length === 2 ? 12 : 0);
    const barY = children[0]!.y - half - 30;
    const left = Math.min(fromX, ...children.map((child) => child.x));
    const right = Math.max(fromX, ...children.map((child) => child.x));
    parts.push(
      `<path class="genogram-children" d="M${fromX},${fromY} V${barY} M${left},${barY} H${right}${children.map((child) => ` M${child.x},${barY} V${child.y - half}`).join('')}" fill="none" stroke="${INK}" stroke-width="2"/>`,
    );
  }

  for (const entry of layout.people) {
    const { person, x, y } = entry;
    const name = shortName(person);
    const years = yearsText(person);
    const label = escapeXml(
      [
        `${name}${years ? ` ${years}` : ''}:`,
        displayName(person),
        genderWord[person.gender],
        entry.isChild ? `${childName}, the child this record is about` : null,
        person.diedOn ? 'has died' : null,
      ]
        .filter(Boolean)
        .join(' '),
    );
    const inner =
      symbol(entry) +
      `<text x="${x}" y="${y + half + 18}" text-anchor="middle" font-size="13" fill="${INK}"><tspan font-weight="700">${escapeXml(name)}</tspan>${years ? ` <tspan x="${x}" dy="15" font-size="12">${escapeXml(years)}</tspan>` : ''}</text>`;
    const attributes = `class="genogram-person${entry.isChild ? ' genogram-person--child' : ''}" data-person-id="${escapeXml(person.id)}"`;
    parts.push(
      options.personHref
        ? `<a href="${escapeXml(options.personHref(person.id))}" aria-label="${label}" ${attributes}>${inner}</a>`
        : `<g tabindex="0" role="img" aria-label="${label}" ${attributes}>${inner}</g>`,
    );
  }

  const legendY = layout.height - 24;
  const legend =
    `<g aria-hidden="true" font-size="13" fill="${INK}">` +
    `<rect x="20" y="${legendY - 12}" width="16" height="16" fill="#fff" stroke="${INK}" stroke-width="2"/><text x="42" y="${legendY + 1}">Male</text>` +
    `<circle cx="100" cy="${legendY - 4}" r="8" fill="#fff" stroke="${INK}" stroke-width="2"/><text x="114" y="${legendY + 1}">Female</text>` +
    `<polygon points="180,${legendY - 13} 189,${legendY - 4} 180,${legendY + 5} 171,${legendY - 4}" fill="#fff" stroke="${INK}" stroke-width="2"/><text x="196" y="${legendY + 1}">Another way or not known</text>` +
    `<text x="380" y="${legendY + 1}">✕ has died · double outline: ${escapeXml(childName)} · / separated · // divorced · dashed box: a household</text>` +
    `</g>`;

  const generationsText = layout.generations === 1 ? 'one generation' : `${layout.generations} generations`;
  const description = `${childName}’s family over ${generationsText}: ${layout.people.length} people, ${layout.couples.length} couples, ${layout.households.length} households. The same people are listed after the diagram.`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" role="group" aria-labelledby="genogram-title genogram-desc" class="genogram" font-family="Arial, sans-serif">` +
    `<title id="genogram-title">${escapeXml(`${childName}’s genogram`)}</title><desc id="genogram-desc">${escapeXml(description)}</desc>` +
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>` +
    parts.join('') +
    legend +
    `</svg>`
  );
}
