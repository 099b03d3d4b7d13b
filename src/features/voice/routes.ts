/**
 * The pages of visits and the child's voice: the list of visits, recording a visit (a GOV.UK
 * question page that restores this person's draft), one visit with its history, correcting a
 * visit (a new version with a reason), "In my own words", recording something the child said,
 * and how the child wants to take part in meetings.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { cleanText, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { childShortName } from './names.js';
import { voicePaths } from './paths.js';
import {
  fieldNames,
  participationItems,
  presentDay,
  presentSavedAt,
  presentWhen,
  visitFormModel,
  visitRows,
} from './presenters.js';
import { chronologyCategories, directWorkTools, participationWays } from './schema.js';
import { chronologyCategoryNames } from './chronology.js';
import { contentDisposition } from './uploads.js';
import {
  SEARCH_RESULTS_SHOWN,
  searchOrder,
  searchPage,
  searchPagination,
  searchTerms,
  snippetParts,
  type SearchOrder,
} from './search.js';
import { directWorkToolDefinitions } from './direct-work.js';
import { parseDirectWork } from './direct-work.js';
import {
  childForForm,
  correctionDraftKey,
  correctionForm,
  correctVisit,
  NEW_VISIT_DRAFT,
  newVisitForm,
  recordChildsWords,
  recordDirectWork,
  searchCaseload,
  searchChild,
  type SearchResult,
  openAttachment,
  recordChronologyEntry,
  viewChronology,
  viewDirectWork,
  recordParticipationPreference,
  recordVisit,
  viewOwnWords,
  viewVisit,
  viewVisits,
  type AttachmentSummary,
  type ChildHeader,
  type DraftView,
  type VisitFormContext,
} from './service.js';
import {
  isoDate,
  londonToday,
  visitFieldIds,
  visitKindNames,
  visitToForm,
  visitValuesFrom,
  type FieldErrors,
  type VisitFormValues,
} from './visit-form.js';
import { mappingPaths } from '../mapping/index.js';

type Body = Record<string, unknown>;
const nameOf = (child: ChildHeader) => childShortName(child);

function formErrors(errors: FieldErrors, ids: Record<string, string> = visitFieldIds): FormErrors {
  return {
    errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${ids[field] ?? field}` })),
    fieldErrors: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])),
  };
}

const presentAttachments = (childId: string, attachments: AttachmentSummary[]) =>
  attachments.map((attachment) => ({
    href: voicePaths.attachment(childId, attachment.id),
    fileName: attachment.fileName,
    isImage: attachment.contentType.startsWith('image/'),
    description: attachment.description,
    size: `${Math.max(1, Math.round(attachment.byteSize / 1024)).toLocaleString('en-GB')} KB`,
    who: attachment.uploadedByLabel,
  }));

const notices: Record<string, string> = {
  visit_recorded: 'Visit recorded',
  visit_corrected: 'Correction saved. The earlier version is kept in the history below',
  words_recorded: 'Their words are recorded',
  preference_recorded: 'How they would like to take part is recorded',
  chronology_recorded: 'Added to the chronology',
  direct_work_recorded: 'Direct work recorded. Their words are on their ‘In my own words’ page',
};
const noticeFor = (code: unknown) => (typeof code === 'string' ? (notices[code] ?? null) : null);

export function registerVoiceRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const notFound = (reply: FastifyReply) => {
    reply.callNotFound();
    return reply;
  };

  const renderVisitForm = (
    reply: FastifyReply,
    status: number,
    options: {
      childId: string;
      context: VisitFormContext;
      values: VisitFormValues;
      errors: FormErrors;
      draftKey: string;
      draft: DraftView | null;
      restoredDraft: boolean;
      correction?: { visitId: string; expectedVersion: number; theirs?: { rows: unknown[]; author: string } };
    },
  ) => {
    const { childId, context, values, errors, correction } = options;
    const childName = nameOf(context.child);
    return reply.status(status).render('voice/views/visit-form.njk', {
      pageTitle: correction?.theirs
        ? 'Someone else corrected this visit'
        : correction
          ? 'Correct a visit'
          : 'Record a visit',
      child: context.child,
      childName,
      values,
      ...visitFormModel(values, context.network, childName),
      action: correction ? voicePaths.correctVisit(childId, correction.visitId) : voicePaths.newVisit(childId),
      backHref: correction ? voicePaths.visit(childId, correction.visitId) : voicePaths.visits(childId),
      correction: correction ?? null,
      draftUrl: `/api/v1/children/${encodeURIComponent(childId)}/drafts/${options.draftKey}`,
      draftVersion: options.draft?.version ?? 0,
      restoredDraftAt: options.restoredDraft && options.draft ? presentSavedAt(options.draft.savedAt) : null,
      ...errors,
    });
  };

  app.get<{ Params: { childId: string }; Querystring: { notice?: string } }>(
    voicePaths.visitsPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const page = await viewVisits(database, request.actor!, childId, requestSource(request));
      if (!page) return notFound(reply);
      const childName = nameOf(page.child);
      return reply.render('voice/views/visits.njk', {
        pageTitle: `Visits: ${childName}`,
        child: page.child,
        childName,
        recordHeading: 'Visits',
        recordNavigation: childRecordNavigation(childId, 'visits'),
        notice: noticeFor(request.query.notice),
        preferenceSentence: page.preferenceSentence,
        preference: page.preference ? { ...page.preference, saidOnText: presentDay(page.preference.saidOn) } : null,
        mayChange: hasPermission(request.actor!.roles, 'child_record.change'),
        newVisitHref: voicePaths.newVisit(childId),
        searchHref: voicePaths.childSearch(childId),
        takingPartHref: voicePaths.takingPart(childId),
        visits: page.visits.map((visit) => ({
          href: voicePaths.visit(childId, visit.id),
          kind: visitKindNames[visit.content.kind],
          when: presentWhen(visit.content.happenedAt),
          seen: visit.content.childSeen ? (visit.content.seenAlone ? 'Seen, and seen alone' : 'Seen') : 'Not seen',
          who: visit.recordedByLabel,
          corrected: visit.version > 1,
        })),
      });
    },
  );

  app.get<{ Params: { childId: string } }>(
    voicePaths.newVisitPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const context = await newVisitForm(database, request.actor!, childId, requestSource(request));
      if (!context) return notFound(reply);
      const values = context.draft
        ? visitValuesFrom(context.draft.content, cleanText)
        : visitValuesFrom({ childSeen: '' }, cleanText);
      return renderVisitForm(reply, 200, {
        childId,
        context,
        values,
        errors: noErrors,
        draftKey: NEW_VISIT_DRAFT,
        draft: context.draft,
        restoredDraft: context.draft !== null,
      });
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    voicePaths.newVisitPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const values = visitValuesFrom(request.body ?? {}, cleanText);
      const saved = await recordVisit(database, request.actor!, childId, values, requestSource(request));
      if (saved.outcome === 'not_found') return notFound(reply);
      if (saved.outcome === 'invalid') {
        return renderVisitForm(reply, 400, {
          childId,
          context: saved.context,
          values,
          errors: formErrors(saved.errors),
          draftKey: NEW_VISIT_DRAFT,
          draft: saved.context.draft,
          restoredDraft: false,
        });
      }
      if (saved.outcome !== 'saved') throw new Error(`unexpected outcome ${saved.outcome}`);
      return reply.redirect(`${voicePaths.visit(childId, saved.visitId)}?notice=visit_recorded`, 303);
    },
  );

  app.get<{ Params: { childId: string; visitId: string }; Querystring: { notice?: string } }>(
    voicePaths.visitPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, visitId } = request.params;
      const visit = await viewVisit(database, request.actor!, childId, visitId, requestSource(request));
      if (!visit) return notFound(reply);
      const childName = nameOf(visit.child);
      return reply.render('voice/views/visit.njk', {
        pageTitle: `${visitKindNames[visit.content.kind]}, ${presentWhen(visit.content.happenedAt)}`,
        child: visit.child,
        childName,
        recordHeading: `${visitKindNames[visit.content.kind]}: ${presentWhen(visit.content.happenedAt)}`,
        recordNavigation: childRecordNavigation(childId, 'visits'),
        notice: noticeFor(request.query.notice),
        backHref: voicePaths.visits(childId),
        rows: visitRows(visit.content, childName),
        recordedBy: visit.recordedByLabel,
        mayChange: hasPermission(request.actor!.roles, 'child_record.change'),
        uploadUrl: voicePaths.api.attachments(childId),
        belongsTo: 'visit',
        belongsToId: visitId,
        attachments: presentAttachments(childId, visit.attachments),
        correctHref: hasPermission(request.actor!.roles, 'child_record.change')
          ? voicePaths.correctVisit(childId, visitId)
          : null,
        carryHref: hasPermission(request.actor!.roles, 'child_record.change')
          ? mappingPaths.fromVisit(childId, visitId)
          : null,
        versions: visit.versions.map((version) => ({
          number: version.version,
          when: presentSavedAt(version.recordedAt),
          who: version.recordedByLabel,
          reason: version.reason,
          isCorrection: version.isCorrection,
          changed: version.changed.map((field) => fieldNames[field] ?? field).join(', '),
          rows: visitRows(version.content, childName),
          isCurrent: version.version === visit.versions[0]?.version,
        })),
      });
    },
  );

  app.get<{ Params: { childId: string; visitId: string } }>(
    voicePaths.correctVisitPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, visitId } = request.params;
      const form = await correctionForm(database, request.actor!, childId, visitId, requestSource(request));
      if (!form) return notFound(reply);
      // A draft correction is restored only if it began from the version saved now.
      const draftStillCurrent = form.draft && form.draft.content.expectedVersion === String(form.version);
      const values = draftStillCurrent ? visitValuesFrom(form.draft!.content, cleanText) : visitToForm(form.visit);
      return renderVisitForm(reply, 200, {
        childId,
        context: form,
        values,
        errors: noErrors,
        draftKey: correctionDraftKey(visitId),
        draft: form.draft,
        restoredDraft: Boolean(draftStillCurrent),
        correction: { visitId, expectedVersion: form.version },
      });
    },
  );

  app.post<{ Params: { childId: string; visitId: string }; Body: Body }>(
    voicePaths.correctVisitPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, visitId } = request.params;
      const body = request.body ?? {};
      const values = visitValuesFrom(body, cleanText);
      const expectedVersion = Number.parseInt(cleanText(body.expectedVersion), 10);
      const saved = await correctVisit(
        database,
        request.actor!,
        childId,
        visitId,
        { values, expectedVersion: Number.isFinite(expectedVersion) ? expectedVersion : -1 },
        requestSource(request),
      );
      if (saved.outcome === 'not_found') return notFound(reply);
      const common = {
        childId,
        context: saved.outcome === 'saved' ? undefined : saved.context,
        values,
        draftKey: correctionDraftKey(visitId),
        restoredDraft: false,
      };
      if (saved.outcome === 'invalid') {
        return renderVisitForm(reply, 400, {
          ...common,
          context: saved.context,
          draft: saved.context.draft,
          errors: formErrors(saved.errors),
          correction: { visitId, expectedVersion },
        });
      }
      if (saved.outcome === 'unchanged') {
        return renderVisitForm(reply, 400, {
          ...common,
          context: saved.context,
          draft: saved.context.draft,
          errors: formErrors({ seenHeardFelt: 'Nothing has been changed. Change what needs correcting, or go back' }),
          correction: { visitId, expectedVersion },
        });
      }
      if (saved.outcome === 'conflict') {
        // Both versions are shown: theirs above, this person's still in the form. Nothing is lost.
        return renderVisitForm(reply, 409, {
          ...common,
          context: saved.context,
          draft: saved.context.draft,
          errors: noErrors,
          correction: {
            visitId,
            expectedVersion: saved.theirVersion,
            theirs: { rows: visitRows(saved.theirs, nameOf(saved.context.child)), author: saved.theirAuthor },
          },
        });
      }
      return reply.redirect(`${voicePaths.visit(childId, visitId)}?notice=visit_corrected`, 303);
    },
  );

  app.get<{ Params: { childId: string }; Querystring: { notice?: string } }>(
    voicePaths.ownWordsPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const page = await viewOwnWords(database, request.actor!, childId, requestSource(request));
      if (!page) return notFound(reply);
      const childName = nameOf(page.child);
      return reply.render('voice/views/own-words.njk', {
        pageTitle: `In my own words: ${childName}`,
        child: page.child,
        childName,
        recordHeading: 'In my own words',
        recordNavigation: childRecordNavigation(childId, 'own-words'),
        notice: noticeFor(request.query.notice),
        preferenceSentence: page.preferenceSentence,
        preference: page.preference ? { ...page.preference, saidOnText: presentDay(page.preference.saidOn) } : null,
        mayChange: hasPermission(request.actor!.roles, 'child_record.change'),
        newWordsHref: voicePaths.newWords(childId),
        takingPartHref: voicePaths.takingPart(childId),
        tools: directWorkTools.map((tool) => ({
          name: directWorkToolDefinitions[tool].name,
          href: voicePaths.newDirectWork(childId, tool),
        })),
        directWork: page.directWork.map((work) => ({
          name: directWorkToolDefinitions[work.tool].name,
          when: presentDay(work.doneOn),
          doneWith: work.doneWith,
          href: voicePaths.directWork(childId, work.id),
        })),
        entries: page.entries.map((entry) => ({
          words: entry.words,
          heardBy: entry.heardBy,
          when: presentWhen(entry.when),
          setting: entry.setting,
          link:
            entry.source.type === 'visit'
              ? { href: voicePaths.visit(childId, entry.source.visitId), text: 'The visit' }
              : entry.source.type === 'direct_work'
                ? { href: voicePaths.directWork(childId, entry.source.workId), text: 'The direct work' }
                : null,
        })),
      });
    },
  );

  const renderWordsForm = (
    reply: FastifyReply,
    status: number,
    childId: string,
    child: ChildHeader,
    values: Record<string, string>,
    errors: FormErrors,
  ) =>
    reply.status(status).render('voice/views/words-form.njk', {
      pageTitle: `Record something ${nameOf(child)} said`,
      child,
      childName: nameOf(child),
      values,
      action: voicePaths.newWords(childId),
      backHref: voicePaths.ownWords(childId),
      ...errors,
    });

  app.get<{ Params: { childId: string } }>(
    voicePaths.newWordsPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const found = await childForForm(
        database,
        request.actor!,
        childId,
        'childs_words.form_opened',
        requestSource(request),
      );
      if (!found) return notFound(reply);
      const [year = '', month = '', day = ''] = londonToday(new Date()).split('-');
      return renderWordsForm(
        reply,
        200,
        childId,
        found.child,
        {
          heardBy: request.actor!.fullName,
          'heardOn-Day': String(Number(day)),
          'heardOn-Month': String(Number(month)),
          'heardOn-Year': year,
        },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    voicePaths.newWordsPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const values = Object.fromEntries(
        ['words', 'heardBy', 'setting', 'heardOn-Day', 'heardOn-Month', 'heardOn-Year'].map((name) => [
          name,
          cleanText(body[name]),
        ]),
      );
      const errors: FieldErrors = {};
      const heardOn = isoDate(values['heardOn-Day']!, values['heardOn-Month']!, values['heardOn-Year']!);
      if (values.words!.trim() === '') errors.words = 'Enter what they said, in their words';
      else if (values.words!.length > 4000) errors.words = 'What they said must be 4,000 characters or fewer';
      if (values.heardBy!.trim() === '') errors.heardBy = 'Enter who heard them say it';
      else if (values.heardBy!.length > 300) errors.heardBy = 'Who heard it must be 300 characters or fewer';
      if (heardOn === '') errors.heardOn = 'Enter the date they said it';
      else if (heardOn === null) errors.heardOn = 'The date must be a real date, for example 27 3 2026';
      else if (heardOn > londonToday(new Date())) errors.heardOn = 'The date they said it must be today or in the past';
      if (values.setting!.length > 300) errors.setting = 'Where it was said must be 300 characters or fewer';
      if (Object.keys(errors).length > 0 || !heardOn) {
        const found = await childForForm(
          database,
          request.actor!,
          childId,
          'childs_words.form_opened',
          requestSource(request),
        );
        if (!found) return notFound(reply);
        return renderWordsForm(
          reply,
          400,
          childId,
          found.child,
          values,
          formErrors(errors, { heardOn: 'heardOn-day' }),
        );
      }
      const saved = await recordChildsWords(
        database,
        request.actor!,
        childId,
        {
          words: values.words!.trim(),
          heardBy: values.heardBy!.trim(),
          heardOn,
          setting: values.setting!.trim() || null,
        },
        requestSource(request),
      );
      if (!saved) return notFound(reply);
      return reply.redirect(`${voicePaths.ownWords(childId)}?notice=words_recorded`, 303);
    },
  );

  const renderTakingPart = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    childId: string,
    values: Record<string, string>,
    errors: FormErrors,
  ) => {
    const found = await childForForm(
      database,
      request.actor!,
      childId,
      'participation.form_opened',
      requestSource(request),
    );
    if (!found) return notFound(reply);
    return reply.status(status).render('voice/views/taking-part.njk', {
      pageTitle: `How ${nameOf(found.child)} would like to take part in meetings`,
      child: found.child,
      childName: nameOf(found.child),
      values,
      wayItems: participationItems(values.way ?? ''),
      earlier: found.preferences.map((preference) => ({
        wayText: preference.wayText,
        inTheirWords: preference.inTheirWords,
        saidOnText: presentDay(preference.saidOn),
        who: preference.recordedByLabel,
      })),
      action: voicePaths.takingPart(childId),
      backHref: voicePaths.ownWords(childId),
      ...errors,
    });
  };

  app.get<{ Params: { childId: string } }>(
    voicePaths.takingPartPattern,
    { config: { access: change } },
    async (request, reply) => {
      const [year = '', month = '', day = ''] = londonToday(new Date()).split('-');
      return renderTakingPart(
        request,
        reply,
        200,
        request.params.childId,
        { 'saidOn-Day': String(Number(day)), 'saidOn-Month': String(Number(month)), 'saidOn-Year': year },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    voicePaths.takingPartPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const values = Object.fromEntries(
        ['way', 'inTheirWords', 'saidOn-Day', 'saidOn-Month', 'saidOn-Year'].map((name) => [
          name,
          cleanText(body[name]),
        ]),
      );
      const errors: FieldErrors = {};
      const way = participationWays.find((candidate) => candidate === values.way);
      const saidOn = isoDate(values['saidOn-Day']!, values['saidOn-Month']!, values['saidOn-Year']!);
      if (!way) errors.way = 'Select how they would like to take part';
      if (values.inTheirWords!.length > 4000) errors.inTheirWords = 'Their words must be 4,000 characters or fewer';
      if (saidOn === '') errors.saidOn = 'Enter the date they told you';
      else if (saidOn === null) errors.saidOn = 'The date must be a real date, for example 27 3 2026';
      else if (saidOn > londonToday(new Date())) errors.saidOn = 'The date they told you must be today or in the past';
      if (!way || !saidOn || Object.keys(errors).length > 0) {
        return renderTakingPart(request, reply, 400, childId, values, formErrors(errors, { saidOn: 'saidOn-day' }));
      }
      const saved = await recordParticipationPreference(
        database,
        request.actor!,
        childId,
        { way, inTheirWords: values.inTheirWords!.trim() || null, saidOn },
        requestSource(request),
      );
      if (!saved) return notFound(reply);
      return reply.redirect(`${voicePaths.ownWords(childId)}?notice=preference_recorded`, 303);
    },
  );

  const renderDirectWorkForm = (
    reply: FastifyReply,
    status: number,
    childId: string,
    child: ChildHeader,
    tool: (typeof directWorkTools)[number],
    values: Record<string, string>,
    errors: FormErrors,
  ) => {
    const definition = directWorkToolDefinitions[tool];
    return reply.status(status).render('voice/views/direct-work-form.njk', {
      pageTitle: `${definition.name} with ${nameOf(child)}`,
      child,
      childName: nameOf(child),
      description: definition.description,
      parts: definition.parts.map((part) => ({ ...part, value: values[part.key] ?? '' })),
      values,
      action: voicePaths.newDirectWork(childId, tool),
      backHref: voicePaths.ownWords(childId),
      ...errors,
    });
  };
  const toolOf = (value: string) => directWorkTools.find((tool) => tool === value);

  app.get<{ Params: { childId: string; tool: string } }>(
    voicePaths.newDirectWorkPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const tool = toolOf(request.params.tool);
      if (!tool) return notFound(reply);
      const found = await childForForm(
        database,
        request.actor!,
        childId,
        'direct_work.form_opened',
        requestSource(request),
      );
      if (!found) return notFound(reply);
      const [year = '', month = '', day = ''] = londonToday(new Date()).split('-');
      return renderDirectWorkForm(
        reply,
        200,
        childId,
        found.child,
        tool,
        {
          doneWith: request.actor!.fullName,
          'doneOn-Day': String(Number(day)),
          'doneOn-Month': String(Number(month)),
          'doneOn-Year': year,
        },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string; tool: string }; Body: Body }>(
    voicePaths.newDirectWorkPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const tool = toolOf(request.params.tool);
      if (!tool) return notFound(reply);
      const body = request.body ?? {};
      const names = [
        'doneWith',
        'doneOn-Day',
        'doneOn-Month',
        'doneOn-Year',
        ...directWorkToolDefinitions[tool].parts.map((part) => part.key),
      ];
      const values = Object.fromEntries(names.map((name) => [name, cleanText(body[name])]));
      const parsed = parseDirectWork(tool, values, londonToday(new Date()), isoDate);
      if (!parsed.ok) {
        const found = await childForForm(
          database,
          request.actor!,
          childId,
          'direct_work.form_opened',
          requestSource(request),
        );
        if (!found) return notFound(reply);
        return renderDirectWorkForm(
          reply,
          400,
          childId,
          found.child,
          tool,
          values,
          formErrors(parsed.errors, { doneOn: 'doneOn-day' }),
        );
      }
      const workId = await recordDirectWork(
        database,
        request.actor!,
        childId,
        { tool, ...parsed.record },
        requestSource(request),
      );
      if (!workId) return notFound(reply);
      return reply.redirect(`${voicePaths.directWork(childId, workId)}?notice=direct_work_recorded`, 303);
    },
  );

  app.get<{ Params: { childId: string; workId: string }; Querystring: { notice?: string } }>(
    voicePaths.directWorkPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, workId } = request.params;
      const found = await viewDirectWork(database, request.actor!, childId, workId, requestSource(request));
      if (!found) return notFound(reply);
      const definition = directWorkToolDefinitions[found.work.tool];
      return reply.render('voice/views/direct-work.njk', {
        pageTitle: `${definition.name}, ${presentDay(found.work.doneOn)}`,
        child: found.child,
        childName: nameOf(found.child),
        recordHeading: `${definition.name}: ${presentDay(found.work.doneOn)}`,
        recordNavigation: childRecordNavigation(childId, 'own-words'),
        notice: noticeFor(request.query.notice),
        backHref: voicePaths.ownWords(childId),
        doneWith: found.work.doneWith,
        recordedBy: found.work.recordedByLabel,
        isThreeHouses: found.work.tool === 'three_houses',
        mayChange: hasPermission(request.actor!.roles, 'child_record.change'),
        uploadUrl: voicePaths.api.attachments(childId),
        belongsTo: 'direct_work',
        belongsToId: workId,
        attachments: presentAttachments(childId, found.attachments),
        parts: definition.parts.map((part) => ({
          label: part.label,
          key: part.key,
          items: found.work.childsWords[part.key] ?? [],
        })),
      });
    },
  );

  app.get<{ Params: { childId: string }; Querystring: { type?: string | string[]; notice?: string } }>(
    voicePaths.chronologyPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const asked = request.query.type;
      const chosen = (Array.isArray(asked) ? asked : asked ? [asked] : []).map(cleanText).slice(0, 30);
      const found = await viewChronology(database, request.actor!, childId, chosen, requestSource(request));
      if (!found) return notFound(reply);
      return reply.render('voice/views/chronology.njk', {
        pageTitle: `Chronology: ${nameOf(found.child)}`,
        child: found.child,
        childName: nameOf(found.child),
        recordHeading: 'Chronology',
        recordNavigation: childRecordNavigation(childId, 'chronology'),
        notice: noticeFor(request.query.notice),
        action: voicePaths.chronology(childId),
        mayChange: hasPermission(request.actor!.roles, 'child_record.change'),
        newEntryHref: voicePaths.newChronologyEntry(childId),
        filtered: chosen.length > 0,
        typeItems: found.types.map((type) => ({
          value: type.type,
          text: type.name,
          checked: chosen.includes(type.type),
        })),
        events: found.events.map((event) => ({
          title: event.title,
          details: event.details,
          byline: event.byline,
          href: event.href,
          datetime: event.occurredAt,
          when: presentWhen(event.occurredAt),
          typeName: found.types.find((type) => type.type === event.type)?.name ?? event.type,
        })),
      });
    },
  );

  const renderEntryForm = (
    reply: FastifyReply,
    status: number,
    childId: string,
    child: ChildHeader,
    values: Record<string, string>,
    errors: FormErrors,
  ) =>
    reply.status(status).render('voice/views/chronology-entry-form.njk', {
      pageTitle: 'Add to the chronology',
      child,
      childName: nameOf(child),
      values,
      categoryItems: chronologyCategories.map((category) => ({
        value: category,
        text: chronologyCategoryNames[category],
        checked: values.category === category,
      })),
      action: voicePaths.newChronologyEntry(childId),
      backHref: voicePaths.chronology(childId),
      ...errors,
    });

  app.get<{ Params: { childId: string } }>(
    voicePaths.newChronologyEntryPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const found = await childForForm(
        database,
        request.actor!,
        childId,
        'chronology.form_opened',
        requestSource(request),
      );
      if (!found) return notFound(reply);
      return renderEntryForm(reply, 200, childId, found.child, {}, noErrors);
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    voicePaths.newChronologyEntryPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const values = Object.fromEntries(
        ['category', 'title', 'details', 'happenedOn-Day', 'happenedOn-Month', 'happenedOn-Year'].map((name) => [
          name,
          cleanText(body[name]),
        ]),
      );
      const errors: FieldErrors = {};
      const category = chronologyCategories.find((candidate) => candidate === values.category);
      const happenedOn = isoDate(values['happenedOn-Day']!, values['happenedOn-Month']!, values['happenedOn-Year']!);
      if (happenedOn === '') errors.happenedOn = 'Enter the date it happened';
      else if (happenedOn === null) errors.happenedOn = 'The date must be a real date, for example 27 3 2026';
      else if (happenedOn > londonToday(new Date()))
        errors.happenedOn = 'The date it happened must be today or in the past';
      if (!category) errors.category = 'Select what kind of event this was';
      if (values.title!.trim() === '') errors.title = 'Enter what happened, in a few words';
      else if (values.title!.length > 200) errors.title = 'What happened must be 200 characters or fewer';
      if (values.details!.length > 4000) errors.details = 'More about it must be 4,000 characters or fewer';
      if (!category || !happenedOn || Object.keys(errors).length > 0) {
        const found = await childForForm(
          database,
          request.actor!,
          childId,
          'chronology.form_opened',
          requestSource(request),
        );
        if (!found) return notFound(reply);
        return renderEntryForm(
          reply,
          400,
          childId,
          found.child,
          values,
          formErrors(errors, { happenedOn: 'happenedOn-day' }),
        );
      }
      const saved = await recordChronologyEntry(
        database,
        request.actor!,
        childId,
        { happenedOn, category, title: values.title!.trim(), details: values.details!.trim() || null },
        requestSource(request),
      );
      if (!saved) return notFound(reply);
      return reply.redirect(`${voicePaths.chronology(childId)}?notice=chronology_recorded`, 303);
    },
  );

  app.get<{ Params: { childId: string; attachmentId: string } }>(
    voicePaths.attachmentPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, attachmentId } = request.params;
      const found = await openAttachment(database, request.actor!, childId, attachmentId, requestSource(request));
      if (!found) return notFound(reply);
      // The type is the one found in the content when it was uploaded; the browser may not guess
      // another, and the file can run nothing even if opened on its own.
      return reply
        .header('content-type', found.contentType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          contentDisposition(found.contentType.startsWith('image/') ? 'inline' : 'attachment', found.fileName),
        )
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(found.content);
    },
  );

  const kindNames: Record<SearchResult['kind'], string> = {
    visit: 'Visit',
    childs_words: 'In their own words',
    direct_work: 'Direct work',
    chronology: 'Chronology',
  };
  const presentResults = (results: SearchResult[]) =>
    results.map((result) => ({
      href: result.href,
      kind: kindNames[result.kind],
      childName: result.childName,
      when: presentWhen(result.when),
      parts: snippetParts(result.snippet),
    }));

  /** What the search page shows about the results found, with the links between their pages. */
  const presentFound = (
    action: string,
    terms: string | null,
    order: SearchOrder,
    page: number,
    found: { results: SearchResult[]; total: number },
  ) => ({
    action,
    terms,
    order,
    total: found.total,
    totalText: found.total.toLocaleString('en-GB'),
    pageLimit: SEARCH_RESULTS_SHOWN,
    pagination: terms
      ? searchPagination(action, { terms, order, page, total: found.total, shownOnPage: found.results.length })
      : null,
    results: presentResults(found.results),
  });

  app.get<{ Params: { childId: string }; Querystring: { q?: string; order?: string; page?: string } }>(
    voicePaths.childSearchPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const terms = searchTerms(request.query.q);
      const order = searchOrder(request.query.order);
      const page = searchPage(request.query.page);
      const found = await searchChild(database, request.actor!, childId, terms, requestSource(request), order, page);
      if (!found) return notFound(reply);
      return reply.render('voice/views/search.njk', {
        pageTitle: terms
          ? `Search results for ${terms}${page > 1 ? ` (page ${page})` : ''}`
          : `Search ${nameOf(found.child)}’s records`,
        child: found.child,
        recordHeading: `Search ${nameOf(found.child)}’s records`,
        recordNavigation: childRecordNavigation(childId, 'visits'),
        ...presentFound(voicePaths.childSearch(childId), terms, order, page, found),
      });
    },
  );

  app.get<{ Querystring: { q?: string; order?: string; page?: string } }>(
    voicePaths.caseloadSearch,
    { config: { access: { permission: 'caseload.view' } } },
    async (request, reply) => {
      const terms = searchTerms(request.query.q);
      const order = searchOrder(request.query.order);
      const page = searchPage(request.query.page);
      const found = terms
        ? await searchCaseload(database, request.actor!, terms, requestSource(request), order, page)
        : { results: [], total: 0 };
      return reply.render('voice/views/search.njk', {
        pageTitle: terms
          ? `Search results for ${terms}${page > 1 ? ` (page ${page})` : ''}`
          : 'Search the records of children you work with',
        child: null,
        showChild: true,
        ...presentFound(voicePaths.caseloadSearch, terms, order, page, found),
      });
    },
  );
}
