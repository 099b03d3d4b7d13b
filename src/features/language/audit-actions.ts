import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/** What the language companion records: a council's changes to its own glossary. */
export const languageAuditActions = defineAuditActions({
  'language.glossary_entry_added': 'Added a word for the language companion to suggest',
  'language.glossary_entry_switched_on': 'Switched a language companion word on',
  'language.glossary_entry_switched_off': 'Switched a language companion word off',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof languageAuditActions> {}
}
