/**
 * The pages of visits: the list, recording a visit (a question page that restores this person's
 * draft), one visit with its history, and correcting a visit (a new version with a reason). The
 * visit form is written plainly rather than with the question-page helper: its rules need the
 * child's network (read in the save's transaction), and a stale correction shows both versions.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cleanText, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { registerRecordPage } from '../../../platform/http/record-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { accountApiPaths } from '../../account/index.js';
import { mappingPaths } from '../../mapping/index.js';
import { signInPages } from '../../sign-in/index.js';
import { childShortName } from '../names.js';
import { voicePaths } from '../paths.js';
import {
  fieldNames,
  formErrorsOf,
  presentAttachments,
  presentSavedAt,
  presentWhen,
  visitFormModel,
  visitRows,
} from '../presenters.js';
import {
  correctionDraftKey,
  correctionForm,
  correctVisit,
  NEW_VISIT_DRAFT,
  newVisitForm,
  recordVisit,
  viewVisit,
  viewVisits,
  type DraftView,
  type VisitFormContext,
  type VisitSave,
} from '../service.js';
import { visitFieldIds, visitKindNames, visitToForm, visitValuesFrom, type VisitFormValues } from '../visit-form.js';
import {
  changing,
  mayChange,
  notFound,
  preferenceOnPage,
  recordPageTop,
  viewing,
  type VoicePagesContext,
} from './shared.js';

type Body = Record<string, unknown>;

interface VisitForm {
  childId: string;
  /** Whose draft this is: the page keeps unsent text in the browser under this account only. */
  owner: string;
  context: VisitFormContext;
  values: VisitFormValues;
  errors: FormErrors;
  draftKey: string;
  restoredDraft: boolean;
  correction?: { visitId: string; expectedVersion: number; theirs?: { rows: unknown[]; author: string } };
}

function renderVisitForm(reply: FastifyReply, status: number, form: VisitForm) {
  const { childId, context, values, errors, correction } = form;
  const childName = childShortName(context.child);
  const draft: DraftView | null = context.draft;
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
    action: correction
      ? voicePaths.correctVisit.href({ childId, visitId: correction.visitId })
      : voicePaths.newVisit.href({ childId }),
    backHref: correction
      ? voicePaths.visit.href({ childId, visitId: correction.visitId })
      : voicePaths.visits.href({ childId }),
    correction: correction ?? null,
    draftUrl: voicePaths.api.draft.href({ childId, formKey: form.draftKey }),
    draftOwner: form.owner,
    signInUrl: signInPages.signIn.pattern,
    sessionTokenUrl: accountApiPaths.sessionToken.pattern,
    draftVersion: draft?.version ?? 0,
    restoredDraftAt: form.restoredDraft && draft ? presentSavedAt(draft.savedAt) : null,
    ...errors,
  });
}

/**
 * The answer to a save: to the visit with `notice` when saved, or the form shown again with what
 * was typed: its errors (400), or both versions when someone corrected it first (409).
 */
function answerSave(
  request: FastifyRequest,
  reply: FastifyReply,
  saved: VisitSave,
  typed: Pick<VisitForm, 'childId' | 'values' | 'draftKey' | 'correction'>,
  notice: string,
) {
  if (saved.outcome === 'not_found') return notFound(reply);
  if (saved.outcome === 'saved') {
    return reply.redirect(voicePaths.visit.href({ childId: typed.childId, visitId: saved.visitId }, { notice }), 303);
  }
  const form = { ...typed, owner: request.actor!.userId, restoredDraft: false };
  const { context } = saved;
  if (saved.outcome === 'conflict') {
    // Both versions are shown: theirs above, this person's still in the form. Nothing is lost.
    return renderVisitForm(reply, 409, {
      ...form,
      context,
      errors: noErrors,
      correction: {
        visitId: form.correction!.visitId,
        expectedVersion: saved.theirVersion,
        theirs: { rows: visitRows(saved.theirs, childShortName(context.child)), author: saved.theirAuthor },
      },
    });
  }
  const errors =
    saved.outcome === 'invalid'
      ? saved.errors
      : { seenHeardFelt: 'Nothing has been changed. Change what needs correcting, or go back' };
  return renderVisitForm(reply, 400, { ...form, context, errors: formErrorsOf(errors, visitFieldIds) });
}

