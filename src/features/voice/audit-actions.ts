/** Every audit action visits, the child's words, direct work, drafts, uploads, the chronology and search record. */
import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

export const voiceAuditActions = defineAuditActions({
  'visits.viewed': 'Looked at the child’s visits',
  'visit.form_opened': 'Opened the form to record a visit',
  'visit.recorded': 'Recorded a visit',
  'visit.viewed': 'Opened a visit',
  'visit.correction_opened': 'Opened a visit to correct it',
  'visit.corrected': 'Corrected a visit',
  'own_words.viewed': 'Looked at the child’s own words',
  'childs_words.form_opened': 'Opened the form to record something the child said',
  'childs_words.recorded': 'Recorded something the child said',
  'participation.form_opened': 'Opened the form for how the child would like to take part in meetings',
  'participation.recorded': 'Recorded how the child would like to take part in meetings',
  'direct_work.form_opened': 'Opened the form to record direct work',
  'direct_work.recorded': 'Recorded direct work with the child',
  'direct_work.viewed': 'Opened a record of direct work',
  'draft.saved': 'Saved a draft of a form',
  'draft.read': 'Opened a draft of a form',
  'chronology.viewed': 'Looked at the child’s chronology',
  'chronology.form_opened': 'Opened the form to add to the chronology',
  'chronology.recorded': 'Added an event to the chronology',
  'attachment.added': 'Attached a photo, drawing or document',
  'attachment.opened': 'Opened an attached photo, drawing or document',
  'child_record.searched': 'Searched the child’s records',
  'caseload.searched': 'Searched the records of the children they work with',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof voiceAuditActions> {}
}
