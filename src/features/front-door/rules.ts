/**
 * The front door's rules, pure: when a decision is due (within one working day of the contact,
 * the same day when it is urgent), how the clock stands, whether a contact is a re-referral
 * (the child's case closed within the last 12 months), and the words each choice is shown with.
 */
import { addMonths, addWorkingDays, workingDaysBetween, type IsoDate, type WorkingDayCalendar } from './spine.js';
import type { Consent, ContactKind, Decision, Urgency } from './schema.js';

/** The day a decision is due: the next working day after the contact, or the day itself when urgent. */
export function decisionDueOn(receivedOn: IsoDate, urgency: Urgency | null, calendar: WorkingDayCalendar): IsoDate {
  return addWorkingDays(receivedOn, urgency === 'standard' || urgency === null ? 1 : 0, calendar);
}

export interface DecisionClock {
  dueOn: IsoDate;
  /** Working days left until the due date: 0 due today, negative when overdue. */
  workingDaysLeft: number;
  overdue: boolean;
}

export function decisionClock(
  receivedOn: IsoDate,
  urgency: Urgency | null,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): DecisionClock {
  const dueOn = decisionDueOn(receivedOn, urgency, calendar);
  const workingDaysLeft = workingDaysBetween(today, dueOn, calendar);
  return { dueOn, workingDaysLeft, overdue: dueOn < today };
}

/** A contact is a re-referral when the child's case was closed within 12 months before it. */
export function isReReferral(lastClosedOn: IsoDate | null, receivedOn: IsoDate): boolean {
  return lastClosedOn !== null && lastClosedOn <= receivedOn && addMonths(lastClosedOn, 12) >= receivedOn;
}

export const contactKindNames: Record<ContactKind, string> = {
  partner_agency: 'A partner agency (school, health, police or another)',
  family_member: 'A family member',
  child: 'The child or young person',
  public: 'A member of the public',
  anonymous: 'Someone who did not give their name',
};

export const consentNames: Record<Consent, string> = {
  given: 'The family knows and agrees',
  not_asked: 'The family has not been asked',
  refused: 'The family does not agree',
};

export const urgencyNames: Record<Urgency, string> = {
  immediate: 'Someone may be in danger now',
  same_day: 'Needs a decision today',
  standard: 'Within one working day',
};

export const decisionNames: Record<Decision, string> = {
  advice: 'Advice and signposting',
  early_help: 'Early help (Family Help)',
  referral: 'Referral to children’s social care',
  strategy_discussion: 'Strategy discussion (immediate safeguarding)',
};

/** What happens next, as the family's letter says it for each decision. */
const nextSteps: Record<Decision, string> = {
  advice:
    'We will not be doing any more work with you about this. We have told the person who got in touch where help can be found, and you can contact us at any time.',
  early_help:
    'A Family Help worker will get in touch with you in the next few days to talk about what support would help, and to agree it with you.',
  referral:
    'A social worker will get in touch with you soon. They will meet you and your children, listen to what you think, and work out with you what help is needed.',
  strategy_discussion:
    'We are talking today with the police, health and your children’s school about how to keep your children safe. A social worker will get in touch with you straight away.',
};

export interface FamilyLetter {
  greeting: string;
  paragraphs: string[];
}

/** The letter to the family: who got in touch, what we decided in the worker's plain words, what happens next. */
export function familyLetter(contact: {
  childNames: string[];
  receivedOn: string;
  receivedOnText: string;
  decision: Decision;
  letterToFamily: string;
  councilName: string;
}): FamilyLetter {
  const children = contact.childNames.length > 0 ? contact.childNames.join(' and ') : 'your child';
  return {
    greeting: 'Dear family,',
    paragraphs: [
      `On ${contact.receivedOnText} someone got in touch with ${contact.councilName} because they were worried about ${children}. We want to tell you what we have decided and why.`,
      ...contact.letterToFamily
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean),
      nextSteps[contact.decision],
    ],
  };
}
