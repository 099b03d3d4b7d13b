/** How the child is named in sentences: the name they go by, or their first name. */
export const childShortName = (child: { fullName: string; knownAs: string | null }): string =>
  child.knownAs ?? child.fullName.split(' ')[0] ?? child.fullName;
