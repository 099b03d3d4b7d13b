/**
 * Mia's voice in the demo: three visits with her words (one corrected, so its history has a
 * story), her Three Houses and her wishes and feelings, two things she said on their own, and
 * how she would like to take part in meetings.
 * Idempotent: does nothing once any visit is recorded in the demo council.
 */
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { appendVersion } from '../platform/history/record-history.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import {
  insertChildsWords,
  insertChronologyEntry,
  insertDirectWork,
  insertParticipationPreference,
  insertVisit,
  updateVisit,
} from '../features/voice/queries.js';
import { visits } from '../features/voice/schema.js';
import { VISIT } from '../features/voice/service.js';
import type { VisitContent } from '../features/voice/visit-form.js';
import { demoCouncil } from './demo-family.js';
import { councilHasRows, personIdByName } from './demo-lookups.js';

const alex = { userId: null, label: 'Alex Morgan (practitioner)' };

export async function seedDemoVoice(database: Database): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    if (await councilHasRows(tx, visits, tenantId)) return false;
    const idOf = async (fullName: string) => {
      const id = await personIdByName(tx, tenantId, fullName);
      if (!id) throw new Error(`demo person ${fullName} is not in the council`);
      return id;
    };
    const mia = await idOf('Mia Thompson');
    const sarah = await idOf('Sarah Thompson');
    const pat = await idOf('Patricia Thompson');

    const first: VisitContent = {
      kind: 'home_visit',
      happenedAt: '2025-09-15T15:30:00.000Z',
      place: 'At home, Riverside Road',
      whoWasThere: [
        { personId: sarah, name: 'Sarah Thompson' },
        { personId: pat, name: 'Patricia Thompson (Nan Pat)' },
      ],
      childSeen: true,
      seenAlone: true,
      notSeenReason: null,
      seenHeardFelt:
        'The flat was warm and tidy. Mia showed me her bedroom and the drawings on her wall.\nSarah was tired but laughed with Mia about the cat.',
      childsWords: 'Nan Pat makes the best pancakes. I feel safe when she is here.',
      workingWell: 'Nan Pat comes every Tuesday and Thursday after school.\nMia walks to school with her friend Ava.',
      worries: 'Mia said she sometimes hears shouting when Marcus visits late at night.',
      reflection: 'Mia opened up once we were drawing together. Next time, start with drawing.',
      nextSteps: [{ who: 'Alex Morgan', what: 'Meet Nan Pat about the family network meeting', byWhen: '2025-09-26' }],
    };
    const second: VisitContent = {
      kind: 'school_visit',
      happenedAt: '2025-10-02T10:00:00.000Z',
      place: 'Riverside Primary School, the quiet room',
      whoWasThere: [{ personId: null, name: 'Helen Carter (school)' }],
      childSeen: true,
      seenAlone: true,
      notSeenReason: null,
      seenHeardFelt: 'Mia chose the quiet room. She was chatty and proud of her reading certificate.',
      childsWords: 'I want Mum to be happy again. I like it when Leo and me play football in the park.',
      workingWell: 'Mia has been at school every day this half term.',
      worries: null,
      reflection: null,
      nextSteps: [],
    };
    const third: VisitContent = {
      kind: 'phone',
      happenedAt: '2025-10-20T17:15:00.000Z',
      place: null,
      whoWasThere: [{ personId: sarah, name: 'Sarah Thompson' }],
      childSeen: false,
      seenAlone: null,
      notSeenReason: 'A phone call with Sarah to plan the family network meeting; Mia was at football.',
      seenHeardFelt: 'Sarah sounded more hopeful; she has asked Gwen to come to the meeting.',
      childsWords: null,
      workingWell: 'Sarah has asked her family for help.',
      worries: null,
      reflection: null,
      nextSteps: [{ who: 'Sarah Thompson', what: 'Ask Gwen to the family network meeting', byWhen: '2025-10-31' }],
    };
    for (const [content, correction] of [
      [first, null],
      [second, { place: 'Riverside Primary School, the quiet room next to the library' }],
      [third, null],
    ] as const) {
      const { id, createdAt } = await insertVisit(tx, tenantId, mia, content, alex);
      await appendVersion(tx, tenantId, {
        recordType: VISIT,
        recordId: id,
        version: 1,
        author: alex,
        reason: null,
        content: content as unknown as Record<string, unknown>,
        recordedAt: createdAt,
      });
      if (correction) {
        const corrected = { ...content, ...correction };
        await appendVersion(tx, tenantId, {
          recordType: VISIT,
          recordId: id,
          version: 2,
          author: alex,
          reason: 'Helen told me which room it was; the quiet room is next to the library',
          content: corrected,
        });
        await updateVisit(tx, tenantId, id, corrected, 2);
      }
    }
    await insertChildsWords(
      tx,
      tenantId,
      mia,
      {
        words: 'When I grow up I want to be a vet, so I can look after all the animals.',
        heardBy: 'Helen Carter (school)',
        heardOn: '2025-09-22',
        setting: 'In class, during circle time',
      },
      alex,
    );
    await insertChildsWords(
      tx,
      tenantId,
      mia,
      {
        words: 'Can Nan Pat come to the meeting? I don’t want to go in the big room.',
        heardBy: 'Alex Morgan',
        heardOn: '2025-10-20',
        setting: 'On the phone, after football',
      },
      alex,
    );
    await insertDirectWork(
      tx,
      tenantId,
      mia,
      {
        tool: 'three_houses',
        doneOn: '2025-09-29',
        doneWith: 'Alex Morgan',
        childsWords: {
          houseOfWorries: ['Shouting at night', 'Mum being sad', 'Having to move school'],
          houseOfGoodThings: ['Nan Pat’s pancakes', 'Football with Leo', 'My friend Ava', 'Reading with Miss Carter'],
          houseOfDreams: ['Mum laughing', 'A dog called Biscuit', 'Everyone at my birthday'],
        },
      },
      alex,
    );
    await insertDirectWork(
      tx,
      tenantId,
      mia,
      {
        tool: 'wishes_and_feelings',
        doneOn: '2025-10-13',
        doneWith: 'Alex Morgan',
        childsWords: {
          wishes: ['To stay at my school', 'To see Dad at weekends'],
          feelings: ['Happy at Nan Pat’s', 'Worried when it’s loud at home'],
        },
      },
      alex,
    );
    for (const entry of [
      {
        happenedOn: '2021-09-06',
        category: 'school' as const,
        title: 'Started at Riverside Primary School',
        details: 'Walks there with her friend Ava most mornings.',
      },
      {
        happenedOn: '2025-06-14',
        category: 'family_life' as const,
        title: 'Dad moved out; Mia and Leo stay with Mum',
        details: 'Time with Dad on Saturdays, at Grandma Grace’s.',
      },
      {
        happenedOn: '2025-09-08',
        category: 'meeting' as const,
        title: 'Working together began',
        details: 'Sarah asked for help after a hard summer.',
      },
      {
        happenedOn: '2025-10-25',
        category: 'time_with_family' as const,
        title: 'First weekend with Nan Pat since the summer',
        details: null,
      },
    ]) {
      await insertChronologyEntry(tx, tenantId, mia, entry, alex);
    }
    await insertParticipationPreference(
      tx,
      tenantId,
      mia,
      {
        way: 'send_words_or_drawing',
        inTheirWords: 'I’ll do a drawing of my three houses and Nan Pat can show it.',
        saidOn: '2025-10-20',
      },
      alex,
    );
    return true;
  });
}
