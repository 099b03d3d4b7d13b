/**
 * The small client-side layer. Every page works without it; it only enhances
 * (GOV.UK and MoJ components now; network editor, charts and autosave as they arrive).
 */
import { initAll as initGovukFrontend } from 'govuk-frontend';
import { initAll as initMojFrontend } from '@ministryofjustice/frontend';

initGovukFrontend();
initMojFrontend();
