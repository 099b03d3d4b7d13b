/**
 * The small client-side layer. Every page works without it; it only enhances
 * (GOV.UK and MoJ components, the idle timeout warning, the ecomap editor, the language companion).
 */
import { initAll as initGovukFrontend } from 'govuk-frontend';
import { initAll as initMojFrontend } from '@ministryofjustice/frontend';
import { initTimeoutWarning } from './timeout-warning.js';
import { initEcomapEditors } from './ecomap-editor.js';
import { initLanguageCompanion } from './language-companion.js';
import { initDraftAutosave } from './drafts.js';
import { initUploads } from './uploads.js';

initGovukFrontend();
initMojFrontend();
initTimeoutWarning();
initEcomapEditors();
initLanguageCompanion();
initDraftAutosave();
initUploads();
