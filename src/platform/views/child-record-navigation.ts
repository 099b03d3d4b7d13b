/**
 * The sections of a child's record, in the order the record's sub navigation shows them. A
 * feature that adds a section to the record adds one line here; each page of the record passes
 * `childRecordNavigation(childId, 'its-section')` to the `child-record/header.njk` partial.
 * Paths are plain strings, so the platform knows where a section lives, not what it does.
 */
const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;

const sections = [
  { id: 'network', text: 'Their world', href: (childId: string) => child(childId) },
  { id: 'own-words', text: 'In my own words', href: (childId: string) => `${child(childId)}/own-words` },
  { id: 'visits', text: 'Visits', href: (childId: string) => `${child(childId)}/visits` },
  { id: 'mapping', text: 'Worries and strengths', href: (childId: string) => `${child(childId)}/mapping` },
  { id: 'safe-uncertainty', text: 'Safe uncertainty', href: (childId: string) => `${child(childId)}/safe-uncertainty` },
  { id: 'assessments', text: 'Assessment of need', href: (childId: string) => `${child(childId)}/assessments` },
  { id: 'plans', text: 'Plans', href: (childId: string) => `${child(childId)}/plans` },
  { id: 'meetings', text: 'Meetings', href: (childId: string) => `${child(childId)}/meetings` },
  { id: 'episodes', text: 'Help and protection', href: (childId: string) => `${child(childId)}/episodes` },
  { id: 'chronology', text: 'Chronology', href: (childId: string) => `${child(childId)}/chronology` },
] as const;

export type ChildRecordSection = (typeof sections)[number]['id'];

export interface ChildRecordNavigationItem {
  text: string;
  href: string;
  active: boolean;
}

export function childRecordNavigation(childId: string, current: ChildRecordSection): ChildRecordNavigationItem[] {
  return sections.map((section) => ({
    text: section.text,
    href: section.href(childId),
    active: section.id === current,
  }));
}
