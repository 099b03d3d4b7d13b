/** Adding one person's 0 to 10 score to a mapping, with their reason, as a GOV.UK question page. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { dateFromInput } from '../../../platform/http/forms.js';
import { registerQuestionPage } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { dateBoxes, readFields, scoreFields, scorePage } from '../form-presenters.js';
import { mappingPaths } from '../paths.js';
import { addScore, type MappingView } from '../service.js';
import { checkedByTheService, errorsFrom, mappingToChange } from './forms.js';

type MappingParams = { childId: string; mappingId: string };
type Values = Record<string, string>;

export function registerScorePage(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  registerQuestionPage<MappingParams, MappingView, Values, Record<string, unknown>>(
    app,
    mappingPaths.newScore.pattern,
    { permission: 'child_record.change' },
    {
      audit: { show: 'child_record.view', save: 'mapping.scored' },
      load: (request) => mappingToChange(database, request),
      // Scored on the day of the mapping, unless they say otherwise.
      blank: (opened) => dateBoxes('scoredOn', opened.mapping.heldOn),
      read: (body) => readFields(body, scoreFields),
      schema: checkedByTheService,
      // An unanswered score stays unanswered: '' must not become 0.
      input: (values, body) => ({
        ...values,
        score: values.score === '' ? undefined : values.score,
        scoredOn: dateFromInput(body, 'scoredOn'),
      }),
      view: (opened, values) => ({ template: 'mapping/views/score.njk', context: scorePage(opened, values) }),
      async save(input, _values, request) {
        const { childId, mappingId } = request.params;
        const scored = await call(request, addScore, childId, mappingId, input);
        if (scored.outcome === 'not_found') return 'not_found';
        if (scored.outcome === 'invalid') return { errors: errorsFrom(scored.issues) };
        return { redirect: `${mappingPaths.mapping.href({ childId, mappingId }, { notice: 'scored' })}#scaling` };
      },
    },
  );
}
