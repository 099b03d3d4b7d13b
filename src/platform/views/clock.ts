/**
 * Times of day written the GOV.UK way, in UK time: 9:05am, 12:30pm, midday, midnight.
 * (`hour12: true` in the en-GB locale counts the hour after midday as 0, so the hour cycle is
 * set explicitly.)
 */
const clock = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

export function timeOfDay(when: Date): string {
  const parts = clock.formatToParts(when);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const dayPeriod = part('dayPeriod').toLowerCase().replace(/[.\s]/g, '');
  if (part('hour') === '12' && part('minute') === '00') return dayPeriod === 'am' ? 'midnight' : 'midday';
  return `${part('hour')}:${part('minute')}${dayPeriod}`;
}