export function registerVisitPages(app: FastifyInstance, { database }: VoicePagesContext): void {
  const call = serviceCaller(database);

  registerRecordPage(app, voicePaths.visits, {
    ...viewing('visits.viewed'),
    load: (request) => call(request, viewVisits, request.params.childId),
    show: (page, request, reply) => {
      const { childId } = request.params;
      return reply.render('voice/views/visits.njk', {
        ...recordPageTop(request, page.child, 'visits', 'Visits'),
        ...preferenceOnPage(request, page),
        newVisitHref: voicePaths.newVisit.href({ childId }),
        searchHref: voicePaths.childSearch.href({ childId }),
        visits: page.visits.map((visit) => ({
          href: voicePaths.visit.href({ childId, visitId: visit.id }),
          kind: visitKindNames[visit.content.kind],
          when: presentWhen(visit.content.happenedAt),
          seen: visit.content.childSeen ? (visit.content.seenAlone ? 'Seen, and seen alone' : 'Seen') : 'Not seen',
          who: visit.recordedByLabel,
          corrected: visit.version > 1,
        })),
      });
    },
  });

  registerRecordPage(app, voicePaths.newVisit, {
    ...changing('visit.form_opened'),
    load: (request) => call(request, newVisitForm, request.params.childId),
    show: (context, request, reply) =>
      renderVisitForm(reply, 200, {
        childId: request.params.childId,
        owner: request.actor!.userId,
        context,
        values: visitValuesFrom(context.draft ? context.draft.content : { childSeen: '' }, cleanText),
        errors: noErrors,
        draftKey: NEW_VISIT_DRAFT,
        restoredDraft: context.draft !== null,
      }),
  });

  app.post<{ Params: { childId: string }; Body: Body }>(
    voicePaths.newVisit.pattern,
    { config: changing('visit.recorded') },
    async (request, reply) => {
      const { childId } = request.params;
      const values = visitValuesFrom(request.body ?? {}, cleanText);
      const saved = await recordVisit(database, request.actor!, childId, values, requestSource(request));
      return answerSave(request, reply, saved, { childId, values, draftKey: NEW_VISIT_DRAFT }, 'visit_recorded');
    },
  );

  registerRecordPage(app, voicePaths.visit, {
    ...viewing('visit.viewed'),
    load: (request) => call(request, viewVisit, request.params.childId, request.params.visitId),
    show: (visit, request, reply) => {
      const { childId, visitId } = request.params;
      const childName = childShortName(visit.child);
      const changing = mayChange(request);
      return reply.render('voice/views/visit.njk', {
        ...recordPageTop(request, visit.child, 'visits', [
          visitKindNames[visit.content.kind],
          presentWhen(visit.content.happenedAt),
        ]),
        backHref: voicePaths.visits.href({ childId }),
        rows: visitRows(visit.content, childName),
        recordedBy: visit.recordedByLabel,
        mayChange: changing,
        uploadUrl: voicePaths.api.attachments.href({ childId }),
        belongsTo: 'visit',
        belongsToId: visitId,
        attachments: presentAttachments(childId, visit.attachments),
        correctHref: changing ? voicePaths.correctVisit.href({ childId, visitId }) : null,
        carryHref: changing ? mappingPaths.fromVisit.href({ childId, visitId }) : null,
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
  });

  registerRecordPage(app, voicePaths.correctVisit, {
    ...changing('visit.correction_opened'),
    load: (request) => call(request, correctionForm, request.params.childId, request.params.visitId),
    show: (form, request, reply) => {
      const { childId, visitId } = request.params;
      // A draft correction is restored only if it began from the version saved now.
      const draftStillCurrent = form.draft !== null && form.draft.content.expectedVersion === String(form.version);
      return renderVisitForm(reply, 200, {
        childId,
        owner: request.actor!.userId,
        context: form,
        values: draftStillCurrent ? visitValuesFrom(form.draft!.content, cleanText) : visitToForm(form.visit),
        errors: noErrors,
        draftKey: correctionDraftKey(visitId),
        restoredDraft: draftStillCurrent,
        correction: { visitId, expectedVersion: form.version },
      });
    },
  });

  app.post<{ Params: { childId: string; visitId: string }; Body: Body }>(
    voicePaths.correctVisit.pattern,
    { config: changing('visit.corrected') },
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
      const correction = { visitId, expectedVersion };
      return answerSave(
        request,
        reply,
        saved,
        { childId, values, draftKey: correctionDraftKey(visitId), correction },
        'visit_corrected',
      );
    },
  );
}
