/**
 * Two mappings with the Thompson family, four months apart, about Mia and Leo together: the
 * first after the worrying night in May, the review in October when things were calmer. Each
 * scaled by five people: Mia, Sarah, Dan, Nan Pat and Alex. Every word is invented.
 * Idempotent: does nothing once the demo council has a mapping.
 */
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { appendVersion } from '../platform/history/record-history.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { validateEntry } from '../features/mapping/domain.js';
import { insertEntry, insertMapping, insertScore } from '../features/mapping/queries.js';
import { mappings } from '../features/mapping/schema.js';
import { MAPPING_ENTRY } from '../features/mapping/service.js';
import { defaultScale } from '../features/mapping/domain.js';
import { demoCouncil } from './demo-family.js';
import { councilHasRows, peopleByName } from './demo-lookups.js';

type Entry = { section: string } & Record<string, string>;

const first = {
  title: 'First mapping with the family',
  heldOn: '2026-06-15',
  whoTookPart: 'Mia, Sarah, Dan, Nan Pat and Alex at home; Helen Carter sent her views from school',
  entries: [
    {
      section: 'past_harm',
      statement:
        'In May, Dan came home after drinking, shouted and threw a plate that broke near Leo. Mia took Leo upstairs and hid in her room.',
      harmSeverity: 'No one was physically hurt; Mia and Leo were very frightened',
      harmFrequency: 'Sarah says loud nights like this happened three or four times this year',
      harmWhen: 'May 2026',
      viewOfKind: 'professional',
      viewOfName: 'Alex Morgan',
    },
    {
      section: 'danger_statement',
      worriedWho: 'Sarah, the school and Alex',
      couldHappen: 'Mia and Leo could be hurt, or so frightened that they stop feeling safe at home',
      becauseOf: 'When Dan drinks he gets angry, shouts and throws things',
      inCircumstances: 'Late in the evening at weekends, when Sarah is at work',
      viewOfKind: 'family',
      viewOfName: 'Sarah Thompson',
    },
    {
      section: 'complicating_factor',
      statement: 'Sarah works night shifts twice a week, so Dan is often the only adult at home at weekends.',
      viewOfKind: 'family',
      viewOfName: 'Sarah Thompson',
    },
    {
      section: 'existing_strength',
      statement: 'Nan’s house is where I feel calm. I go every Saturday and we walk Biscuit.',
      viewOfKind: 'child',
      viewOfName: 'Mia Thompson',
    },
    {
      section: 'existing_strength',
      statement: 'Sarah has come to every school meeting this term and talks openly about what worries her.',
      viewOfKind: 'professional',
      viewOfName: 'Helen Carter',
    },
    {
      section: 'existing_safety',
      statement: 'When things got loud in May, Mia took Leo upstairs and rang Nan Pat, who came straight round.',
      viewOfKind: 'network',
      viewOfName: 'Patricia Thompson',
    },
    {
      section: 'safety_goal',
      goalWho: 'Sarah, Dan, Nan Pat and Auntie Jess',
      goalWillBeDoing: 'Make sure a sober adult is looking after Mia and Leo every evening and every weekend',
      goalHowWeWillKnow: 'Mia and Leo say they feel safe at home, and the safety plan diary is filled in each week',
      viewOfKind: 'family',
      viewOfName: 'Sarah Thompson',
    },
    {
      section: 'next_step',
      statement: 'Ask Nan Pat and Auntie Jess to join the safety network and meet with the family',
      stepOwnerName: 'Alex Morgan',
      stepDueOn: '2026-06-30',
      viewOfKind: 'professional',
      viewOfName: 'Alex Morgan',
    },
    {
      section: 'next_step',
      statement: 'Start the Tuesday alcohol support group at the community centre',
      stepOwnerName: 'Daniel Hughes',
      stepDueOn: '2026-07-15',
      viewOfKind: 'family',
      viewOfName: 'Daniel Hughes',
    },
  ] satisfies Entry[],
  scoredOn: '2026-06-15',
  scores: [
    ['child', 'Mia Thompson', 4, 'I get scared when Dan shouts, but Nan comes when I ring her.'],
    ['family', 'Sarah Thompson', 3, 'I don’t want the children to see that again, and I can’t always be there.'],
    ['family', 'Daniel Hughes', 4, 'I know I frightened them. I want to sort my drinking out.'],
    ['network', 'Patricia Thompson', 5, 'They can always come to me, day or night.'],
    ['professional', 'Alex Morgan', 3, 'The worry is real and it happens when no other adult is there.'],
  ] as const,
};

