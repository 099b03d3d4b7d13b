/**
 * The assessment of need's pages: the list, start one, a version (the task list while it is a
 * draft), edit a section (drafts only), check answers then submit, a manager's sign-off or
 * return, start a new version, and what changed between versions. Plain forms throughout.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import type { ChildSummary } from '../child-record/index.js';
import { isEditable, signOffRefusalMessages, statusNames } from './lifecycle.js';
import { assessmentPaths as paths } from './paths.js';
import {
  balanceOf,
  presentChanges,
  presentDay,
  presentWhen,
  statusTag,
  summarySections,
  taskList,
  versionFacts,
} from './presenters.js';
import {
  contentOf,
  fieldName,
  fieldsOf,
  sectionNames,
  sections,
  sideHints,
  type ContentField,
  type Section,
} from './sections.js';
import {
  decideOnVersion,
  listAssessments,
  saveDraft,
  startAssessment,
  startNewVersion,
  submitVersion,
  viewVersion,
  type AssessmentVersion,
  type VersionView,
} from './service.js';
import { contentChangesSchema, decisionSchema } from './validation.js';

type Body = Record<string, unknown>;
type VersionParams = { childId: string; assessmentId: string; version: string };
const nameOf = (child: ChildSummary) => child.knownAs ?? child.fullName.split(' ')[0] ?? child.fullName;
const versionNumberOf = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : Number.NaN);
const isSection = (value: string): value is Section => (sections as readonly string[]).includes(value);

const notices: Record<string, string> = {
  started: 'The assessment has been started as a draft. Write each section, then check and submit it.',
  saved: 'Your changes have been saved. The earlier text is kept in the history.',
  submitted: 'The assessment has been submitted. A team manager will sign it off or return it to you.',
  signed_off: 'The assessment has been signed off. It is now locked: changes go in a new version.',
  returned: 'The assessment has been returned to its author as a draft, with your comment.',
  new_version: 'A new draft version has been started from a copy of the signed-off one, which is kept unchanged.',
  version_open: 'A version of this assessment is already being worked on: carry on with that one.',
};
const noticeFor = (code: unknown) => (typeof code === 'string' ? (notices[code] ?? null) : null);

/** Which companion audience a field's words are checked for: the child's view for the child. */
const audienceOf = (field: ContentField) => (field.endsWith('ChildView') ? 'child' : 'family');

export function registerAssessmentOfNeedRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const notFound = (reply: FastifyReply) => {
    reply.callNotFound();
    return reply;
  };
  const recordContext = (child: ChildSummary, heading: string) => ({
    child,
    recordHeading: heading,
    recordNavigation: childRecordNavigation(child.childId, 'assessments'),
  });
  const versionHref = (version: AssessmentVersion, childId: string) =>
    paths.version(childId, version.assessmentId, version.versionNumber);
  const open = (request: FastifyRequest<{ Params: VersionParams }>, part: string) =>
    viewVersion(
      database,
      request.actor!,
      request.params.childId,
      request.params.assessmentId,
      versionNumberOf(request.params.version),
      requestSource(request),
      part,
    );

  // ---- The list ------------------------------------------------------------------------------
  app.get<{ Params: { childId: string }; Querystring: { notice?: string } }>(
    paths.listPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const list = await listAssessments(database, request.actor!, childId, requestSource(request));
      if (!list) return notFound(reply);
      return reply.render('assessment-of-need/views/list.njk', {
        pageTitle: `Assessment of need – ${nameOf(list.child)}`,
        ...recordContext(list.child, 'Assessment of need'),
        childName: nameOf(list.child),
        notice: noticeFor(request.query.notice),
        mayChange: list.mayChange,
        newHref: list.mayChange ? paths.new(childId) : null,
        series: list.series.map((series) => ({
          title: `Assessment started ${presentDay(series.startedAt)} by ${series.startedByLabel}`,
          newVersionAction: series.mayStartNewVersion ? paths.newVersion(childId, series.id) : null,
          versions: [...series.versions].reverse().map((version) => ({
            number: version.versionNumber,
            href: versionHref(version, childId),
            status: statusTag(version.status),
            when:
              version.status === 'signed_off'
                ? `Signed off ${presentDay(version.signedOffAt)} by ${version.signedOffByLabel ?? ''}`
                : version.status === 'submitted'
                  ? `Submitted ${presentDay(version.submittedAt)} by ${version.submittedByLabel ?? ''}`
                  : `Last saved ${presentDay(version.updatedAt)} by ${version.updatedByLabel}`,
          })),
        })),
      });
    },
  );

  // ---- Start one -------------------------------------------------------------------------------
  app.get<{ Params: { childId: string } }>(paths.newPattern, { config: { access: change } }, async (request, reply) => {
    const { childId } = request.params;
    const list = await listAssessments(database, request.actor!, childId, requestSource(request), 'assessment_start');
    if (!list || !list.mayChange) return notFound(reply);
    return reply.render('assessment-of-need/views/new.njk', {
      pageTitle: 'Start an assessment of need',
      childName: nameOf(list.child),
      action: paths.new(childId),
      backHref: paths.list(childId),
      sides: (['development', 'parenting', 'environment'] as const).map((side) => ({
        name: sectionNames[side],
        hint: sideHints[side],
      })),
    });
  });

  app.post<{ Params: { childId: string } }>(
    paths.newPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const started = await startAssessment(database, request.actor!, childId, requestSource(request));
      if (started.outcome === 'not_found') return notFound(reply);
      return reply.redirect(`${versionHref(started.version, childId)}?notice=started`, 303);
    },
  );

  // ---- A version ------------------------------------------------------------------------------
  app.get<{ Params: VersionParams; Querystring: { notice?: string } }>(
    paths.versionPattern,
    { config: { access: view } },
    async (request, reply) => {
      const found = await open(request, 'assessment');
      if (!found) return notFound(reply);
      const { child, version } = found;
      const childId = child.childId;
      const childName = nameOf(child);
      const editable = found.mayChange && isEditable(version.status);
      const sectionHref = (section: Section) =>
        paths.section(childId, version.assessmentId, version.versionNumber, section);
      const mayDecide = hasPermission(request.actor!.roles, 'assessment.sign_off') && version.status === 'submitted';
      return reply.render('assessment-of-need/views/version.njk', {
        pageTitle: `Assessment of need, version ${version.versionNumber} – ${childName}`,
        ...recordContext(child, 'Assessment of need'),
        childName,
        notice: noticeFor(request.query.notice),
        backHref: paths.list(childId),
        version: { number: version.versionNumber, status: version.status, statusName: statusNames[version.status] },
        facts: versionFacts(version, { showComments: found.mayChange }),
        returned:
          found.mayChange && version.status === 'draft' && version.returnedAt
            ? { by: version.returnedByLabel, when: presentWhen(version.returnedAt), comment: version.returnComment }
            : null,
        taskList: editable ? taskList(contentOf(version), sectionHref) : null,
        sections: summarySections(contentOf(version), childName, editable ? sectionHref : null),
        // A note for whoever is still writing or deciding; a signed-off version is settled.
        balance: found.mayChange && version.status !== 'signed_off' ? balanceOf(version, childName) : [],
        submitHref: editable ? paths.submit(childId, version.assessmentId, version.versionNumber) : null,
        signOffHref:
          mayDecide && found.signOff.allowed
            ? paths.signOff(childId, version.assessmentId, version.versionNumber)
            : null,
        signOffRefusal: mayDecide && !found.signOff.allowed ? signOffRefusalMessages[found.signOff.reason] : null,
        newVersionAction:
          found.mayStartNewVersion && version.status === 'signed_off'
            ? paths.newVersion(childId, version.assessmentId)
            : null,
        locked: version.status === 'signed_off',
        changesHref: found.previous ? paths.changes(childId, version.assessmentId, version.versionNumber) : null,
        previousNumber: found.previous?.versionNumber ?? null,
        versions: found.versions.map((candidate) => ({
          number: candidate.versionNumber,
          href: versionHref(candidate, childId),
          status: statusTag(candidate.status),
          current: candidate.versionNumber === version.versionNumber,
        })),
      });
    },
  );

  // ---- Edit a section of a draft --------------------------------------------------------------
  const renderSection = (
    reply: FastifyReply,
    found: VersionView,
    section: Section,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
    problem:
      { kind: 'conflict'; theirs: AssessmentVersion } | { kind: 'locked'; current: AssessmentVersion } | null = null,
  ) => {
    const { child, version } = found;
    const childName = nameOf(child);
    const fields = fieldsOf(section);
    return reply.status(status).render('assessment-of-need/views/edit-section.njk', {
      pageTitle: problem?.kind === 'conflict' ? 'Someone else changed this section' : sectionNames[section],
      heading: sectionNames[section],
      hint: section === 'analysis' ? null : sideHints[section],
      childName,
      versionNumber: version.versionNumber,
      action: paths.section(child.childId, version.assessmentId, version.versionNumber, section),
      backHref: paths.version(child.childId, version.assessmentId, version.versionNumber),
      values,
      fields: fields.map((field) => ({
        name: field,
        label: fieldName(field, childName),
        audience: audienceOf(field),
        rows: field === 'analysis' ? 10 : 5,
        hint:
          field === 'recommendation'
            ? 'What should happen next, and who will do what'
            : field.endsWith('ChildView')
              ? `In ${childName}’s own words where you can`
              : field.endsWith('FamilyView')
                ? 'What the family say, in their words'
                : null,
      })),
      conflict:
        problem?.kind === 'conflict'
          ? {
              author: problem.theirs.updatedByLabel,
              when: presentWhen(problem.theirs.updatedAt),
              rows: fields.map((field) => ({
                key: { text: fieldName(field, childName) },
                value: problem.theirs[field].trim() ? { text: problem.theirs[field] } : { text: 'Not recorded yet' },
              })),
            }
          : null,
      locked:
        problem?.kind === 'locked'
          ? {
              signedOff: problem.current.status === 'signed_off',
              versionHref: paths.version(child.childId, version.assessmentId, version.versionNumber),
              newVersionAction:
                problem.current.status === 'signed_off' && found.mayStartNewVersion
                  ? paths.newVersion(child.childId, version.assessmentId)
                  : null,
            }
          : null,
      ...errors,
    });
  };

  const lockedErrors = (current: AssessmentVersion): FormErrors => {
    const text =
      current.status === 'signed_off'
        ? 'This version has been signed off, so it cannot be changed. Nothing was saved. Your text is below: start a new version to carry on.'
        : 'This version has been submitted for sign-off, so it cannot be changed unless a manager returns it. Nothing was saved. Your text is below.';
    return { errorList: [{ text, href: '#section-form' }], fieldErrors: {} };
  };

  app.get<{ Params: VersionParams & { section: string } }>(
    paths.sectionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { section } = request.params;
      if (!isSection(section)) return notFound(reply);
      const found = await open(request, 'assessment_section_form');
      if (!found || !found.mayChange) return notFound(reply);
      const values = Object.fromEntries([
        ...fieldsOf(section).map((field) => [field, found.version[field]]),
        ['expectedRevision', String(found.version.revision)],
      ]) as Record<string, string>;
      if (!isEditable(found.version.status)) {
        // Nothing was tried yet, so no error summary: the page says why it cannot be changed.
        return renderSection(reply, found, section, 409, values, noErrors, {
          kind: 'locked',
          current: found.version,
        });
      }
      return renderSection(reply, found, section, 200, values, noErrors);
    },
  );

  app.post<{ Params: VersionParams & { section: string }; Body: Body }>(
    paths.sectionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { section, childId, assessmentId } = request.params;
      if (!isSection(section)) return notFound(reply);
      const body = request.body ?? {};
      const fields = fieldsOf(section);
      const typed = Object.fromEntries(fields.map((field) => [field, cleanText(body[field])])) as Partial<
        Record<ContentField, string>
      >;
      const values = { ...typed, expectedRevision: cleanText(body.expectedRevision) } as Record<string, string>;
      const parsed = contentChangesSchema.safeParse(typed);
      const expectedRevision = z.coerce.number().int().min(1).safeParse(values.expectedRevision);
      const found = await open(request, 'assessment_section_form');
      if (!found || !found.mayChange) return notFound(reply);
      if (!parsed.success || !expectedRevision.success) {
        return renderSection(
          reply,
          found,
          section,
          400,
          values,
          parsed.success
            ? { errorList: [{ text: 'Reload the page and try again', href: '#section-form' }], fieldErrors: {} }
            : formErrorsFrom(parsed.error),
        );
      }
      const saved = await saveDraft(
        database,
        request.actor!,
        childId,
        assessmentId,
        found.version.versionNumber,
        { content: parsed.data, expectedRevision: expectedRevision.data },
        requestSource(request),
      );
      if (saved.outcome === 'not_found') return notFound(reply);
      if (saved.outcome === 'locked') {
        return renderSection(reply, found, section, 409, values, lockedErrors(saved.current), {
          kind: 'locked',
          current: saved.current,
        });
      }
      if (saved.outcome === 'conflict') {
        // Nothing typed is lost: the form keeps this person's words, ready to save over the newer text.
        return renderSection(
          reply,
          found,
          section,
          409,
          { ...values, expectedRevision: String(saved.current.revision) },
          noErrors,
          { kind: 'conflict', theirs: saved.current },
        );
      }
      return reply.redirect(`${versionHref(saved.version, childId)}?notice=saved`, 303);
    },
  );

  // ---- Check answers, then submit ---------------------------------------------------------------
  const renderCheck = (reply: FastifyReply, found: VersionView, status: number, problem: string | null) => {
    const { child, version } = found;
    const childName = nameOf(child);
    const editable = isEditable(version.status);
    return reply.status(status).render('assessment-of-need/views/check-answers.njk', {
      pageTitle: 'Check the assessment before you submit it',
      childName,
      versionNumber: version.versionNumber,
      action: paths.submit(child.childId, version.assessmentId, version.versionNumber),
      backHref: paths.version(child.childId, version.assessmentId, version.versionNumber),
      expectedRevision: version.revision,
      sections: summarySections(
        contentOf(version),
        childName,
        editable
          ? (section) => paths.section(child.childId, version.assessmentId, version.versionNumber, section)
          : null,
      ),
      balance: balanceOf(version, childName),
      cardHeadingLevel: 2,
      balanceHeadingLevel: 2,
      editable,
      problem,
      errorList: problem ? [{ text: problem, href: '#submit' }] : [],
    });
  };

  app.get<{ Params: VersionParams }>(paths.submitPattern, { config: { access: change } }, async (request, reply) => {
    const found = await open(request, 'assessment_check_answers');
    if (!found || !found.mayChange) return notFound(reply);
    if (!isEditable(found.version.status)) {
      return renderCheck(
        reply,
        found,
        409,
        `This version is ${statusNames[found.version.status].toLowerCase()}: it cannot be submitted again.`,
      );
    }
    return renderCheck(reply, found, 200, null);
  });

  app.post<{ Params: VersionParams; Body: Body }>(
    paths.submitPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const versionNumber = versionNumberOf(request.params.version);
      const expectedRevision = Number(cleanText(request.body?.expectedRevision)) || 0;
      const result = await submitVersion(
        database,
        request.actor!,
        childId,
        assessmentId,
        versionNumber,
        expectedRevision,
        requestSource(request),
      );
      if (result.outcome === 'not_found') return notFound(reply);
      if (result.outcome === 'submitted') {
        return reply.redirect(`${versionHref(result.version, childId)}?notice=submitted`, 303);
      }
      const found = await open(request, 'assessment_check_answers');
      if (!found) return notFound(reply);
      return renderCheck(
        reply,
        found,
        409,
        result.outcome === 'conflict'
          ? 'Someone saved changes to this assessment after you opened this page. Nothing was submitted: check what it says now, then submit again.'
          : `This version is ${statusNames[result.current.status].toLowerCase()}: it cannot be submitted again.`,
      );
    },
  );

  // ---- A manager signs off or returns it -----------------------------------------------------
  const renderSignOff = (
    reply: FastifyReply,
    found: VersionView,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
    refusal: string | null = null,
  ) => {
    const { child, version } = found;
    const childName = nameOf(child);
    return reply.status(status).render('assessment-of-need/views/sign-off.njk', {
      pageTitle: refusal ? 'You cannot sign off this assessment' : 'Sign off or return this assessment',
      childName,
      versionNumber: version.versionNumber,
      authorName: version.authorLabel,
      submittedBy: version.submittedByLabel,
      submittedWhen: presentWhen(version.submittedAt),
      action: paths.signOff(child.childId, version.assessmentId, version.versionNumber),
      backHref: paths.version(child.childId, version.assessmentId, version.versionNumber),
      sections: summarySections(contentOf(version), childName, null),
      balance: balanceOf(version, childName),
      cardHeadingLevel: 2,
      balanceHeadingLevel: 2,
      refusal,
      values,
      decisionItems: [
        {
          value: 'sign_off',
          text: 'Sign it off',
          hint: { text: 'It becomes the council’s assessment and is locked: later changes go in a new version' },
          checked: values.decision === 'sign_off',
        },
        {
          value: 'return',
          text: 'Return it to the author',
          hint: { text: 'It goes back to draft, with your comment, for more work' },
          checked: values.decision === 'return',
        },
      ],
      ...errors,
    });
  };

  app.get<{ Params: VersionParams }>(paths.signOffPattern, { config: { access: change } }, async (request, reply) => {
    const found = await open(request, 'assessment_sign_off_form');
    if (!found) return notFound(reply);
    if (!found.signOff.allowed) {
      return renderSignOff(reply, found, 403, {}, noErrors, signOffRefusalMessages[found.signOff.reason]);
    }
    return renderSignOff(reply, found, 200, { decision: '', comment: '' }, noErrors);
  });

  app.post<{ Params: VersionParams; Body: Body }>(
    paths.signOffPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const body = request.body ?? {};
      const values = { decision: cleanText(body.decision), comment: cleanText(body.comment) };
      const parsed = decisionSchema.safeParse(values);
      if (!parsed.success) {
        const found = await open(request, 'assessment_sign_off_form');
        if (!found) return notFound(reply);
        if (!found.signOff.allowed) {
          return renderSignOff(reply, found, 403, values, noErrors, signOffRefusalMessages[found.signOff.reason]);
        }
        return renderSignOff(reply, found, 400, values, formErrorsFrom(parsed.error, { decision: 'decision' }));
      }
      const result = await decideOnVersion(
        database,
        request.actor!,
        childId,
        assessmentId,
        versionNumberOf(request.params.version),
        parsed.data,
        requestSource(request),
      );
      if (result.outcome === 'not_found') return notFound(reply);
      if (result.outcome === 'refused') {
        const found = await open(request, 'assessment_sign_off_form');
        if (!found) return notFound(reply);
        return renderSignOff(reply, found, 403, values, noErrors, signOffRefusalMessages[result.reason]);
      }
      return reply.redirect(`${versionHref(result.version, childId)}?notice=${result.outcome}`, 303);
    },
  );

  // ---- Start a new version ------------------------------------------------------------------------
  app.post<{ Params: { childId: string; assessmentId: string } }>(
    paths.newVersionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, assessmentId } = request.params;
      const started = await startNewVersion(database, request.actor!, childId, assessmentId, requestSource(request));
      if (started.outcome === 'not_found') return notFound(reply);
      if (started.outcome === 'not_allowed') {
        return reply.redirect(
          started.openVersion
            ? `${versionHref(started.openVersion, childId)}?notice=version_open`
            : `${paths.list(childId)}?notice=version_open`,
          303,
        );
      }
      return reply.redirect(`${versionHref(started.version, childId)}?notice=new_version`, 303);
    },
  );

  // ---- What changed between versions ------------------------------------------------------------
  app.get<{ Params: VersionParams }>(paths.changesPattern, { config: { access: view } }, async (request, reply) => {
    const found = await open(request, 'assessment_changes');
    if (!found) return notFound(reply);
    const { child, version, previous } = found;
    const childName = nameOf(child);
    return reply.render('assessment-of-need/views/changes.njk', {
      pageTitle: `What changed in version ${version.versionNumber}`,
      childName,
      versionNumber: version.versionNumber,
      previousNumber: previous?.versionNumber ?? null,
      backHref: paths.version(child.childId, version.assessmentId, version.versionNumber),
      previousHref: previous ? paths.version(child.childId, previous.assessmentId, previous.versionNumber) : null,
      changes: previous ? presentChanges(previous, version, childName) : [],
    });
  });
}
