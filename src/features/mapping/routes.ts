/**
 * The mapping's pages: the child's mappings and scaling over time, starting a mapping, one
 * mapping in three columns, adding or changing (and moving) an entry, adding a score, an
 * entry's history, and two mappings side by side. GOV.UK question pages: checked on the
 * server, shown again with what was typed and an error summary when something is missing.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { cleanText, dateFromInput, dateInputParts, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { presentDate } from '../child-record/index.js';
import {
  defaultScale,
  viewOfSchema,
  mappingMessages,
  mappingQuestions,
  sectionEntryNames,
  sectionFields,
  sectionHints,
  sectionNames,
  viewKindNames,
} from './domain.js';
import { mappingPaths } from './paths.js';
import {
  groupAverages,
  presentBalance,
  presentColumns,
  presentScaling,
  presentScores,
  whoseView,
} from './presenters.js';
import { mappingSections, type MappingSection } from './schema.js';
import { linesOfVisit } from '../voice/index.js';
import {
  addEntry,
  addScore,
  carryForm,
  changeEntry,
  compareTwoMappings,
  entryHistory,
  mappingSection,
  mappingStartForm,
  openMapping,
  openMappingForChange,
  startMapping,
  type FieldIssue,
  type MappingEntryRow,
  type MappingView,
} from './service.js';

type Body = Record<string, unknown>;
const text = (body: Body, name: string) => cleanText(body[name]);
const childName = (child: { fullName: string; knownAs: string | null }) =>
  child.knownAs ?? child.fullName.split(' ')[0]!;

/** Where each field's error links to (the first input of a date, the first radio of a group). */
const fieldIds: Record<string, string> = {
  heldOn: 'heldOn-Day',
  scoredOn: 'scoredOn-Day',
  stepDueOn: 'stepDueOn-Day',
  viewOfKind: 'viewOfKind',
  scorerKind: 'scorerKind',
  score: 'score',
  childIds: 'childIds',
  section: 'section',
};

function errorsFrom(issues: readonly FieldIssue[]): FormErrors {
  const fieldErrors: FormErrors['fieldErrors'] = {};
  const errorList: FormErrors['errorList'] = [];
  for (const issue of issues) {
    if (fieldErrors[issue.field]) continue;
    fieldErrors[issue.field] = { text: issue.message };
    errorList.push({ text: issue.message, href: `#${fieldIds[issue.field] ?? issue.field}` });
  }
  return { errorList, fieldErrors };
}

const radioItems = (labels: Record<string, string>, chosen: unknown, hints: Record<string, string> = {}) =>
  Object.entries(labels).map(([value, label]) => ({
    value,
    text: label,
    checked: chosen === value,
    ...(hints[value] ? { hint: { text: hints[value] } } : {}),
  }));

function personOptions(view: MappingView, chosen: unknown, firstText: string) {
  return [
    { value: '', text: firstText, selected: !chosen },
    ...view.people.map((person) => ({
      value: person.id,
      text: person.id === view.child.childId ? `${person.name} (the child)` : person.name,
      selected: chosen === person.id,
    })),
  ];
}

const recordHeader = (view: { child: MappingView['child'] }, heading: string) => ({
  child: view.child,
  recordHeading: heading,
  recordNavigation: childRecordNavigation(view.child.childId, 'mapping'),
});

/** The values of an entry form as typed (or as stored), to show the form again. */
function entryValues(body: Body) {
  const values: Record<string, string> = {};
  for (const field of [
    'statement',
    'harmSeverity',
    'harmFrequency',
    'harmWhen',
    'worriedWho',
    'couldHappen',
    'becauseOf',
    'inCircumstances',
    'goalWho',
    'goalWillBeDoing',
    'goalHowWeWillKnow',
    'stepOwnerPersonId',
    'stepOwnerName',
    'viewOfKind',
    'viewOfPersonId',
    'viewOfName',
    'section',
    'reason',
  ]) {
    values[field] = text(body, field);
  }
  values['stepDueOn-Day'] = text(body, 'stepDueOn-Day');
  values['stepDueOn-Month'] = text(body, 'stepDueOn-Month');
  values['stepDueOn-Year'] = text(body, 'stepDueOn-Year');
  return values;
}

