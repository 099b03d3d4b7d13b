/**
 * One demo account per role in Demo Borough Council, and one in Other Council. All fictional.
 * The password and the two-factor secrets are published in README.md so anyone can try every
 * role; `npm run demo:code -- <email>` prints the current two-factor code.
 */
import type { Role } from '../platform/identity/roles.js';

export const DEMO_PASSWORD = 'demo-river-candle-orbit';

export interface DemoAccount {
  email: string;
  fullName: string;
  kind: 'staff' | 'family' | 'young_person';
  roles: Role[];
  /** The family member or young person this account is, by demo family key. */
  personKey?: string;
  totpSecret?: string;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'alex.morgan@demo-borough.example', fullName: 'Alex Morgan', kind: 'staff', roles: ['practitioner'] },
  {
    email: 'priya.kaur@demo-borough.example',
    fullName: 'Priya Kaur',
    kind: 'staff',
    roles: ['team_manager'],
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  { email: 'sam.taylor@demo-borough.example', fullName: 'Sam Taylor', kind: 'staff', roles: ['fgc_coordinator'] },
  {
    email: 'helen.carter@riverside-school.example',
    fullName: 'Helen Carter',
    kind: 'staff',
    roles: ['partner_agency_worker'],
  },
  {
    email: 'admin@demo-borough.example',
    fullName: 'Jordan Lee',
    kind: 'staff',
    roles: ['council_administrator'],
    totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  },
  { email: 'auditor@demo-borough.example', fullName: 'Morgan Ellis', kind: 'staff', roles: ['auditor'] },
  {
    email: 'sarah.thompson@family.example',
    fullName: 'Sarah Thompson',
    kind: 'family',
    roles: ['family_member'],
    personKey: 'sarah',
  },
  {
    email: 'mia.thompson@family.example',
    fullName: 'Mia Thompson',
    kind: 'young_person',
    roles: ['young_person'],
    personKey: 'mia',
  },
];

export const otherCouncilAccounts: DemoAccount[] = [
  { email: 'jo.bloggs@other-council.example', fullName: 'Jo Bloggs', kind: 'staff', roles: ['practitioner'] },
];

export const demoTeamName = 'Northfield Family Support Team';
