/**
 * The front door: contacts recorded (kept as drafts while half-typed), the people involved
 * found or added, and a decision within one working day with reasons and who made it. A
 * referral or strategy discussion opens the child's record (a new one for a child not known)
 * and starts a referral there, in the same transaction as the decision.
 *
 * A contact belongs to the council until it is decided; every look at it or change of it is
 * audited, with the child's id for each child whose record it names, so the child's "who has
 * seen" shows it. The decision changes a child's record through `openChildRecordIn`.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/ids.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent, type AuditDetails } from '../../platform/audit/audit-log.js';
import type { AuditAction } from '../../platform/audit/catalogue.js';
import type { RequestSource } from '../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { ukDate } from '../../platform/views/clock.js';
import { openChildRecordIn } from '../child-record/index.js';
import { addChildRecordIn, addPersonIn } from '../people/index.js';
import {
  addPersonToContact,
  contactById,
  contactsIn,
  insertContact,
  peopleInvolved,
  personKnown,
  personWithIdentifier,
  possibleMatches,
  saveIdentifiers,
  setReferralOf,
  updateContact,
  type ContactRow,
  type InvolvedPerson,
  type PossibleMatch,
} from './queries.js';
import { decisionClock, isReReferral, type DecisionClock } from './rules.js';
import { allocate, councilCalendar, lastClosedOn, startReferral, type WorkingDayCalendar } from './spine.js';
import {
  frontDoorMessages,
  type ContactInput,
  type DecisionInput,
  type ExistingPersonInput,
  type FindPerson,
  type NewPersonInput,
} from './validation.js';

export type { PossibleMatch } from './queries.js';

export interface InvolvedPersonView extends InvolvedPerson {
  /** A child whose case was closed within the 12 months before the contact. */
  reReferral: boolean;
}

export interface ContactView {
  contact: ContactRow;
  people: InvolvedPersonView[];
  /** The decision's clock while it waits for one. */
  clock: DecisionClock | null;
  reReferral: boolean;
}

const today = () => ukDate(new Date());

function auditContact(
  tx: Tx,
  actor: Actor,
  action: AuditAction,
  contactId: string | null,
  source: RequestSource,
  about: { childIds?: string[]; details?: AuditDetails; outcome?: 'allowed' | 'denied' } = {},
): Promise<void> {
  const childIds: (string | null)[] = about.childIds?.length ? about.childIds : [null];
  return childIds.reduce<Promise<void>>(
    (previous, childPersonId) =>
      previous.then(() =>
        recordAuditEvent(tx, actor.tenantId, {
          action,
          outcome: about.outcome ?? 'allowed',
          actor: { userId: actor.userId, label: actorLabel(actor) },
          subject: contactId ? { type: 'contact', id: contactId } : null,
          childPersonId,
          source,
          details: about.details ?? {},
        }),
      ),
    Promise.resolve(),
  );
}

const childRecordsNamed = (people: readonly InvolvedPerson[]) =>
  people.filter((person) => person.hasChildRecord).map((person) => person.personId);

async function viewsOf(
  tx: Tx,
  tenantId: string,
  rows: ContactRow[],
  calendar: WorkingDayCalendar,
): Promise<ContactView[]> {
  const involved = await peopleInvolved(
    tx,
    tenantId,
    rows.map((row) => row.id),
  );
  const now = today();
  return Promise.all(
    rows.map(async (contact) => {
      const people = await Promise.all(
        involved
          .filter((person) => person.contactId === contact.id)
          .map(async (person) => ({
            ...person,
            reReferral:
              person.involvement === 'child' &&
              person.hasChildRecord &&
              isReReferral(
                (await lastClosedOn(tx, tenantId, person.personId)) ?? person.childRecordClosedOn,
                contact.receivedOn,
              ),
          })),
      );
      return {
        contact,
        people,
        clock: contact.status === 'decided' ? null : decisionClock(contact.receivedOn, contact.urgency, now, calendar),
        reReferral: people.some((person) => person.reReferral),
      };
    }),
  );
}

export interface FrontDoorQueue {
  awaiting: ContactView[];
  drafts: ContactView[];
  decided: ContactView[];
}

/** Contacts waiting for a decision (oldest first), drafts, and the latest decided. */
export function frontDoorQueue(database: Database, actor: Actor, source: RequestSource): Promise<FrontDoorQueue> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const calendar = await councilCalendar(tx, actor.tenantId);
    const [awaiting, drafts, decided] = await Promise.all([
      contactsIn(tx, actor.tenantId, 'awaiting_decision'),
      contactsIn(tx, actor.tenantId, 'draft'),
      contactsIn(tx, actor.tenantId, 'decided', 20),
    ]);
    const views = await viewsOf(tx, actor.tenantId, [...awaiting, ...drafts, ...decided], calendar);
    await auditContact(tx, actor, 'front_door.queue_viewed', null, source, {
      details: { awaiting: awaiting.length, drafts: drafts.length },
    });
    const of = (status: ContactRow['status']) => views.filter((view) => view.contact.status === status);
    return { awaiting: of('awaiting_decision'), drafts: of('draft'), decided: of('decided') };
  });
}