const review = {
  title: 'Review mapping',
  heldOn: '2026-10-12',
  whoTookPart: 'Mia, Sarah, Dan, Nan Pat, Auntie Jess and Alex at Nan Pat’s house',
  entries: [
    {
      section: 'past_harm',
      statement:
        'In May, Dan came home after drinking, shouted and threw a plate that broke near Leo. Mia took Leo upstairs and hid in her room.',
      harmSeverity: 'No one was physically hurt; Mia and Leo were very frightened',
      harmWhen: 'May 2026; nothing like it since June, everyone says',
      viewOfKind: 'professional',
      viewOfName: 'Alex Morgan',
    },
    {
      section: 'danger_statement',
      worriedWho: 'Sarah and Alex',
      couldHappen: 'Mia and Leo could be frightened again',
      becauseOf: 'If Dan starts drinking again he may get angry and shout',
      inCircumstances: 'If the weekend rota of adults stops',
      viewOfKind: 'family',
      viewOfName: 'Sarah Thompson',
    },
    {
      section: 'existing_strength',
      statement: 'Dan has been to the support group every Tuesday since July.',
      viewOfKind: 'professional',
      viewOfName: 'Chloe Evans',
    },
    {
      section: 'existing_strength',
      statement: 'Home is calmer now. No shouting. Dan makes pancakes on Sundays.',
      viewOfKind: 'child',
      viewOfName: 'Mia Thompson',
    },
    {
      section: 'existing_safety',
      statement:
        'Nan Pat or Auntie Jess has been at the house every weekend evening since July, and the diary shows it.',
      viewOfKind: 'network',
      viewOfName: 'Jessica Thompson',
    },
    {
      section: 'existing_safety',
      statement: 'Sarah changed to day shifts in August so she is home at weekends.',
      viewOfKind: 'family',
      viewOfName: 'Sarah Thompson',
    },
    {
      section: 'safety_goal',
      goalWho: 'Sarah, Dan, Nan Pat and Auntie Jess',
      goalWillBeDoing: 'Keep the weekend rota going, so a sober adult is always with Mia and Leo',
      goalHowWeWillKnow: 'The diary is filled in and the children say home feels safe',
      viewOfKind: 'family',
      viewOfName: 'Sarah Thompson',
    },
    {
      section: 'next_step',
      statement: 'Agree the family’s own safety plan, in their words, at a family group conference',
      stepOwnerName: 'Sam Taylor (family group conference coordinator)',
      stepDueOn: '2026-11-30',
      viewOfKind: 'professional',
      viewOfName: 'Alex Morgan',
    },
  ] satisfies Entry[],
  scoredOn: '2026-10-12',
  scores: [
    ['child', 'Mia Thompson', 8, 'No shouting now. I still go to Nan’s on Saturdays because I like it.'],
    ['family', 'Sarah Thompson', 7, 'It feels like a different house. I want it to stay this way.'],
    ['family', 'Daniel Hughes', 7, 'Three months without a drink. The group helps.'],
    ['network', 'Patricia Thompson', 7, 'The children are happier. We all know what to do if it slips.'],
    ['professional', 'Alex Morgan', 6, 'Real change shown over months; the family plan will make it last.'],
  ] as const,
};

export async function seedDemoMappings(database: Database): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    if (await councilHasRows(tx, mappings, tenantId)) return false;
    const byName = await peopleByName(tx, tenantId);
    const idOf = (fullName: string) => {
      const id = byName.get(fullName);
      if (!id) throw new Error(`demo person ${fullName} is not in the council`);
      return id;
    };
    const mia = idOf('Mia Thompson');
    const leo = idOf('Leo Thompson');
    const author = { userId: null, label: 'Alex Morgan, with the family' };
    for (const mapping of [first, review]) {
      const mappingId = await insertMapping(
        tx,
        tenantId,
        {
          title: mapping.title,
          heldOn: mapping.heldOn,
          whoTookPart: mapping.whoTookPart,
          ...defaultScale,
          childPersonId: mia,
          createdBy: null,
          createdByLabel: 'Alex Morgan',
        },
        [mia, leo],
      );
      for (const { section, ...fields } of mapping.entries) {
        const named = byName.get(fields.viewOfName ?? '');
        const owner = byName.get(fields.stepOwnerName ?? '');
        const checked = validateEntry(section, {
          ...fields,
          viewOfPersonId: named ?? null,
          stepOwnerPersonId: owner ?? null,
        });
        if (!checked.valid) throw new Error(`demo mapping entry is not valid: ${JSON.stringify(checked.issues)}`);
        const entry = await insertEntry(tx, tenantId, mappingId, { ...checked.content, createdBy: null });
        await appendVersion(tx, tenantId, {
          recordType: MAPPING_ENTRY,
          recordId: entry.id,
          version: 1,
          author,
          reason: null,
          content: { ...checked.content },
          recordedAt: new Date(`${mapping.heldOn}T15:00:00Z`),
        });
      }
      for (const [scorerKind, scorerName, score, reason] of mapping.scores) {
        await insertScore(tx, tenantId, {
          mappingId,
          scoredOn: mapping.scoredOn,
          scorerKind,
          scorerName,
          scorerPersonId: idOf(scorerName),
          score,
          reason,
          recordedBy: null,
          recordedByLabel: 'Alex Morgan',
        });
      }
    }
    return true;
  });
}
