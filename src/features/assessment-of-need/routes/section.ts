/**
 * Writing a section of a draft. Not the question-page helper: the form is shown with 409 when
 * the version is no longer a draft, and a save refused as stale keeps what was typed beside
 * the newer text.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { formErrorsFrom, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { readText, type FormValues } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { isEditable } from '../lifecycle.js';
import { assessmentPaths as paths } from '../paths.js';
import { lockedErrors, sectionPage, versionLinks, type SectionProblem } from '../presenters/pages.js';
import { fieldsOf, sections, type ContentField, type Section } from '../sections.js';
import { saveDraft, type VersionView } from '../service.js';
import { contentChangesSchema, expectedRevisionSchema } from '../validation.js';
import { change, notFound, openVersionPage, pageAbout, type PageRequest, type VersionParams } from './common.js';

const isSection = (value: string): value is Section => (sections as readonly string[]).includes(value);

export function registerSectionPage(app: FastifyInstance, database: Database): void {
  /** The draft's section a page is about, when it names one and this person may change the record. */
  const call = serviceCaller(database);
  const open = async (request: PageRequest<VersionParams & { section: string }>) => {
    const { section } = request.params;
    if (!isSection(section)) return null;
    const found = await openVersionPage(database, request, 'assessment_section_form');
    return found?.mayChange ? { found, section } : null;
  };
  const show = (
    reply: FastifyReply,
    page: { found: VersionView; section: Section },
    status: number,
    values: FormValues,
    errors: FormErrors,
    problem: SectionProblem = null,
  ) =>
    reply.status(status).render('assessment-of-need/views/edit-section.njk', {
      ...sectionPage(page.found, page.section, values, problem),
      ...errors,
    });

  pageAbout(
    app,
    'get',
    paths.section.pattern,
    { access: change, audit: 'child_record.view' },
    open,
    (page, _request, reply) => {
      const { version } = page.found;
      const values: FormValues = {
        ...Object.fromEntries(fieldsOf(page.section).map((field) => [field, version[field]])),
        expectedRevision: String(version.revision),
      };
      // Nothing was tried yet, so no error summary: the page says why it cannot be changed.
      if (!isEditable(version.status))
        return show(reply, page, 409, values, noErrors, { kind: 'locked', current: version });
      return show(reply, page, 200, values, noErrors);
    },
  );

  pageAbout(
    app,
    'post',
    paths.section.pattern,
    { access: change, audit: 'assessment.draft_saved' },
    open,
    async (page, request, reply) => {
      const body = request.body ?? {};
      const typed = Object.fromEntries(
        fieldsOf(page.section).map((field) => [field, readText(body, field)]),
      ) as Partial<Record<ContentField, string>>;
      const values: FormValues = { ...typed, expectedRevision: readText(body, 'expectedRevision') };
      const parsed = contentChangesSchema.safeParse(typed);
      const expectedRevision = expectedRevisionSchema.safeParse(values.expectedRevision);
      if (!parsed.success) return show(reply, page, 400, values, formErrorsFrom(parsed.error));
      if (!expectedRevision.success) {
        const reload = {
          errorList: [{ text: 'Reload the page and try again', href: '#section-form' }],
          fieldErrors: {},
        };
        return show(reply, page, 400, values, reload);
      }
      const { childId, assessmentId } = request.params;
      const saved = await call(request, saveDraft, childId, assessmentId, page.found.version.versionNumber, {
        content: parsed.data,
        expectedRevision: expectedRevision.data,
      });
      if (saved.outcome === 'not_found') return notFound(reply);
      if (saved.outcome === 'locked') {
        return show(reply, page, 409, values, lockedErrors(saved.current), { kind: 'locked', current: saved.current });
      }
      if (saved.outcome === 'conflict') {
        // Nothing typed is lost: the form keeps this person's words, ready to save over the newer text.
        const again = { ...values, expectedRevision: String(saved.current.revision) };
        return show(reply, page, 409, again, noErrors, { kind: 'conflict', theirs: saved.current });
      }
      return reply.redirect(versionLinks(childId, saved.version).version('saved'), 303);
    },
  );
}
