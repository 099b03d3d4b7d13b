/** How a child wants to take part in meetings about them: the plain words for each way. */
import type { ParticipationWay } from './schema.js';

export const participationWayNames: Record<ParticipationWay, string> = {
  attend: 'Come to the meetings',
  part_of_meetings: 'Come to part of the meetings',
  send_words_or_drawing: 'Send their words or a drawing',
  through_an_advocate: 'Through an advocate',
  not_at_all: 'Not take part at the moment',
};

export interface ParticipationPreference {
  way: ParticipationWay;
  wayText: string;
  inTheirWords: string | null;
  saidOn: string;
  recordedByLabel: string;
}

/** One sentence for wherever meetings are planned, e.g. "Mia would like to send her words or a drawing". */
export function describePreference(childName: string, preference: ParticipationPreference | null): string {
  if (!preference) return `${childName} has not said yet how they would like to take part in meetings`;
  const how: Record<ParticipationWay, string> = {
    attend: 'would like to come to the meetings',
    part_of_meetings: 'would like to come to part of the meetings',
    send_words_or_drawing: 'would like to send their words or a drawing',
    through_an_advocate: 'would like to take part through an advocate',
    not_at_all: 'would rather not take part in meetings at the moment',
  };
  return `${childName} ${how[preference.way]}`;
}
