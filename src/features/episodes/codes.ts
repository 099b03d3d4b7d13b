/**
 * The national codes the children in need (CIN) census asks for, as data with their source. Pure.
 *
 * Source: Department for Education, "Children in need census: guide for local authorities" and
 * its "business and technical specification" (the code sets for primary need, reason for
 * closure, category of abuse and factors identified at the end of assessment). Written from
 * the guidance as known when this was built; CHECK EACH LIST AGAINST THE CURRENT YEAR'S GUIDE
 * before a census return is written from it (a later issue writes the return). Codes are
 * checked by the service, not the database, so a new year's list needs no migration.
 * https://www.gov.uk/government/collections/children-in-need-census
 */

/** Primary need at the start of an episode (CIN census "category of need"). */
export const primaryNeedCodes = {
  N1: 'Abuse or neglect',
  N2: 'Child’s disability or illness',
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
  N0: 'Not stated',
} as const;
export type PrimaryNeedCode = keyof typeof primaryNeedCodes;
export const primaryNeedCodeList = Object.keys(primaryNeedCodes) as [PrimaryNeedCode, ...PrimaryNeedCode[]];

/** Why an episode (or the case) ended (CIN census "reason for closure"). */
export const closureReasonCodes = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to services of another local authority',
  RC6: 'Transferred to adult social care services',
  RC7: 'Services ceased for any other reason, including the child no longer being in need',
  RC8: 'Case closed after assessment, no further action',
  RC9: 'Case closed after assessment, referred to early help',
} as const;
export type ClosureReasonCode = keyof typeof closureReasonCodes;
export const closureReasonCodeList = Object.keys(closureReasonCodes) as [ClosureReasonCode, ...ClosureReasonCode[]];

/** The category (or categories) of a child protection plan; the census codes in brackets. */
export const planCategories = {
  neglect: 'Neglect (NEG)',
  physical_abuse: 'Physical abuse (PHY)',
  emotional_abuse: 'Emotional abuse (EMO)',
  sexual_abuse: 'Sexual abuse (SAB)',
  multiple: 'Multiple (MUL)',
} as const;
export type PlanCategory = keyof typeof planCategories;
export const planCategoryList = Object.keys(planCategories) as [PlanCategory, ...PlanCategory[]];

/**
 * Factors identified at the end of assessment. The letter after the number says whose: A the
 * child, B a parent or carer, C another person in the household (for the abuse codes 18 and 19,
 * B child on child and C adult on child, as the guide has had them since 2021).
 */
export const assessmentFactorCodes = {
  '1A': 'Alcohol misuse: the child',
  '1B': 'Alcohol misuse: a parent or carer',
  '1C': 'Alcohol misuse: another person in the household',
  '2A': 'Drug misuse: the child',
  '2B': 'Drug misuse: a parent or carer',
  '2C': 'Drug misuse: another person in the household',
  '3A': 'Domestic abuse: the child',
  '3B': 'Domestic abuse: a parent or carer',
  '3C': 'Domestic abuse: another person in the household',
  '4A': 'Mental health: the child',
  '4B': 'Mental health: a parent or carer',
  '4C': 'Mental health: another person in the household',
  '5A': 'Learning disability: the child',
  '5B': 'Learning disability: a parent or carer',
  '5C': 'Learning disability: another person in the household',
  '6A': 'Physical disability or illness: the child',
  '6B': 'Physical disability or illness: a parent or carer',
  '6C': 'Physical disability or illness: another person in the household',
  '7A': 'Young carer',
  '8F': 'Privately fostered',
  '9A': 'Unaccompanied asylum-seeking child',
  '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Abuse or neglect: neglect',
  '17A': 'Abuse or neglect: emotional abuse',
  '18B': 'Abuse or neglect: physical abuse, child on child',
  '18C': 'Abuse or neglect: physical abuse, adult on child',
  '19B': 'Abuse or neglect: sexual abuse, child on child',
  '19C': 'Abuse or neglect: sexual abuse, adult on child',
  '20': 'Female genital mutilation',
  '21': 'Abuse linked to faith or belief',
  '22A': 'Child criminal exploitation',
  '23A': 'Extra-familial harm: other',
  '24A': 'Other',
} as const;
export type AssessmentFactorCode = keyof typeof assessmentFactorCodes;
export const assessmentFactorCodeList = Object.keys(assessmentFactorCodes) as [
  AssessmentFactorCode,
  ...AssessmentFactorCode[],
];

/** What an assessment led to. */
export const assessmentOutcomes = {
  no_further_action: 'No further action',
  early_help: 'Early help',
  child_in_need_plan: 'Child in need plan (Family Help)',
  strategy_discussion: 'Strategy discussion and section 47 enquiry',
} as const;
export type AssessmentOutcome = keyof typeof assessmentOutcomes;
export const assessmentOutcomeList = Object.keys(assessmentOutcomes) as [AssessmentOutcome, ...AssessmentOutcome[]];

/**
 * The kinds of episode, in the order of the journey. England's configuration first: a council
 * that still runs early help and child in need separately names its Family Help episodes so
 * (`service_name`); Wales's care and support plans fit the same shape.
 */
export const episodeKinds = {
  family_help: { name: 'Family Help', lead: 'Family Help lead practitioner', level: 1 },
  child_protection: { name: 'Child protection plan', lead: 'Lead child protection practitioner', level: 2 },
  child_in_care: { name: 'Child in care', lead: 'Allocated social worker', level: 3 },
  care_leaver: { name: 'Care leaver', lead: 'Personal adviser', level: 0 },
} as const;
export type EpisodeKind = keyof typeof episodeKinds;
export const episodeKindList = Object.keys(episodeKinds) as [EpisodeKind, ...EpisodeKind[]];

/** The steps of child protection, and the outcomes each may have. */
export const protectionSteps = {
  strategy_discussion: {
    name: 'Strategy discussion',
    outcomes: { section_47: 'Start a section 47 enquiry', no_section_47: 'No section 47 enquiry' },
  },
  section_47_enquiry: {
    name: 'Section 47 enquiry',
    outcomes: {
      initial_conference: 'Concerns substantiated: initial child protection conference',
      family_help: 'Concerns not substantiated: Family Help',
      no_further_action: 'No further action',
    },
  },
  initial_conference: {
    name: 'Initial child protection conference',
    outcomes: { plan: 'Child protection plan', no_plan: 'No child protection plan' },
  },
  review_conference: {
    name: 'Review child protection conference',
    outcomes: { plan_continues: 'The plan continues', plan_ends: 'The plan ends' },
  },
} as const;
export type ProtectionStepKind = keyof typeof protectionSteps;
export const protectionStepKindList = Object.keys(protectionSteps) as [ProtectionStepKind, ...ProtectionStepKind[]];

/** Whether `outcome` is one of the step's outcomes. */
export const isOutcomeOf = (kind: ProtectionStepKind, outcome: string): boolean =>
  Object.hasOwn(protectionSteps[kind].outcomes, outcome);

/** The words for a step's outcome. */
export const outcomeName = (kind: ProtectionStepKind, outcome: string): string =>
  (protectionSteps[kind].outcomes as Record<string, string>)[outcome] ?? outcome;
