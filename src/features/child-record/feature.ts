import { defineFeature } from '../../platform/features/feature.js';
import { childRecordAuditActions } from './audit-actions.js';

/** The child's record has no pages of its own here: it is how every other feature opens one. */
export const childRecordFeature = defineFeature({
  name: 'child-record',
  auditActions: childRecordAuditActions,
});
