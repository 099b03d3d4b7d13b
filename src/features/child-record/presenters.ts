/** Pure functions shaping values for the pages. */
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export function presentDate(isoDate: string | null): string {
  return isoDate ? dateFormat.format(new Date(`${isoDate}T00:00:00Z`)) : 'Not known';
}

export function ageOn(isoDate: string, today: Date): number {
  const born = new Date(`${isoDate}T00:00:00Z`);
  let age = today.getUTCFullYear() - born.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < born.getUTCMonth() ||
    (today.getUTCMonth() === born.getUTCMonth() && today.getUTCDate() < born.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function presentAge(isoDate: string | null, approximate: boolean, today: Date = new Date()): string {
  if (!isoDate) return 'Age not known';
  const age = ageOn(isoDate, today);
  return `${approximate ? 'About ' : ''}${age} ${age === 1 ? 'year' : 'years'} old`;
}
