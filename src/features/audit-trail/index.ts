/** The audit trail's public surface: the link to who has seen a child's record. */
export { auditTrailPages } from './paths.js';
