/** The child's details as GOV.UK summary-list rows and the history page's versions. */
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import { presentDate } from '../child-record/index.js';
import { detailLabels, type ChildDetails } from './details.js';
import type { HistoryView } from './service.js';

export function summaryRows(details: ChildDetails) {
  return (Object.keys(detailLabels) as (keyof ChildDetails)[]).map((key) => {
    const value = details[key];
    const text =
      key === 'dateOfBirth'
        ? presentDate(value as string | null)
        : key === 'dateOfBirthIsApproximate'
          ? value
            ? 'Yes'
            : 'No'
          : Array.isArray(value)
            ? value.join(', ') || 'None recorded'
            : ((value as string | null) ?? 'Not recorded');
    return { key: { text: detailLabels[key] }, value: { text } };
  });
}

export function presentHistory(history: HistoryView) {
  return history.versions.map((version) => ({
    number: version.version,
    when: ukDateTimeInWords(version.recordedAt),
    who: version.recordedByLabel,
    reason: version.reason,
    isCorrection: version.isCorrection,
    supersededByCorrection: version.supersededByCorrection,
    rows: summaryRows(version.content as unknown as ChildDetails),
  }));
}
