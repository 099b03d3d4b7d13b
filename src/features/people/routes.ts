import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { childRecordPaths } from '../child-record/index.js';
import { presentDate } from '../child-record/index.js';
import { detailLabels, detailsFormSchema, detailsToForm, parseDateOfBirth, type ChildDetails } from './details.js';
import { peoplePaths } from './paths.js';
import { detailsForEditing, detailsHistory, saveDetails } from './service.js';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

function summaryRows(details: ChildDetails) {
  return (Object.keys(detailLabels) as (keyof ChildDetails)[]).map((key) => {
    const value = details[key];
    const text =
      key === 'dateOfBirth'
        ? presentDate(value as string | null)
        : key === 'dateOfBirthIsApproximate'
          ? value
            ? 'Yes'
            : 'No'
          : Array.isArray(value)
            ? value.join(', ') || 'None recorded'
            : ((value as string | null) ?? 'Not recorded');
    return { key: { text: detailLabels[key] }, value: { text } };
  });
}

export function registerPeopleRoutes(app: FastifyInstance, database: Database): void {
  const renderForm = (
    reply: FastifyReply,
    childId: string,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
    conflict?: { theirs: ChildDetails; theirAuthor: string },
  ) =>
    reply.status(status).render('people/views/edit-details.njk', {
      pageTitle: conflict ? 'Someone else changed these details' : 'Change details',
      values,
      action: peoplePaths.editDetails(childId),
      backHref: childRecordPaths.record.href({ childId: childId }),
      conflict: conflict ? { author: conflict.theirAuthor, rows: summaryRows(conflict.theirs) } : null,
      ...errors,
    });

  app.get<{ Params: { childId: string } }>(
    peoplePaths.editDetailsPattern,
    { config: { access: { permission: 'child_record.change' } } },
    async (request, reply) => {
      const found = await detailsForEditing(database, request.actor!, request.params.childId, requestSource(request));
      if (!found) {
        reply.callNotFound();
        return reply;
      }
      return renderForm(
        reply,
        request.params.childId,
        200,
        { ...detailsToForm(found.details), expectedVersion: String(found.version) },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Record<string, unknown> }>(
    peoplePaths.editDetailsPattern,
    { config: { access: { permission: 'child_record.change' } } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const text = (name: string) => cleanText(body[name]);
      const values = {
        fullName: text('fullName'),
        knownAs: text('knownAs'),
        pronouns: text('pronouns'),
        // GOV.UK date input names its fields prefix-Day, prefix-Month, prefix-Year.
        dobDay: text('dob-Day'),
        dobMonth: text('dob-Month'),
        dobYear: text('dob-Year'),
        dateOfBirthIsApproximate: body.dateOfBirthIsApproximate === 'yes',
        languages: text('languages'),
        whatTheyBring: text('whatTheyBring'),
        reason: text('reason'),
        isCorrection: body.isCorrection === 'yes',
        expectedVersion: text('expectedVersion'),
      };
      const parsed = detailsFormSchema.safeParse(values);
      const dateOfBirth = parseDateOfBirth(values.dobDay, values.dobMonth, values.dobYear, new Date());
      if (!parsed.success || !dateOfBirth.ok) {
        const errors = parsed.success ? noErrors : formErrorsFrom(parsed.error);
        if (!dateOfBirth.ok) {
          errors.errorList.push({ text: dateOfBirth.message, href: '#dob-day' });
          errors.fieldErrors.dateOfBirth = { text: dateOfBirth.message };
        }
        return renderForm(reply, childId, 400, values, errors);
      }
      const { reason, isCorrection, expectedVersion, ...rest } = parsed.data;
      const result = await saveDetails(
        database,
        request.actor!,
        childId,
        { details: { ...rest, dateOfBirth: dateOfBirth.value }, expectedVersion, reason, isCorrection },
        requestSource(request),
      );
      if (result.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      if (result.outcome === 'conflict') {
        // Both versions are shown; the form keeps what this person typed, ready to save over
        // the newer version once they have compared them. Nothing typed is lost.
        return renderForm(reply, childId, 409, { ...values, expectedVersion: String(result.theirVersion) }, noErrors, {
          theirs: result.theirs,
          theirAuthor: result.theirAuthor,
        });
      }
      if (result.outcome === 'unchanged') {
        const message = 'Nothing has been changed. Change a detail, or go back';
        return renderForm(reply, childId, 400, values, {
          errorList: [{ text: message, href: '#fullName' }],
          fieldErrors: {},
        });
      }
      return reply.redirect(`${childRecordPaths.record.href({ childId: childId })}?notice=details_changed`, 303);
    },
  );

  app.get<{ Params: { childId: string } }>(
    peoplePaths.historyPattern,
    { config: { access: { permission: 'child_record.view' } } },
    async (request, reply) => {
      const { childId } = request.params;
      const history = await detailsHistory(database, request.actor!, childId, requestSource(request));
      if (!history) {
        reply.callNotFound();
        return reply;
      }
      return reply.render('people/views/history.njk', {
        pageTitle: `Changes to ${history.childName}’s details`,
        childName: history.childName,
        backHref: childRecordPaths.record.href({ childId: childId }),
        versions: history.versions.map((version) => ({
          number: version.version,
          when: timeFormat.format(version.recordedAt),
          who: version.recordedByLabel,
          reason: version.reason,
          isCorrection: version.isCorrection,
          supersededByCorrection: version.supersededByCorrection,
          rows: summaryRows(version.content as unknown as ChildDetails),
        })),
      });
    },
  );
}
