/** What a page answers when the meetings service has saved, or has not. */
import { noErrors } from '../../../platform/http/forms.js';
import type { SaveOutcome } from '../../../platform/http/question-page.js';
import type { Saved } from '../service.js';
import { errorsFrom, type Values } from '../presenters/fields.js';

/** Saved: go to `redirect`; refused: 404; otherwise the form again with each field's problem. */
export function saveOutcome<T extends object>(
  result: Saved<T>,
  redirect: (saved: T) => string,
  dateFields: readonly string[],
): SaveOutcome<Values, undefined> {
  switch (result.outcome) {
    case 'saved':
      return { redirect: redirect(result) };
    case 'not_found':
      return 'not_found';
    case 'invalid':
      return { errors: errorsFrom(result.issues, dateFields) };
    case 'conflict':
      return { errors: noErrors };
  }
}
