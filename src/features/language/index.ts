/**
 * The language companion's public surface: what other features use. The check and the balance
 * are pure (companion.ts, balance.ts); a council's glossary is read through the service.
 */
export { checkBalance, recordedIn, type Balance, type BalanceSections } from './balance.js';
export { checkLanguage, type CheckOptions, type Finding, type LanguageCheck } from './companion.js';
export type { Audience, GlossaryEntry } from './glossary.js';
export { glossaryFor } from './service.js';
