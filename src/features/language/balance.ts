/**
 * Balance: an assessment or plan should hold what is working well as well as the worries, and
 * the child's own view. It returns counts and a gentle note for whatever is missing; never a
 * score, and never a reason to stop someone saving.
 */
export interface BalanceSections {
  strengths: readonly string[];
  worries: readonly string[];
  childsView: readonly string[];
}

export interface Balance {
  strengths: number;
  worries: number;
  childsView: number;
  notes: string[];
}

/** 'nil', 'none noted', 'n/a' and the like hold a place but record nothing. */
const NOTHING_RECORDED = /^(?:nil|none|none noted|nothing|nothing noted|n\/?a|no|-+|tbc|not known|unknown)\.?$/i;

/** How many entries in a section actually say something. */
export const recordedIn = (items: readonly string[]) =>
  items.filter((item) => item.trim() !== '' && !NOTHING_RECORDED.test(item.trim())).length;

export function checkBalance(sections: BalanceSections, childName?: string): Balance {
  const strengths = recordedIn(sections.strengths);
  const worries = recordedIn(sections.worries);
  const childsView = recordedIn(sections.childsView);
  const notes: string[] = [];
  if (strengths === 0) notes.push('No strengths recorded yet: what is working well?');
  // Only ask about worries once something is written; an empty form needs no second prompt.
  if (worries === 0 && strengths > 0) notes.push('No worries recorded: is there anything anyone is worried about?');
  if (childsView === 0) {
    notes.push(
      childName
        ? `${childName}’s own view is not recorded yet: what do they say?`
        : 'The child’s own view is not recorded yet: what do they say?',
    );
  }
  if (strengths > 0 && worries >= strengths * 3) {
    notes.push('Far more worries than strengths are recorded: what is going well, however small?');
  }
  return { strengths, worries, childsView, notes };
}
