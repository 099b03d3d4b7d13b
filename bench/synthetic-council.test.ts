/**
 * The synthetic council is deterministic for a seed, and what it makes would pass the same
 * validation as a practitioner typing it into Kith's forms.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { detailsFormSchema, detailsToForm, parseDateOfBirth } from '../src/features/people/details.js';
import { GENESIS_HASH, hashEntry } from '../src/platform/audit/chain.js';
import {
  generateCouncil,
  generateNetwork,
  generateTies,
  LARGE_NETWORK_SIZE,
  planCouncil,
  type SyntheticOptions,
} from './synthetic-council.js';
import { relationshipFactsSchema } from '../src/features/network/validation.js';
import { scoreSchema, validateEntry } from '../src/features/mapping/domain.js';
import { generateMappings } from './synthetic-mappings.js';

const options: SyntheticOptions = {
  seed: 42,
  children: 60,
  slug: 'synthetic-test',
  name: 'Synthetic Test Council',
  asOf: '2026-11-01',
};
const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

test('the same seed makes exactly the same council; another seed makes a different one', () => {
  const first = generateCouncil(options);
  const again = generateCouncil(options);
  assert.equal(fingerprint(again), fingerprint(first));
  const other = generateCouncil({ ...options, seed: 43 });
  assert.notEqual(fingerprint(other.people), fingerprint(first.people));
  assert.equal(first.childRecords.length, 60);
});

test('every synthetic child and network member passes the validation a form applies to typed details', () => {
  const council = generateCouncil(options);
  const today = new Date(`${options.asOf}T12:00:00Z`);
  let checked = 0;
  for (const person of council.people) {
    const form = detailsToForm({
      fullName: person.fullName,
      knownAs: person.knownAs,
      pronouns: person.pronouns,
      dateOfBirth: person.dateOfBirth,
      dateOfBirthIsApproximate: person.dateOfBirthIsApproximate,
      languages: person.languages,
      whatTheyBring: person.whatTheyBring,
    });
    const parsed = detailsFormSchema.safeParse({
      ...form,
      reason: 'Synthetic data check',
      isCorrection: false,
      expectedVersion: 0,
    });
    assert.ok(parsed.success, `${person.fullName}: ${parsed.success ? '' : parsed.error.message}`);
    if (person.dateOfBirth) {
      const dob = parseDateOfBirth(String(form.dobDay), String(form.dobMonth), String(form.dobYear), today);
      assert.ok(dob.ok, `${person.fullName}: date of birth ${person.dateOfBirth}`);
    }
    checked += 1;
  }
  assert.ok(checked > 60 * 10, `networks are realistic in size (${checked} people for 60 children)`);
  for (const record of council.childRecords) assert.match(record.reference, /^[A-Z0-9-]{3,20}$/);
});

test('the audit trail it writes is a valid chain: each entry names the hash of the one before', () => {
  const council = generateCouncil(options);
  assert.ok(council.auditEntries.length > 100);
  let previousHash = GENESIS_HASH;
  for (const entry of council.auditEntries) {
    assert.equal(entry.previousHash, previousHash);
    // Recomputed with the application's own function, as `npm run audit:verify` does.
    assert.equal(entry.hash, hashEntry(previousHash, entry.fields));
    previousHash = entry.hash;
  }
});

test('every synthetic tie passes the relationship rules a form applies, and the large network has about 400', () => {
  const plan = generateCouncil(options).plan;
  const large = plan.children.find((child) => child.networkSize === LARGE_NETWORK_SIZE);
  assert.ok(large, 'the first practitioner works with a child whose network has 150 people');
  for (const child of [plan.children[1]!, large]) {
    const people = generateNetwork(plan, child.index);
    const { members, ties } = generateTies(plan, child.index, people);
    assert.equal(members.length, people.length - 1);
    const keys = new Set<string>();
    for (const tie of ties) {
      const parsed = relationshipFactsSchema.safeParse({ ...tie, startedOn: null, endedOn: null, notes: null });
      assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
      const key = `${[tie.fromPersonId, tie.toPersonId].sort().join('+')}:${tie.type}`;
      assert.ok(!keys.has(key), 'no duplicate ties');
      keys.add(key);
    }
    assert.equal(new Set(ties.map((tie) => tie.id)).size, ties.length, 'ids are unique');
    if (child === large) assert.ok(ties.length >= 350 && ties.length <= 450, `${ties.length} ties`);
  }
  const again = generateTies(plan, large.index, generateNetwork(plan, large.index));
  assert.equal(fingerprint(again), fingerprint(generateTies(plan, large.index, generateNetwork(plan, large.index))));
});

test('synthetic mappings are deterministic, follow the same rules as the form, and rise gently over time', () => {
  const plan = planCouncil(options);
  const first = plan.children.map((child) => generateMappings(plan, child.index, generateNetwork(plan, child.index)));
  const again = plan.children.map((child) => generateMappings(plan, child.index, generateNetwork(plan, child.index)));
  assert.equal(fingerprint(again), fingerprint(first));
  const all = first.flat();
  assert.ok(all.length >= plan.children.length, `${all.length} mappings for ${plan.children.length} children`);
  const ids = new Set(all.flatMap((mapping) => [mapping.id, ...mapping.entries.map((entry) => entry.id)]));
  assert.equal(ids.size, all.length + all.reduce((sum, mapping) => sum + mapping.entries.length, 0), 'no id repeats');
  for (const mapping of all) {
    assert.ok(mapping.heldOn <= options.asOf, 'nothing is dated after the council’s today');
    for (const entry of mapping.entries) {
      const checked = validateEntry(entry.section, { ...entry });
      assert.ok(checked.valid, JSON.stringify(entry));
    }
    for (const score of mapping.scores) assert.ok(scoreSchema.safeParse(score).success, JSON.stringify(score));
    assert.ok(mapping.scores.length >= 1);
  }
});
