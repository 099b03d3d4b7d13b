/**
 * Balance: a mapping, assessment or plan should hold strengths as well as worries, and the
 * child's own view. Counts and a gentle note when a side is missing; never a score, never a
 * block on saving.
 */
export interface BalanceInput {
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

/** 'nil', 'none', 'n/a' and the like are not a strength (or a worry) recorded. */
const EMPTY = /^(?:nil|none|none noted|n\/?a|nothing|no|-|tbc|not known)\.?$/i;
const counted = (items: readonly string[]) => items.filter((item) => item.trim() && !EMPTY.test(item.trim())).length;

export function checkBalance(input: BalanceInput, childName = 'the child'): Balance {
  const strengths = counted(input.strengths);
  const worries = counted(input.worries);
  const childsView = counted(input.childsView);
  const notes: string[] = [];
  if (strengths === 0) notes.push('No strengths recorded yet: what is working well?');
  if (worries === 0 && strengths > 0) notes.push('No worries recorded: is there anything anyone is worried about?');
  if (childsView === 0)
    notes.push(
      `${childName === 'the child' ? 'The child' : childName}’s own view is not recorded yet: what do they say?`,
    );
  if (strengths > 0 && worries >= strengths * 3) {
    notes.push('Far more worries than strengths are recorded: what is going well, however small?');
  }
  return { strengths, worries, childsView, notes };
}
