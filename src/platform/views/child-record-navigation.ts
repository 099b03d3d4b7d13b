/**
 * The sections of a child's record, contributed by the features that own them: each feature's
 * manifest lists its `recordSections` (`{ id, text, order, path }`), `src/app.ts` collects them,
 * and the record's header (`child-record/header.njk`) draws them in order as the sub navigation.
 * A page of the record passes `childRecordNavigation(childId, 'its-section')`: which page it is,
 * not the list, so adding a section is one entry in one feature's manifest.
 * Paths are plain strings below the record's own path, so the platform knows where a section
 * lives, not what it does.
 */

/** A section of a child's record, as a feature's manifest declares it. */
export interface ChildRecordSectionEntry {
  /** What a page of the section passes as `current` ('plans'). */
  id: string;
  /** The words in the sub navigation ('Plans'). */
  text: string;
  /** Where it stands: lower first. */
  order: number;
  /** Below `/children/:childId`: '' for the record's front page, '/plans' for the plans. */
  path: '' | `/${string}`;
}

/** A section's id: one a feature's manifest declares (checked when the app is built). */
export type ChildRecordSection = string;

/** Which record a page belongs to and which of its sections it is. */
export interface ChildRecordNavigation {
  childId: string;
  current: ChildRecordSection;
}

export interface ChildRecordNavigationItem {
  text: string;
  href: string;
  active: boolean;
}

export function childRecordNavigation(childId: string, current: ChildRecordSection): ChildRecordNavigation {
  return { childId, current };
}

/**
 * Draws a page's navigation from the declared sections (the header's `childRecordSections`).
 * Two features declaring one id, or one order, is a mistake found when the app is built.
 */
export function childRecordSections(
  entries: readonly ChildRecordSectionEntry[],
): (navigation: ChildRecordNavigation | undefined) => ChildRecordNavigationItem[] {
  const sections = [...entries].sort((a, b) => a.order - b.order);
  for (const [index, section] of sections.entries()) {
    const clash = sections.slice(index + 1).find((other) => other.id === section.id || other.order === section.order);
    if (clash)
      throw new Error(`Two sections of the child's record share an id or an order: ${section.id} and ${clash.id}`);
  }
  return (navigation) => {
    if (!navigation) return [];
    const record = `/children/${encodeURIComponent(navigation.childId)}`;
    return sections.map((section) => ({
      text: section.text,
      href: `${record}${section.path}`,
      active: section.id === navigation.current,
    }));
  };
}
