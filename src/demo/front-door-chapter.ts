/**
 * The front door's chapter of the demo story. In September 2025 Ms Carter, Mia's teacher at
 * Riverside Primary, got in touch: Mia had told her she is scared when the shouting starts at
 * home at night. Priya Kaur decided on the next working day that it was a referral, and Alex
 * Morgan met the family that week (the rest of the story: the assessment, the plans, the
 * meetings). Today a health visitor's contact about another family, the Okafors, is waiting
 * at the front door for a decision, with its clock.
 *
 * Once: nothing is added to a council that already has contacts.
 */
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { ukDate } from '../platform/views/clock.js';
import { addPersonIn } from '../features/people/index.js';
import { addPersonToContact, insertContact, saveIdentifiers, updateContact } from '../features/front-door/queries.js';
import { contacts } from '../features/front-door/schema.js';
import { demoCouncil } from './demo-family.js';
import { councilHasRows, personIdByName } from './demo-lookups.js';

const ALEX = 'Alex Morgan (practitioner)';
const PRIYA = 'Priya Kaur (team_manager)';

/** The Okafors: not known to the council until today. NHS numbers are made up, with real check digits. */
const okafors = [
  { fullName: 'Tayo Okafor', dateOfBirth: '2018-10-02', nhsNumber: '4857773422', involvement: 'child' as const },
  { fullName: 'Ada Okafor', dateOfBirth: '2022-01-19', nhsNumber: '4857773430', involvement: 'child' as const },
  { fullName: 'Chioma Okafor', dateOfBirth: '1993-06-11', nhsNumber: '4857773449', involvement: 'adult' as const },
];

export async function seedFrontDoorChapter(database: Database, today: string = ukDate(new Date())): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    if (await councilHasRows(tx, contacts, tenantId)) return false;

    const school = await insertContact(tx, tenantId, {
      status: 'awaiting_decision',
      receivedOn: '2025-09-05',
      contactKind: 'partner_agency',
      contactName: 'Helen Carter',
      contactOrganisation: 'Riverside Primary School',
      relationshipToChild: 'Mia’s class teacher',
      worries:
        'Mia told me today she is scared when the shouting starts at home at night. She has been late about twice a week since the summer and is tired on those days. She says she gets up to check on Leo.',
      goingWell:
        'Mia reads above her age and loves drawing. Her mum, Sarah, has come to every meeting this term and Dan does the school run.',
      consent: 'given',
      urgency: 'standard',
      recordedBy: null,
      recordedByLabel: ALEX,
      recordedAt: new Date('2025-09-05T14:20:00Z'),
    });
    const thompsons = [
      ['Mia Thompson', 'child'],
      ['Leo Thompson', 'child'],
      ['Sarah Thompson', 'adult'],
      ['Daniel Hughes', 'adult'],
    ] as const;
    for (const [fullName, involvement] of thompsons) {
      const personId = await personIdByName(tx, tenantId, fullName);
      if (personId) await addPersonToContact(tx, tenantId, { contactId: school.id, personId, involvement });
    }
    await updateContact(
      tx,
      tenantId,
      school.id,
      {
        status: 'decided',
        decision: 'referral',
        decisionReasons:
          'Mia is frightened at night and tired at school, and we do not know yet how often the shouting happens or whether drinking is part of it. Sarah knows about the contact and wants help. An assessment with the family will help us understand what is happening for Mia and Leo.',
        letterToFamily:
          'Thank you for talking with Ms Carter. She told us Mia has been worried about shouting at home at night. We would like to meet you, Mia and Leo to hear how things are for you and what would help.',
        decidedOn: '2025-09-08',
        decidedAt: new Date('2025-09-08T09:40:00Z'),
        decidedBy: null,
        decidedByLabel: PRIYA,
      },
      school.version,
    );

    const health = await insertContact(tx, tenantId, {
      status: 'awaiting_decision',
      receivedOn: today,
      contactKind: 'partner_agency',
      contactName: 'Joanne Reid',
      contactOrganisation: 'Northfield Health Centre',
      relationshipToChild: 'Health visitor for Ada',
      worries:
        'Ada has missed her last two health checks. When I visited this morning the flat was cold and there was very little food. Chioma said she lost her job in the summer and is behind with the rent. Tayo had not been to school for three days.',
      goingWell:
        'Chioma is warm and patient with the children and asked me for help herself. Tayo showed me his reading book and is proud of it.',
      consent: 'given',
      urgency: 'standard',
      recordedBy: null,
      recordedByLabel: ALEX,
    });
    for (const person of okafors) {
      const personId = await addPersonIn(tx, tenantId, { fullName: person.fullName, dateOfBirth: person.dateOfBirth });
      await saveIdentifiers(tx, tenantId, personId, {
        nhsNumber: person.nhsNumber,
        uniquePupilNumber: null,
        address: 'Flat 4, 19 Mill Lane, Northfield',
        postcode: 'NF4 2LB',
      });
      await addPersonToContact(tx, tenantId, { contactId: health.id, personId, involvement: person.involvement });
    }
    return true;
  });
}