/** One contact, with the people involved and its clock; null when there is none. */
export function viewContact(
  database: Database,
  actor: Actor,
  contactId: string,
  source: RequestSource,
): Promise<ContactView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const contact = isUuid(contactId) ? await contactById(tx, actor.tenantId, contactId) : null;
    if (!contact) return null;
    const [view] = await viewsOf(tx, actor.tenantId, [contact], await councilCalendar(tx, actor.tenantId));
    await auditContact(tx, actor, 'front_door.contact_viewed', contactId, source, {
      childIds: childRecordsNamed(view!.people),
    });
    return view!;
  });
}

const contactValues = (input: ContactInput) => {
  const { sendForDecision, ...values } = input;
  return { ...values, status: sendForDecision ? ('awaiting_decision' as const) : ('draft' as const) };
};

/** A new contact, kept as a draft or sent for a decision. */
export function recordContact(
  database: Database,
  actor: Actor,
  input: ContactInput,
  source: RequestSource,
): Promise<ContactRow> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const contact = await insertContact(tx, actor.tenantId, {
      ...contactValues(input),
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    await auditContact(tx, actor, 'front_door.contact_recorded', contact.id, source, {
      details: { status: contact.status },
    });
    return contact;
  });
}

export type ContactChange =
  | { outcome: 'saved'; contact: ContactRow }
  | { outcome: 'not_found' }
  | { outcome: 'conflict'; current: ContactRow }
  | { outcome: 'decided' };

/** A contact changed while it waits for a decision, refused if someone saved since `expectedVersion`. */
export function changeContact(
  database: Database,
  actor: Actor,
  contactId: string,
  input: ContactInput & { expectedVersion: number },
  source: RequestSource,
): Promise<ContactChange> {
  return withTenant(database.orm, actor.tenantId, async (tx): Promise<ContactChange> => {
    const current = isUuid(contactId) ? await contactById(tx, actor.tenantId, contactId, true) : null;
    if (!current) return { outcome: 'not_found' };
    if (current.status === 'decided') return { outcome: 'decided' };
    const { expectedVersion, ...values } = input;
    const saved = await updateContact(tx, actor.tenantId, contactId, contactValues(values), expectedVersion);
    if (!saved) return { outcome: 'conflict', current };
    const people = await peopleInvolved(tx, actor.tenantId, [contactId]);
    await auditContact(tx, actor, 'front_door.contact_changed', contactId, source, {
      childIds: childRecordsNamed(people),
      details: { status: saved.status, version: saved.version },
    });
    return { outcome: 'saved', contact: saved };
  });
}

/** People already recorded in the council who may be the one looked for; null when there is no such contact. */
export function findPeople(
  database: Database,
  actor: Actor,
  contactId: string,
  find: FindPerson,
  source: RequestSource,
): Promise<PossibleMatch[] | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const contact = isUuid(contactId) ? await contactById(tx, actor.tenantId, contactId) : null;
    if (!contact) return null;
    const matches = await possibleMatches(tx, actor.tenantId, find);
    await auditContact(tx, actor, 'front_door.people_searched', contactId, source, {
      details: { by: find.nhsNumber ? 'nhs_number' : 'name', matches: matches.length },
    });
    return matches;
  });
}

export type PersonAdded =
  | { outcome: 'added'; personId: string }
  | { outcome: 'not_found' }
  | { outcome: 'decided' }
  | { outcome: 'already_known'; personId: string };

async function addingTo(
  database: Database,
  actor: Actor,
  contactId: string,
  work: (tx: Tx) => Promise<PersonAdded>,
): Promise<PersonAdded> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const contact = isUuid(contactId) ? await contactById(tx, actor.tenantId, contactId, true) : null;
    if (!contact) return { outcome: 'not_found' as const };
    if (contact.status === 'decided') return { outcome: 'decided' as const };
    return work(tx);
  });
}

/** Someone already recorded in the council, added to the contact. */
export function addKnownPerson(
  database: Database,
  actor: Actor,
  contactId: string,
  input: ExistingPersonInput,
  source: RequestSource,
): Promise<PersonAdded> {
  return addingTo(database, actor, contactId, async (tx) => {
    const known = await personKnown(tx, actor.tenantId, input.personId);
    if (!known) return { outcome: 'not_found' };
    await addPersonToContact(tx, actor.tenantId, { contactId, ...input });
    await auditContact(tx, actor, 'front_door.person_added', contactId, source, {
      childIds: known.hasChildRecord ? [input.personId] : [],
      details: { personId: input.personId, involvement: input.involvement },
    });
    return { outcome: 'added', personId: input.personId };
  });
}

