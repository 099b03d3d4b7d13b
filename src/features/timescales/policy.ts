/**
 * A council's timescale policy (pure): how often children are seen and how often their plans
 * are reviewed, by episode of help. Kith's defaults follow the statutory guidance, and a council
 * may only set a shorter interval than the statutory longest:
 * - child protection: visits at least every 10 working days (Kith's default; Working Together to
 *   Safeguard Children 2023 leaves the frequency to the plan), the first review conference within
 *   3 months of the initial conference, then at most every 6 months;
 * - Family Help (child in need): visits as the plan says, 20 working days when it says nothing;
 *   the plan reviewed every 3 months;
 * - children in care: visits at least every 6 weeks (Care Planning, Placement and Case Review
 *   (England) Regulations 2010, regulation 28), counted here as 30 working days; reviews within
 *   20 working days of coming into care, then 3 months, then every 6 months (regulation 33);
 * - care leavers: contact with their personal adviser at least every 8 weeks (Care Leavers
 *   (England) Regulations 2010, regulation 7), 40 working days.
 */
import type { IsoDate, Nation } from '../../platform/working-days/index.js';

export const episodeKindsVisited = ['family_help', 'child_protection', 'child_in_care', 'care_leaver'] as const;
export type VisitedEpisodeKind = (typeof episodeKindsVisited)[number];

export interface ClosureDay {
  date: IsoDate;
  name: string;
}

export interface TimescalePolicy {
  nation: Nation;
  /** How often a child is seen, in working days, by episode of help. */
  visitEveryWorkingDays: Record<VisitedEpisodeKind, number>;
  reviews: {
    familyHelpMonths: number;
    childProtectionFirstMonths: number;
    childProtectionLaterMonths: number;
    childInCareFirstWorkingDays: number;
    childInCareSecondMonths: number;
    childInCareLaterMonths: number;
  };
  closureDays: readonly ClosureDay[];
}

export type PolicyNumbers = Pick<TimescalePolicy, 'visitEveryWorkingDays' | 'reviews'>;

export const DEFAULT_TIMESCALE_POLICY: TimescalePolicy = {
  nation: 'england',
  visitEveryWorkingDays: { family_help: 20, child_protection: 10, child_in_care: 30, care_leaver: 40 },
  reviews: {
    familyHelpMonths: 3,
    childProtectionFirstMonths: 3,
    childProtectionLaterMonths: 6,
    childInCareFirstWorkingDays: 20,
    childInCareSecondMonths: 3,
    childInCareLaterMonths: 6,
  },
  closureDays: [],
};

/** Each number's words and its longest allowed value (the statutory longest, or a sensible one). */
export const policyFields = {
  visitFamilyHelp: { words: 'Family Help visits', unit: 'working days', max: 65 },
  visitChildProtection: { words: 'Child protection visits', unit: 'working days', max: 10 },
  visitChildInCare: { words: 'Visits to children in care', unit: 'working days', max: 30 },
  visitCareLeaver: { words: 'Contact with care leavers', unit: 'working days', max: 40 },
  reviewFamilyHelp: { words: 'Family Help plan reviews', unit: 'months', max: 6 },
  reviewChildProtectionFirst: { words: 'The first child protection review conference', unit: 'months', max: 3 },
  reviewChildProtectionLater: { words: 'Later child protection review conferences', unit: 'months', max: 6 },
  reviewChildInCareFirst: { words: 'The first child in care review', unit: 'working days', max: 20 },
  reviewChildInCareSecond: { words: 'The second child in care review', unit: 'months', max: 3 },
  reviewChildInCareLater: { words: 'Later child in care reviews', unit: 'months', max: 6 },
} as const;
export type PolicyField = keyof typeof policyFields;

/** The policy's numbers as the form's fields. */
export function policyFieldValues(policy: PolicyNumbers): Record<PolicyField, number> {
  const { visitEveryWorkingDays: visits, reviews } = policy;
  return {
    visitFamilyHelp: visits.family_help,
    visitChildProtection: visits.child_protection,
    visitChildInCare: visits.child_in_care,
    visitCareLeaver: visits.care_leaver,
    reviewFamilyHelp: reviews.familyHelpMonths,
    reviewChildProtectionFirst: reviews.childProtectionFirstMonths,
    reviewChildProtectionLater: reviews.childProtectionLaterMonths,
    reviewChildInCareFirst: reviews.childInCareFirstWorkingDays,
    reviewChildInCareSecond: reviews.childInCareSecondMonths,
    reviewChildInCareLater: reviews.childInCareLaterMonths,
  };
}

/** The form's fields as the policy's numbers. */
export function policyNumbersFrom(values: Record<PolicyField, number>): PolicyNumbers {
  return {
    visitEveryWorkingDays: {
      family_help: values.visitFamilyHelp,
      child_protection: values.visitChildProtection,
      child_in_care: values.visitChildInCare,
      care_leaver: values.visitCareLeaver,
    },
    reviews: {
      familyHelpMonths: values.reviewFamilyHelp,
      childProtectionFirstMonths: values.reviewChildProtectionFirst,
      childProtectionLaterMonths: values.reviewChildProtectionLater,
      childInCareFirstWorkingDays: values.reviewChildInCareFirst,
      childInCareSecondMonths: values.reviewChildInCareSecond,
      childInCareLaterMonths: values.reviewChildInCareLater,
    },
  };
}

/** "every 10 working days", "every 3 months", "within 20 working days". */
export function intervalInWords(field: PolicyField, value: number): string {
  const { unit } = policyFields[field];
  const singular = unit === 'months' ? 'month' : 'working day';
  return `${value} ${value === 1 ? singular : unit}`;
}

/** What changed between two policies, field by field, in words (for the audit entry and the history). */
export function policyChanges(before: PolicyNumbers, after: PolicyNumbers): string[] {
  const from = policyFieldValues(before);
  const to = policyFieldValues(after);
  return (Object.keys(policyFields) as PolicyField[])
    .filter((field) => from[field] !== to[field])
    .map(
      (field) =>
        `${policyFields[field].words}: ${intervalInWords(field, from[field])} to ${intervalInWords(field, to[field])}`,
    );
}
