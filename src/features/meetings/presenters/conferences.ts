/** The coordinator's conferences by stage, and the council's counts of family group decision-making. */
import { presentDate } from '../../child-record/index.js';
import type { FamilyMeetingCounts } from '../conference.js';
import { stageNames } from '../conference.js';
import { meetingPaths } from '../paths.js';
import type { ConferenceStage } from '../schema.js';
import type { CoordinatorsConference } from '../service.js';

const stageOrder: ConferenceStage[] = ['preparation', 'information', 'private_family_time', 'agreement', 'agreed'];

export function conferencesPage(list: CoordinatorsConference[]) {
  return {
    pageTitle: 'Your conferences',
    groups: stageOrder
      .map((stage) => ({
        name: stageNames[stage],
        conferences: list
          .filter((entry) => entry.meeting.stage === stage)
          .map((entry) => ({
            href: meetingPaths.meeting.href({ childId: entry.child.childId, meetingId: entry.meeting.id }),
            childName: entry.child.fullName,
            heldOnText: presentDate(entry.meeting.heldOn),
            isReview: entry.meeting.reviewOfMeetingId !== null,
            waiting: entry.waiting,
          })),
      }))
      .filter((group) => group.conferences.length > 0),
  };
}

export function countsPage(counts: FamilyMeetingCounts & { children: number }) {
  return {
    pageTitle: 'Family group decision-making: offers and outcomes',
    rows: [
      ['Children with an offer or a conference', counts.children],
      ['Offers made', counts.offered],
      ['Offers accepted', counts.accepted],
      ['Offers declined', counts.declined],
      ['Offers waiting for an answer', counts.awaiting],
      ['Conferences held', counts.held],
      ['Family plans agreed', counts.planAgreed],
      ['Family plans reviewed', counts.reviewed],
    ].map(([label, count]) => [{ text: String(label) }, { text: String(count), format: 'numeric' }]),
  };
}
