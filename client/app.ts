/**
 * The small client-side layer. Every page works without it; it only enhances
 * (GOV.UK and MoJ components, the idle timeout warning; more as features arrive).
 */
import { initAll as initGovukFrontend } from 'govuk-frontend';
import { initAll as initMojFrontend } from '@ministryofjustice/frontend';
import { initTimeoutWarning } from './timeout-warning.js';

initGovukFrontend();
initMojFrontend();
initTimeoutWarning();
