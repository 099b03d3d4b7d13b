/**
 * Times of day written the GOV.UK way, in UK time: 9:05am, 12:30pm, midday, midnight.
 * (`hour12: true` in the en-GB locale counts the hour after midday as 0, so the hour cycle is
 * set explicitly.)
 */
export const twelveHourClock = { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' } as const;

const clock = new Intl.DateTimeFormat('en-GB', { ...twelveHourClock, timeZone: 'Europe/London' });

/** The time from the parts of a format that includes `twelveHourClock`. */
export function clockTime(parts: readonly Intl.DateTimeFormatPart[]): string {
  let hour = '';
  let minute = '';
  let dayPeriod = '';
  for (const part of parts) {
    if (part.type === 'hour') hour = part.value;
    else if (part.type === 'minute') minute = part.value;
    else if (part.type === 'dayPeriod') dayPeriod = part.value.toLowerCase().replace(/[.\s]/g, '');
  }
  if (hour === '12' && minute === '00') return dayPeriod === 'am' ? 'midnight' : 'midday';
  return `${hour}:${minute}${dayPeriod}`;
}

export const timeOfDay = (when: Date): string => clockTime(clock.formatToParts(when));
