/**
 * Direct work with the child: recording a tool's work (its parts differ by tool, so the form is
 * written plainly: the question-page helper takes one schema, and the tool is in the path) and
 * reading it back with its attachments.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cleanText, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { registerRecordPage } from '../../../platform/http/record-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { directWorkToolDefinitions, parseDirectWork } from '../direct-work.js';
import { childShortName } from '../names.js';
import { voicePaths } from '../paths.js';
import { formErrorsOf, presentAttachments, presentDay } from '../presenters.js';
import { directWorkTools, type DirectWorkTool } from '../schema.js';
import { childForForm, recordDirectWork, viewDirectWork } from '../service.js';
import { isoDate, londonToday } from '../visit-form.js';
import { changing, mayChange, notFound, recordPageTop, todayParts, viewing, type VoicePagesContext } from './shared.js';

type Params = { childId: string; tool: string };

const toolOf = (value: string) => directWorkTools.find((tool) => tool === value);

export function registerDirectWorkPages(app: FastifyInstance, { database }: VoicePagesContext): void {
  const call = serviceCaller(database);

  /** Opens the record for the form (audited) and shows it, or answers 404. */
  const showForm = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    tool: DirectWorkTool,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
  ) => {
    const { childId } = request.params;
    const found = await childForForm(
      database,
      request.actor!,
      childId,
      'direct_work.form_opened',
      requestSource(request),
    );
    if (!found) return notFound(reply);
    const definition = directWorkToolDefinitions[tool];
    return reply.status(status).render('voice/views/direct-work-form.njk', {
      pageTitle: `${definition.name} with ${childShortName(found.child)}`,
      child: found.child,
      childName: childShortName(found.child),
      description: definition.description,
      parts: definition.parts.map((part) => ({ ...part, value: values[part.key] ?? '' })),
      values,
      action: voicePaths.newDirectWork.href({ childId, tool }),
      backHref: voicePaths.ownWords.href({ childId }),
      ...errors,
    });
  };

  app.get<{ Params: Params }>(
    voicePaths.newDirectWork.pattern,
    { config: changing('direct_work.form_opened') },
    async (request, reply) => {
      const tool = toolOf(request.params.tool);
      if (!tool) return notFound(reply);
      const today = todayParts('doneOn', londonToday(new Date()));
      return showForm(request, reply, tool, 200, { doneWith: request.actor!.fullName, ...today }, noErrors);
    },
  );

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    voicePaths.newDirectWork.pattern,
    { config: changing('direct_work.recorded') },
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
      if (!parsed.ok)
        return showForm(request, reply, tool, 400, values, formErrorsOf(parsed.errors, { doneOn: 'doneOn-day' }));
      const workId = await recordDirectWork(
        database,
        request.actor!,
        childId,
        { tool, ...parsed.record },
        requestSource(request),
      );
      if (!workId) return notFound(reply);
      return reply.redirect(voicePaths.directWork.href({ childId, workId }, { notice: 'direct_work_recorded' }), 303);
    },
  );

  registerRecordPage(app, voicePaths.directWork, {
    ...viewing('direct_work.viewed'),
    load: (request) => call(request, viewDirectWork, request.params.childId, request.params.workId),
    show: (found, request, reply) => {
      const { childId, workId } = request.params;
      const definition = directWorkToolDefinitions[found.work.tool];
      return reply.render('voice/views/direct-work.njk', {
        ...recordPageTop(request, found.child, 'own-words', [definition.name, presentDay(found.work.doneOn)]),
        backHref: voicePaths.ownWords.href({ childId }),
        doneWith: found.work.doneWith,
        recordedBy: found.work.recordedByLabel,
        isThreeHouses: found.work.tool === 'three_houses',
        mayChange: mayChange(request),
        uploadUrl: voicePaths.api.attachments.href({ childId }),
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
  });
}
