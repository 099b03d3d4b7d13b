/**
 * The holistic assessment of need over the three sides of the assessment triangle: the
 * child's developmental needs, parenting capacity, and family and environmental factors.
 * Each side records strengths, needs, the child's view and the family's view; then an
 * analysis and a recommendation. Pure: the fields, their names, and the sections a draft is
 * written in (the task list).
 */
import { checkBalance, recordedIn } from '../language/index.js';

export const sides = ['development', 'parenting', 'environment'] as const;
export type Side = (typeof sides)[number];
export const aspects = ['strengths', 'needs', 'childView', 'familyView'] as const;
export type Aspect = (typeof aspects)[number];

export const sideNames: Record<Side, string> = {
  development: 'The child’s developmental needs',
  parenting: 'Parenting capacity',
  environment: 'Family and environmental factors',
};

export const sideHints: Record<Side, string> = {
  development:
    'Health, learning, emotional and behavioural development, identity, relationships, how they present and care for themselves',
  parenting: 'Basic care, keeping safe, warmth, play and learning, guidance and boundaries, stability',
  environment:
    'Family history and how the family gets on, wider family, home, work and money, friends and community, local services',
};

export const aspectNames: Record<Aspect, string> = {
  strengths: 'Strengths: what is working well',
  needs: 'Needs and worries',
  childView: 'The child’s view',
  familyView: 'The family’s view',
};

export type SideField = `${Side}${Capitalize<Aspect>}`;
export type ContentField = SideField | 'analysis' | 'recommendation';

const capitalised = (aspect: Aspect) => `${aspect[0]!.toUpperCase()}${aspect.slice(1)}` as Capitalize<Aspect>;
export const fieldOf = (side: Side, aspect: Aspect): SideField => `${side}${capitalised(aspect)}`;

export const contentFields: readonly ContentField[] = [
  ...sides.flatMap((side) => aspects.map((aspect) => fieldOf(side, aspect))),
  'analysis',
  'recommendation',
];

export type AssessmentContent = Record<ContentField, string>;

export const emptyContent = (): AssessmentContent =>
  Object.fromEntries(contentFields.map((field) => [field, ''])) as AssessmentContent;

/** Just the content of a row (which has much else besides). */
export function contentOf(row: AssessmentContent): AssessmentContent {
  return Object.fromEntries(contentFields.map((field) => [field, row[field]])) as AssessmentContent;
}

/** The parts a draft is written in, one page each, in the order of the task list. */
export const sections = ['development', 'parenting', 'environment', 'analysis'] as const;
export type Section = (typeof sections)[number];

export const sectionNames: Record<Section, string> = {
  ...sideNames,
  analysis: 'Analysis and recommendation',
};

export function fieldsOf(section: Section): ContentField[] {
  return section === 'analysis' ? ['analysis', 'recommendation'] : aspects.map((aspect) => fieldOf(section, aspect));
}

export function sectionOfField(field: ContentField): Section {
  return sections.find((section) => fieldsOf(section).includes(field))!;
}

/** A field's own name within its section (for labels). */
export function fieldName(field: ContentField, childName?: string): string {
  if (field === 'analysis') return 'Analysis';
  if (field === 'recommendation') return 'Recommendation';
  const aspect = aspects.find((candidate) => field.endsWith(capitalised(candidate)))!;
  if (aspect === 'childView' && childName) return `${childName}’s view`;
  return aspectNames[aspect];
}

/** A field's name with its section, for lists that mix sections ("what changed"). */
export function fullFieldName(field: ContentField, childName?: string): string {
  const section = sectionOfField(field);
  return section === 'analysis' ? fieldName(field) : `${sectionNames[section]}: ${fieldName(field, childName)}`;
}

export type SectionStatus = 'not_started' | 'in_progress' | 'completed';

export function sectionStatus(content: AssessmentContent, section: Section): SectionStatus {
  const written = fieldsOf(section).filter((field) => content[field].trim() !== '').length;
  if (written === 0) return 'not_started';
  return written === fieldsOf(section).length ? 'completed' : 'in_progress';
}

export const sectionStatusNames: Record<SectionStatus, string> = {
  not_started: 'Not yet started',
  in_progress: 'In progress',
  completed: 'Completed',
};

/**
 * The balance note for an assessment: the language companion's checkBalance over all three
 * sides (strengths, needs as worries, the child's view), then each side where needs are
 * recorded with no strengths or strengths with no needs. Gentle notes only: never a score,
 * never a reason to stop someone saving or submitting.
 */
export function assessmentBalance(content: AssessmentContent, childName?: string): string[] {
  const across = (aspect: Aspect) => sides.map((side) => content[fieldOf(side, aspect)]);
  const overall = checkBalance(
    { strengths: across('strengths'), worries: across('needs'), childsView: across('childView') },
    childName,
  );
  const notes = [...overall.notes];
  for (const side of sides) {
    const strengths = recordedIn([content[fieldOf(side, 'strengths')]]);
    const needs = recordedIn([content[fieldOf(side, 'needs')]]);
    if (needs > 0 && strengths === 0 && overall.strengths > 0) {
      notes.push(`${sideNames[side]}: needs are recorded but no strengths yet. What is working well here?`);
    }
    if (strengths > 0 && needs === 0 && overall.worries > 0) {
      notes.push(`${sideNames[side]}: strengths are recorded but no needs yet. Is there anything to work on here?`);
    }
  }
  return notes;
}