/** Someone new to the council, recorded and added to the contact; refused when their NHS or pupil number is already known. */
export function addNewPerson(
  database: Database,
  actor: Actor,
  contactId: string,
  input: NewPersonInput,
  source: RequestSource,
): Promise<PersonAdded> {
  return addingTo(database, actor, contactId, async (tx) => {
    const holder = await personWithIdentifier(tx, actor.tenantId, input);
    if (holder) return { outcome: 'already_known', personId: holder };
    const personId = await addPersonIn(tx, actor.tenantId, {
      fullName: input.fullName,
      dateOfBirth: input.dateOfBirth,
    });
    await saveIdentifiers(tx, actor.tenantId, personId, {
      nhsNumber: input.nhsNumber,
      uniquePupilNumber: input.uniquePupilNumber,
      address: input.address,
      postcode: input.postcode ? input.postcode.toUpperCase() : null,
    });
    await addPersonToContact(tx, actor.tenantId, { contactId, personId, involvement: input.involvement });
    await auditContact(tx, actor, 'front_door.person_added', contactId, source, {
      details: { personId, involvement: input.involvement, new: true },
    });
    return { outcome: 'added', personId };
  });
}

export type DecisionOutcome =
  | { outcome: 'decided'; contact: ContactRow; referrals: { childId: string; referralId: string | null }[] }
  | { outcome: 'not_found' }
  | { outcome: 'invalid'; field: keyof DecisionInput | 'form'; message: string }
  | { outcome: 'refused'; childName: string };

class RefusedChild extends Error {
  constructor(readonly childName: string) {
    super('The record of a child in the contact could not be opened for a change');
  }
}

/** A decision that opens the child's record: a referral, or a strategy discussion. */
const opensRecord = (decision: DecisionInput['decision']) =>
  decision === 'referral' || decision === 'strategy_discussion';

/**
 * The decision, with reasons and who made it. A referral or strategy discussion opens each
 * child's record (a new record for a child not known yet, allocated to the person deciding)
 * and starts a referral there; all in one transaction, so nothing is saved if any part fails.
 */
export async function decideContact(
  database: Database,
  actor: Actor,
  contactId: string,
  input: DecisionInput,
  source: RequestSource,
): Promise<DecisionOutcome> {
  return withTenant(database.orm, actor.tenantId, async (tx): Promise<DecisionOutcome> => {
    const contact = isUuid(contactId) ? await contactById(tx, actor.tenantId, contactId, true) : null;
    if (!contact) return { outcome: 'not_found' };
    if (contact.status !== 'awaiting_decision')
      return { outcome: 'invalid', field: 'form', message: frontDoorMessages.notAwaiting };
    if (input.decidedOn < contact.receivedOn)
      return { outcome: 'invalid', field: 'decidedOn', message: frontDoorMessages.decidedBeforeReceived };
    const children = (await peopleInvolved(tx, actor.tenantId, [contactId])).filter(
      (person) => person.involvement === 'child',
    );
    if (input.decision !== 'advice' && children.length === 0)
      return { outcome: 'invalid', field: 'decision', message: frontDoorMessages.noChild };
    const referrals = opensRecord(input.decision) ? await referEach(tx, actor, contact, children, input, source) : [];
    const decided = await updateContact(
      tx,
      actor.tenantId,
      contactId,
      {
        status: 'decided',
        decision: input.decision,
        decisionReasons: input.reasons,
        letterToFamily: input.letterToFamily,
        decidedOn: input.decidedOn,
        decidedAt: new Date(),
        decidedBy: actor.userId,
        decidedByLabel: actorLabel(actor),
      },
      contact.version,
    );
    await auditContact(tx, actor, 'front_door.decided', contactId, source, {
      childIds: children.filter((child) => child.hasChildRecord).map((child) => child.personId),
      details: { decision: input.decision, referrals: referrals.length },
    });
    return { outcome: 'decided', contact: decided!, referrals };
  }).catch((error: unknown) => {
    if (error instanceof RefusedChild) return { outcome: 'refused' as const, childName: error.childName };
    throw error;
  });
}

async function referEach(
  tx: Tx,
  actor: Actor,
  contact: ContactRow,
  children: InvolvedPerson[],
  input: DecisionInput,
  source: RequestSource,
) {
  const referrals: { childId: string; referralId: string | null }[] = [];
  for (const child of children) {
    if (!child.hasChildRecord) {
      await addChildRecordIn(tx, actor.tenantId, {
        personId: child.personId,
        reference: `C-${child.personId.slice(0, 8).toUpperCase()}`,
        openedOn: input.decidedOn,
      });
      await allocate(tx, actor.tenantId, {
        childId: child.personId,
        userId: actor.userId,
        ...(actor.teams?.teamIds[0] ? { teamId: actor.teams.teamIds[0] } : {}),
        startsOn: input.decidedOn,
      });
    }
    const record = await openChildRecordIn(tx, actor, child.personId, {
      need: 'change',
      action: 'front_door.decided',
      source,
    });
    if (!record) throw new RefusedChild(child.fullName);
    const { referralId } = await startReferral(tx, actor.tenantId, {
      childId: child.personId,
      referredOn: input.decidedOn,
      source: contact.contactKind ?? 'anonymous',
      contactId: contact.id,
      actorLabel: actorLabel(actor),
    });
    if (referralId) await setReferralOf(tx, actor.tenantId, contact.id, child.personId, referralId);
    await record.audit('front_door.decided', { contactId: contact.id, decision: input.decision });
    referrals.push({ childId: child.personId, referralId });
  }
  return referrals;
}
