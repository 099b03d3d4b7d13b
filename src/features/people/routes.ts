/** The child's details page (a question page) and the history of their details. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { noErrors } from '../../platform/http/forms.js';
import { readText, registerQuestionPage } from '../../platform/http/question-page.js';
import { serviceCaller } from '../../platform/http/api-route.js';
import { registerRecordPage } from '../../platform/http/record-page.js';
import { childRecordPaths } from '../child-record/index.js';
import {
  detailsPageInput,
  detailsPageSchema,
  detailsToForm,
  type ChildDetails,
  type DetailsFormValues,
} from './details.js';
import { peoplePaths } from './paths.js';
import { presentHistory, summaryRows } from './presenters.js';
import { detailsForEditing, detailsHistory, saveDetails } from './service.js';

type ChildParams = { childId: string };
const yes = (ticked: boolean) => (ticked ? 'yes' : '');

export function registerPeopleRoutes(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  registerQuestionPage<
    ChildParams,
    { details: ChildDetails; version: number },
    DetailsFormValues,
    z.output<typeof detailsPageSchema>,
    { theirs: ChildDetails; theirAuthor: string }
  >(
    app,
    peoplePaths.details.pattern,
    { permission: 'child_record.change' },
    {
      audit: { show: 'child_record.view', save: 'child_record.change' },
      load: (request) => call(request, detailsForEditing, request.params.childId),
      blank: ({ details, version }) => {
        const form = detailsToForm(details);
        return {
          ...(form as Record<string, string>),
          dateOfBirthIsApproximate: yes(details.dateOfBirthIsApproximate),
          reason: '',
          isCorrection: '',
          expectedVersion: String(version),
        } as DetailsFormValues;
      },
      read: (body) => ({
        fullName: readText(body, 'fullName'),
        knownAs: readText(body, 'knownAs'),
        pronouns: readText(body, 'pronouns'),
        // GOV.UK date input names its fields prefix-Day, prefix-Month, prefix-Year.
        dobDay: readText(body, 'dob-Day'),
        dobMonth: readText(body, 'dob-Month'),
        dobYear: readText(body, 'dob-Year'),
        dateOfBirthIsApproximate: yes(body.dateOfBirthIsApproximate === 'yes'),
        languages: readText(body, 'languages'),
        whatTheyBring: readText(body, 'whatTheyBring'),
        reason: readText(body, 'reason'),
        isCorrection: yes(body.isCorrection === 'yes'),
        expectedVersion: readText(body, 'expectedVersion'),
      }),
      schema: detailsPageSchema,
      input: detailsPageInput,
      fieldIds: { dateOfBirth: 'dob-day' },
      view: (_context, values, _errors, conflict, request) => ({
        template: 'people/views/edit-details.njk',
        context: {
          pageTitle: conflict ? 'Someone else changed these details' : 'Change details',
          values,
          action: peoplePaths.details.href(request.params),
          backHref: childRecordPaths.record.href(request.params),
          conflict: conflict ? { author: conflict.theirAuthor, rows: summaryRows(conflict.theirs) } : null,
        },
      }),
      save: async ({ reason, isCorrection, expectedVersion, ...details }, values, request) => {
        const { childId } = request.params;
        const result = await call(request, saveDetails, childId, { details, expectedVersion, reason, isCorrection });
        if (result.outcome === 'not_found') return 'not_found';
        if (result.outcome === 'conflict') {
          // Both versions are shown; the form keeps what this person typed, ready to save over
          // the newer version once they have compared them. Nothing typed is lost.
          const { theirs, theirAuthor, theirVersion } = result;
          const kept = { ...values, expectedVersion: String(theirVersion) };
          return { errors: noErrors, status: 409, values: kept, extra: { theirs, theirAuthor } };
        }
        if (result.outcome === 'unchanged') {
          // In the summary only: no one field is wrong.
          const text = 'Nothing has been changed. Change a detail, or go back';
          return { errors: { errorList: [{ text, href: '#fullName' }], fieldErrors: {} } };
        }
        return { redirect: childRecordPaths.record.href({ childId }, { notice: 'details_changed' }) };
      },
    },
  );

  registerRecordPage(app, peoplePaths.detailsHistory, {
    access: { permission: 'child_record.view' },
    audit: 'child_record.history_viewed',
    load: (request) => call(request, detailsHistory, request.params.childId),
    show: (history, request, reply) =>
      reply.render('people/views/history.njk', {
        pageTitle: `Changes to ${history.childName}’s details`,
        childName: history.childName,
        backHref: childRecordPaths.record.href(request.params),
        versions: presentHistory(history),
      }),
  });
}