function storedEntryValues(entry: MappingEntryRow): Record<string, string> {
  const due = dateInputParts(entry.stepDueOn);
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(entry)) {
    if (typeof value === 'string') values[field] = value;
  }
  // A danger statement or safety goal is changed through its parts; its sentence follows.
  if (entry.section === 'danger_statement' || entry.section === 'safety_goal') values.statement = '';
  return {
    ...values,
    'stepDueOn-Day': due.day,
    'stepDueOn-Month': due.month,
    'stepDueOn-Year': due.year,
  };
}

/** What the service checks: the typed values with the due date put together. */
function entryInput(values: Record<string, string>, body: Body) {
  return { ...values, stepDueOn: dateFromInput(body, 'stepDueOn') };
}

export function registerMappingRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;

  // ---- The child's mappings and scaling over time ------------------------------------------
  app.get<{ Params: { childId: string }; Querystring: { notice?: string } }>(
    mappingPaths.sectionPattern,
    { config: { access: view } },
    async (request, reply) => {
      const section = await mappingSection(database, request.actor!, request.params.childId, requestSource(request));
      if (!section) {
        reply.callNotFound();
        return reply;
      }
      const name = childName(section.child);
      const { childId } = section.child;
      const mappings = section.mappings.map((mapping) => ({
        ...mapping,
        href: mappingPaths.mapping(childId, mapping.id),
        heldOnText: presentDate(mapping.heldOn),
        aboutText: mapping.childNames.length > 1 ? mapping.childNames.join(' and ') : null,
        counts: mappingQuestions.map((question) => ({
          heading: question.heading,
          entries: question.sections.reduce((sum, id) => sum + (mapping.sections[id] ?? 0), 0),
        })),
      }));
      return reply.render('mapping/views/section.njk', {
        pageTitle: `Worries and strengths – ${name}`,
        ...recordHeader(section, 'Worries and strengths'),
        childName: name,
        mappings,
        newMappingHref: section.mayChange ? mappingPaths.newMapping(childId) : null,
        compareAction: mappingPaths.comparePattern.replace(':childId', encodeURIComponent(childId)),
        compareItems: mappings.map((mapping) => ({
          value: mapping.id,
          text: `${mapping.title} (${mapping.heldOnText})`,
        })),
        earlierDefault: mappings[1]?.id,
        laterDefault: mappings[0]?.id,
        scaling: presentScaling(section.scores, name),
        notice: request.query.notice === 'started' ? 'Mapping started.' : null,
      });
    },
  );

  // ---- Starting a mapping -------------------------------------------------------------------
  const renderStart = (
    reply: FastifyReply,
    form: NonNullable<Awaited<ReturnType<typeof mappingStartForm>>>,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) => {
    const name = childName(form.child);
    const chosen = Array.isArray(values.childIds) ? values.childIds : [];
    return reply.status(status).render('mapping/views/new-mapping.njk', {
      pageTitle: `Start a mapping – ${name}`,
      ...recordHeader(form, 'Start a mapping'),
      childName: name,
      backHref: mappingPaths.section(form.child.childId),
      action: mappingPaths.newMapping(form.child.childId),
      values,
      siblingItems: form.siblings.map((sibling) => ({
        value: sibling.id,
        text: sibling.name,
        checked: chosen.includes(sibling.id),
      })),
      ...errors,
    });
  };

  app.get<{ Params: { childId: string } }>(
    mappingPaths.newMappingPattern,
    { config: { access: change } },
    async (request, reply) => {
      const form = await mappingStartForm(database, request.actor!, request.params.childId, requestSource(request));
      if (!form) {
        reply.callNotFound();
        return reply;
      }
      const today = dateInputParts(new Date().toISOString().slice(0, 10));
      return renderStart(
        reply,
        form,
        200,
        {
          title: 'Mapping with the family',
          'heldOn-Day': today.day,
          'heldOn-Month': today.month,
          'heldOn-Year': today.year,
          ...defaultScale,
          childIds: [],
        },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    mappingPaths.newMappingPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const siblings = ([] as unknown[])
        .concat(body.childIds ?? [])
        .map(cleanText)
        .filter(Boolean);
      const values = {
        title: text(body, 'title'),
        'heldOn-Day': text(body, 'heldOn-Day'),
        'heldOn-Month': text(body, 'heldOn-Month'),
        'heldOn-Year': text(body, 'heldOn-Year'),
        whoTookPart: text(body, 'whoTookPart'),
        scalingQuestion: text(body, 'scalingQuestion'),
        scaleZeroMeans: text(body, 'scaleZeroMeans'),
        scaleTenMeans: text(body, 'scaleTenMeans'),
        childIds: siblings,
      };
      const result = await startMapping(
        database,
        request.actor!,
        childId,
        { ...values, heldOn: dateFromInput(body, 'heldOn'), childIds: [childId, ...siblings] },
        requestSource(request),
      );
      if (result.outcome === 'started') return reply.redirect(mappingPaths.mapping(childId, result.mappingId), 303);
      const form = await mappingStartForm(database, request.actor!, childId, requestSource(request));
      if (!form || result.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return renderStart(reply, form, 400, values, errorsFrom(result.issues));
    },
  );

  // ---- Two mappings side by side -------------------------------------------------------------
  app.get<{ Params: { childId: string }; Querystring: { earlier?: string; later?: string } }>(
    mappingPaths.comparePattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const comparison = await compareTwoMappings(
        database,
        request.actor!,
        childId,
        cleanText(request.query.earlier),
        cleanText(request.query.later),
        requestSource(request),
      );
      if (!comparison) {
        reply.callNotFound();
        return reply;
      }
      const name = childName(comparison.child);
      const describe = (mapping: MappingView) => ({
        title: mapping.mapping.title,
        heldOnText: presentDate(mapping.mapping.heldOn),
        href: mappingPaths.mapping(childId, mapping.mapping.id),
        averages: groupAverages(mapping.scores),
      });
      return reply.render('mapping/views/compare.njk', {
        pageTitle: `Two mappings side by side – ${name}`,
        ...recordHeader(comparison, 'Two mappings side by side'),
        backHref: mappingPaths.section(childId),
        earlier: describe(comparison.earlier),
        later: describe(comparison.later),
        questions: mappingQuestions.map((question) => ({
          heading: question.heading,
          sections: comparison.sections.filter((section) =>
            (question.sections as readonly MappingSection[]).includes(section.section),
          ),
        })),
      });
    },
  );

  // ---- One mapping ---------------------------------------------------------------------------
  app.get<{ Params: { childId: string; mappingId: string }; Querystring: { notice?: string } }>(
    mappingPaths.mappingPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const opened = await openMapping(database, request.actor!, childId, mappingId, requestSource(request));
      if (!opened) {
        reply.callNotFound();
        return reply;
      }
      const name = childName(opened.child);
      const notices: Record<string, string> = {
        added: 'Added to the mapping.',
        changed: 'Change saved. The earlier version is kept.',
        moved: 'Moved. The earlier version is kept.',
        scored: 'Score added.',
      };
      return reply.render('mapping/views/mapping.njk', {
        pageTitle: `${opened.mapping.title} – ${name}`,
        ...recordHeader(opened, opened.mapping.title),
        childName: name,
        backHref: mappingPaths.section(childId),
        mapping: opened.mapping,
        heldOnText: presentDate(opened.mapping.heldOn),
        aboutText: opened.children.map((child) => child.name).join(' and '),
        columns: presentColumns(childId, mappingId, opened.entries, opened.mayChange),
        balanceNotes: presentBalance(opened.entries, opened.scores, name),
        scaling: presentScaling(opened.scores, opened.children.map((child) => child.name).join(' and ')),
        scoreRows: presentScores(opened.scores),
        newScoreHref: opened.mayChange ? mappingPaths.newScore(childId, mappingId) : null,
        notice: notices[request.query.notice ?? ''] ?? null,
      });
    },
  );

  // ---- Adding or changing an entry ----------------------------------------------------------
  const renderEntryForm = (
    reply: FastifyReply,
    opened: MappingView,
    status: number,
    form: {
      section: MappingSection;
      values: Record<string, string>;
      errors: FormErrors;
      entry?: MappingEntryRow;
      conflict?: MappingEntryRow;
    },
  ) => {
    const { childId } = opened.child;
    const name = childName(opened.child);
    const changing = Boolean(form.entry);
    const heading = changing
      ? `Change or move: ${sectionNames[form.entry!.section]}`
      : `Add ${sectionEntryNames[form.section]}`;
    return reply.status(status).render('mapping/views/entry.njk', {
      pageTitle: `${heading} – ${name}`,
      ...recordHeader(opened, heading),
      childName: name,
      backHref: mappingPaths.mapping(childId, opened.mapping.id),
      action: changing
        ? mappingPaths.entry(childId, opened.mapping.id, form.entry!.id)
        : mappingPaths.newEntry(childId, opened.mapping.id, form.section),
      changing,
      section: form.section,
      sectionName: sectionNames[form.section],
      sectionHint: sectionHints[form.section],
      fields: Object.fromEntries(sectionFields[form.section].map((field) => [field, true])),
      values: form.values,
      version: form.entry?.version ?? null,
      // Grouped under the three questions, each group after a divider naming its question.
      sectionRadios: mappingQuestions.flatMap((question) => [
        { divider: question.heading },
        ...(question.sections as readonly MappingSection[]).map((section) => ({
          value: section,
          text: sectionNames[section],
          hint: { text: sectionHints[section] },
          checked: form.values.section === section,
        })),
      ]),
      viewKindItems: radioItems(viewKindNames, form.values.viewOfKind),
      viewPersonItems: personOptions(opened, form.values.viewOfPersonId, 'Choose someone (or type a name below)'),
      ownerItems: personOptions(opened, form.values.stepOwnerPersonId, 'Choose someone (or type a name below)'),
      conflict: form.conflict
        ? {
            statement: form.conflict.statement,
            sectionName: sectionNames[form.conflict.section],
            whoseView: whoseView(form.conflict),
          }
        : null,
      ...form.errors,
    });
  };

  const sectionFrom = (value: unknown): MappingSection | null =>
    (mappingSections as readonly string[]).includes(String(value)) ? (value as MappingSection) : null;

  app.get<{ Params: { childId: string; mappingId: string }; Querystring: { section?: string } }>(
    mappingPaths.newEntryPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const section = sectionFrom(request.query.section);
      const opened = await openMappingForChange(database, request.actor!, childId, mappingId, requestSource(request));
      if (!opened || !section) {
        reply.callNotFound();
        return reply;
      }
      return renderEntryForm(reply, opened, 200, { section, values: { section }, errors: noErrors });
    },
  );

  app.post<{ Params: { childId: string; mappingId: string }; Querystring: { section?: string }; Body: Body }>(
    mappingPaths.newEntryPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const body = request.body ?? {};
      const section = sectionFrom(text(body, 'section') || request.query.section);
      if (!section) {
        reply.callNotFound();
        return reply;
      }
      const values = { ...entryValues(body), section };
      const result = await addEntry(
        database,
        request.actor!,
        childId,
        mappingId,
        section,
        entryInput(values, body),
        requestSource(request),
      );
      if (result.outcome === 'added') {
        return reply.redirect(`${mappingPaths.mapping(childId, mappingId)}?notice=added#entry-${result.entry.id}`, 303);
      }
      const opened = await openMappingForChange(database, request.actor!, childId, mappingId, requestSource(request));
      if (!opened || result.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return renderEntryForm(reply, opened, 400, { section, values, errors: errorsFrom(result.issues) });
    },
  );

  app.get<{ Params: { childId: string; mappingId: string; entryId: string } }>(
    mappingPaths.entryPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, mappingId, entryId } = request.params;
      const opened = await openMappingForChange(database, request.actor!, childId, mappingId, requestSource(request));
      const entry = opened?.entries.find((candidate) => candidate.id === entryId);
      if (!opened || !entry) {
        reply.callNotFound();
        return reply;
      }
      return renderEntryForm(reply, opened, 200, {
        section: entry.section,
        values: storedEntryValues(entry),
        errors: noErrors,
        entry,
      });
    },
  );

  app.post<{ Params: { childId: string; mappingId: string; entryId: string }; Body: Body }>(
    mappingPaths.entryPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, mappingId, entryId } = request.params;
      const body = request.body ?? {};
      const values = entryValues(body);
      const expectedVersion = Number.parseInt(text(body, 'version'), 10);
      const target = sectionFrom(values.section);
      const result = await changeEntry(
        database,
        request.actor!,
        childId,
        mappingId,
        entryId,
        {
          section: values.section,
          input: entryInput(values, body),
          expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
          reason: values.reason ? values.reason.slice(0, 2000) : null,
        },
        requestSource(request),
      );
      if (result.outcome === 'changed') {
        const notice = result.movedFrom ? 'moved' : 'changed';
        return reply.redirect(`${mappingPaths.mapping(childId, mappingId)}?notice=${notice}#entry-${entryId}`, 303);
      }
      const opened = await openMappingForChange(database, request.actor!, childId, mappingId, requestSource(request));
      const entry = opened?.entries.find((candidate) => candidate.id === entryId);
      if (!opened || !entry || result.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      // The fields shown follow the section chosen, so a move asks for what the new section needs.
      const section = target ?? entry.section;
      if (result.outcome === 'conflict') {
        return renderEntryForm(reply, opened, 409, {
          section,
          values,
          entry: { ...entry, version: result.current.version },
          conflict: result.current,
          errors: {
            errorList: [
              {
                text: 'Someone else changed this while you were working on it. Their version is shown below; yours is still in the form. Save again to keep yours.',
                href: '#statement-conflict',
              },
            ],
            fieldErrors: {},
          },
        });
      }
      return renderEntryForm(reply, opened, 400, { section, values, entry, errors: errorsFrom(result.issues) });
    },
  );

  app.get<{ Params: { childId: string; mappingId: string; entryId: string } }>(
    mappingPaths.entryHistoryPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, mappingId, entryId } = request.params;
      const history = await entryHistory(database, request.actor!, childId, mappingId, entryId, requestSource(request));
      if (!history) {
        reply.callNotFound();
        return reply;
      }
      return reply.render('mapping/views/entry-history.njk', {
        pageTitle: `Changes to an entry – ${childName(history.view.child)}`,
        ...recordHeader(history.view, 'Changes to an entry'),
        backHref: `${mappingPaths.mapping(childId, mappingId)}#entry-${entryId}`,
        versions: history.versions.map((version) => {
          const content = version.content as { statement?: string; section?: MappingSection; viewOfName?: string };
          return {
            version: version.version,
            statement: content.statement ?? '',
            sectionName: content.section ? sectionNames[content.section] : '',
            viewOfName: content.viewOfName ?? '',
            recordedAt: version.recordedAt.toLocaleString('en-GB', {
              dateStyle: 'long',
              timeStyle: 'short',
              timeZone: 'Europe/London',
            }),
            recordedBy: version.recordedByLabel,
            reason: version.reason,
          };
        }),
      });
    },
  );

  // ---- Adding a line from a visit -------------------------------------------------------------
  /** Sections a single line can go straight into; the others ask for parts (move it there afterwards). */
  const carrySections: MappingSection[] = ['past_harm', 'complicating_factor', 'existing_strength', 'existing_safety'];
  const carryDefaults: Partial<Record<string, MappingSection>> = {
    workingWell: 'existing_strength',
    childsWords: 'existing_strength',
    worries: 'complicating_factor',
  };
  const renderCarry = async (
    request: FastifyRequest<{ Params: { childId: string; visitId: string } }>,
    reply: FastifyReply,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
  ) => {
    const { childId, visitId } = request.params;
    const form = await carryForm(database, request.actor!, childId, requestSource(request));
    const lines = form ? await linesOfVisit(database, request.actor!, childId, visitId, requestSource(request)) : null;
    if (!form || !lines) {
      reply.callNotFound();
      return reply;
    }
    const name = childName(form.child);
    const chosenLine = lines.find((line) => String(line.source.lineNumber) === values.line);
    return reply.status(status).render('mapping/views/from-visit.njk', {
      pageTitle: `Add a line from a visit to the mapping – ${name}`,
      child: form.child,
      recordHeading: 'Add a line from a visit to the mapping',
      recordNavigation: childRecordNavigation(childId, 'mapping'),
      childName: name,
      backHref: `/children/${encodeURIComponent(childId)}/visits/${encodeURIComponent(visitId)}`,
      action: mappingPaths.fromVisit(childId, visitId),
      hasMappings: form.mappings.length > 0,
      newMappingHref: mappingPaths.newMapping(childId),
      lineItems: lines.map((line) => ({
        value: String(line.source.lineNumber),
        text: line.text,
        checked: values.line === String(line.source.lineNumber),
      })),
      mappingItems: form.mappings.map((mapping, index) => ({
        value: mapping.id,
        text: `${mapping.title} (${presentDate(mapping.heldOn)})`,
        selected: values.mappingId ? values.mappingId === mapping.id : index === 0,
      })),
      sectionItems: carrySections.map((section) => ({
        value: section,
        text: sectionNames[section],
        hint: { text: sectionHints[section] },
        checked: (values.section || (chosenLine ? carryDefaults[chosenLine.field] : undefined)) === section,
      })),
      viewKindItems: radioItems(viewKindNames, values.viewOfKind),
      viewPersonItems: [
        { value: '', text: 'Choose someone (or type a name below)', selected: !values.viewOfPersonId },
        ...form.people.map((person) => ({
          value: person.id,
          text: person.id === childId ? `${person.name} (the child)` : person.name,
          selected: values.viewOfPersonId === person.id,
        })),
      ],
      values,
      ...errors,
    });
  };

  app.get<{ Params: { childId: string; visitId: string }; Querystring: { line?: string } }>(
    mappingPaths.fromVisitPattern,
    { config: { access: change } },
    async (request, reply) => renderCarry(request, reply, 200, { line: cleanText(request.query.line) }, noErrors),
  );

  app.post<{ Params: { childId: string; visitId: string }; Body: Body }>(
    mappingPaths.fromVisitPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, visitId } = request.params;
      const body = request.body ?? {};
      const values: Record<string, string> = {};
      for (const field of ['line', 'mappingId', 'section', 'viewOfKind', 'viewOfPersonId', 'viewOfName']) {
        values[field] = text(body, field);
      }
      const lines = await linesOfVisit(database, request.actor!, childId, visitId, requestSource(request));
      if (!lines) {
        reply.callNotFound();
        return reply;
      }
      const line = lines.find((candidate) => String(candidate.source.lineNumber) === values.line);
      const issues: FieldIssue[] = [];
      if (!line) issues.push({ field: 'line', message: 'Select the line to add to the mapping' });
      if (!values.mappingId) issues.push({ field: 'mappingId', message: 'Select a mapping' });
      if (!(carrySections as string[]).includes(values.section ?? '')) {
        issues.push({ field: 'section', message: mappingMessages.section });
      }
      if (issues.length > 0) {
        // Say everything that is missing at once, whose view included.
        const viewOf = viewOfSchema.safeParse({
          viewOfKind: values.viewOfKind || undefined,
          viewOfName: values.viewOfName || (values.viewOfPersonId ? 'someone chosen' : ''),
        });
        if (!viewOf.success) {
          issues.push(
            ...viewOf.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message })),
          );
        }
      }
      if (issues.length === 0 && line) {
        const added = await addEntry(
          database,
          request.actor!,
          childId,
          values.mappingId!,
          values.section,
          {
            statement: line.text,
            viewOfKind: values.viewOfKind,
            viewOfPersonId: values.viewOfPersonId,
            viewOfName: values.viewOfName,
          },
          requestSource(request),
          {
            type: 'visit',
            id: visitId,
            label: `the visit on ${presentDate(line.source.happenedAt.slice(0, 10))}, line ${line.source.lineNumber}`,
          },
        );
        if (added.outcome === 'added') {
          return reply.redirect(
            `${mappingPaths.mapping(childId, values.mappingId!)}?notice=added#entry-${added.entry.id}`,
            303,
          );
        }
        if (added.outcome === 'not_found') {
          reply.callNotFound();
          return reply;
        }
        issues.push(...added.issues);
      }
      return renderCarry(request, reply, 400, values, errorsFrom(issues));
    },
  );

  // ---- Adding a score -----------------------------------------------------------------------
  const renderScoreForm = (
    reply: FastifyReply,
    opened: MappingView,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
  ) => {
    const { childId } = opened.child;
    const name = childName(opened.child);
    return reply.status(status).render('mapping/views/score.njk', {
      pageTitle: `Add a score – ${name}`,
      ...recordHeader(opened, 'Add a score'),
      backHref: `${mappingPaths.mapping(childId, opened.mapping.id)}#scaling`,
      action: mappingPaths.newScore(childId, opened.mapping.id),
      childName: name,
      mapping: opened.mapping,
      values,
      kindItems: radioItems(
        { child: 'The child', family: 'Family', network: 'Someone in the network', professional: 'A professional' },
        values.scorerKind,
      ),
      personItems: personOptions(opened, values.scorerPersonId, 'Choose someone (or type a name below)'),
      scoreItems: Array.from({ length: 11 }, (_, score) => ({
        value: String(score),
        text: String(score),
        checked: values.score === String(score),
      })),
      ...errors,
    });
  };

  app.get<{ Params: { childId: string; mappingId: string } }>(
    mappingPaths.newScorePattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const opened = await openMappingForChange(database, request.actor!, childId, mappingId, requestSource(request));
      if (!opened) {
        reply.callNotFound();
        return reply;
      }
      const held = dateInputParts(opened.mapping.heldOn);
      return renderScoreForm(
        reply,
        opened,
        200,
        { 'scoredOn-Day': held.day, 'scoredOn-Month': held.month, 'scoredOn-Year': held.year },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string; mappingId: string }; Body: Body }>(
    mappingPaths.newScorePattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const body = request.body ?? {};
      const values: Record<string, string> = {};
      for (const field of [
        'scorerKind',
        'scorerPersonId',
        'scorerName',
        'score',
        'reason',
        'scoredOn-Day',
        'scoredOn-Month',
        'scoredOn-Year',
      ]) {
        values[field] = text(body, field);
      }
      const result = await addScore(
        database,
        request.actor!,
        childId,
        mappingId,
        // An unanswered score stays unanswered: '' must not become 0.
        { ...values, score: values.score === '' ? undefined : values.score, scoredOn: dateFromInput(body, 'scoredOn') },
        requestSource(request),
      );
      if (result.outcome === 'scored') {
        return reply.redirect(`${mappingPaths.mapping(childId, mappingId)}?notice=scored#scaling`, 303);
      }
      const opened = await openMappingForChange(database, request.actor!, childId, mappingId, requestSource(request));
      if (!opened || result.outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return renderScoreForm(reply, opened, 400, values, errorsFrom(result.issues));
    },
  );
}
