/**
 * Adding an entry to a mapping, and changing or moving one, as GOV.UK question pages. A change
 * made from an out-of-date page is refused with 409: both versions are shown, nothing typed is
 * lost, and saving again keeps this person's version.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { dateFromInput, type FormErrors } from '../../../platform/http/forms.js';
import { readText, registerQuestionPage, type FormBody } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { entryPage, entryValues, storedEntryValues } from '../form-presenters.js';
import { mappingPaths } from '../paths.js';
import type { MappingSection } from '../schema.js';
import { addEntry, changeEntry, type MappingEntryRow, type MappingView } from '../service.js';
import { checkedByTheService, errorsFrom, mappingToChange, sectionFrom } from './forms.js';

type MappingParams = { childId: string; mappingId: string };
type EntryParams = MappingParams & { entryId: string };
type Values = Record<string, string>;

/** What the service checks: the typed values with the due date put together. */
const entryInput = (values: Values, body: FormBody) => ({ ...values, stepDueOn: dateFromInput(body, 'stepDueOn') });

/** The section a new entry is for: the form's choice, or the one its link asked for. */
const sectionAsked = (request: { body?: FormBody; query: Record<string, unknown> }) =>
  sectionFrom(readText(request.body ?? {}, 'section') || request.query.section);

/** The mapping, back at the entry just saved. */
const savedEntry = (params: MappingParams, entryId: string, notice: string) =>
  `${mappingPaths.mapping.href(params, { notice })}#entry-${entryId}`;

const conflictErrors: FormErrors = {
  errorList: [
    {
      text: 'Someone else changed this while you were working on it. Their version is shown below; yours is still in the form. Save again to keep yours.',
      href: '#statement-conflict',
    },
  ],
  fieldErrors: {},
};

export function registerEntryPages(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  const change = { permission: 'child_record.change' } as const;

  registerQuestionPage<
    MappingParams,
    { opened: MappingView; section: MappingSection },
    Values,
    Record<string, unknown>
  >(app, mappingPaths.newEntry.pattern, change, {
    audit: { show: 'child_record.view', save: 'mapping.entry_added' },
    async load(request) {
      const opened = await mappingToChange(database, request);
      const section = sectionAsked(request);
      return opened && section ? { opened, section } : null;
    },
    blank: ({ section }) => ({ section }),
    read: (body, request) => ({ ...entryValues(body), section: sectionAsked(request) ?? '' }),
    schema: checkedByTheService,
    input: entryInput,
    view: ({ opened, section }, values) => ({
      template: 'mapping/views/entry.njk',
      context: entryPage(opened, { section, values }),
    }),
    async save(input, values, request) {
      const section = sectionFrom(values.section);
      if (!section) return 'not_found';
      const { childId, mappingId } = request.params;
      const added = await call(request, addEntry, childId, mappingId, section, input);
      if (added.outcome === 'not_found') return 'not_found';
      if (added.outcome === 'invalid') return { errors: errorsFrom(added.issues) };
      return { redirect: savedEntry(request.params, added.entry.id, 'added') };
    },
  });

  registerQuestionPage<
    EntryParams,
    { opened: MappingView; entry: MappingEntryRow },
    Values,
    Record<string, unknown>,
    MappingEntryRow
  >(app, mappingPaths.entry.pattern, change, {
    audit: { show: 'child_record.view', save: 'mapping.entry_changed' },
    async load(request) {
      const opened = await mappingToChange(database, request);
      const entry = opened?.entries.find((candidate) => candidate.id === request.params.entryId);
      return opened && entry ? { opened, entry } : null;
    },
    blank: ({ entry }) => storedEntryValues(entry),
    read: entryValues,
    schema: checkedByTheService,
    input: entryInput,
    // The fields shown follow the section chosen, so a move asks for what the new section needs.
    view: ({ opened, entry }, values, _errors, conflict) => ({
      template: 'mapping/views/entry.njk',
      context: entryPage(opened, {
        section: sectionFrom(values.section) ?? entry.section,
        values,
        entry: conflict ? { ...entry, version: conflict.version } : entry,
        conflict,
      }),
    }),
    async save(input, values, request) {
      const { childId, mappingId, entryId } = request.params;
      const expectedVersion = Number.parseInt(readText(request.body ?? {}, 'version'), 10);
      const changed = await call(request, changeEntry, childId, mappingId, entryId, {
        section: values.section,
        input,
        expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
        reason: values.reason ? values.reason.slice(0, 2000) : null,
      });
      if (changed.outcome === 'not_found') return 'not_found';
      if (changed.outcome === 'invalid') return { errors: errorsFrom(changed.issues) };
      if (changed.outcome === 'conflict') return { errors: conflictErrors, status: 409, extra: changed.current };
      return { redirect: savedEntry(request.params, entryId, changed.movedFrom ? 'moved' : 'changed') };
    },
  });
}
