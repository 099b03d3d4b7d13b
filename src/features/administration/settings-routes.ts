/**
 * The council's settings page: how long a restricted record stays open once someone gives a
 * reason (finding 9 of issue 29). A GOV.UK question page; only council administrators reach it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { readText, registerQuestionPage } from '../../platform/http/question-page.js';
import { requestSource } from '../../platform/http/request-source.js';
import {
  MAX_GRANT_HOURS,
  MIN_GRANT_HOURS,
  restrictedGrantRuleInWords,
  WORKING_DAY_END_PATTERN,
  type RestrictedGrantRule,
} from '../../platform/council-settings/restricted-grant.js';
import { administrationMessages as messages } from './messages.js';
import { administrationPages as pages } from './paths.js';
import { changeRestrictedGrantRule, restrictedGrantRuleFor } from './settings-service.js';

type Values = { until: string; workingDayEndsAt: string; hours: string };

/** "17:30", "9:30" (read as 09:30), "17.30": the time as HH:MM, or null when it is not a time. */
function clockTime(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const wholeHours = (text: string): number | null => (/^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : null);
const hoursInRange = (hours: number | null) => hours !== null && hours >= MIN_GRANT_HOURS && hours <= MAX_GRANT_HOURS;

/** The form's answer: the option chosen must be complete; the other is kept only if it is valid. */
export const restrictedGrantForm = z
  .object({
    until: z.enum(['end_of_working_day', 'hours'], { error: messages.chooseGrantRule }),
    workingDayEndsAt: z.string(),
    hours: z.string(),
  })
  .superRefine((form, context) => {
    if (form.until === 'end_of_working_day') {
      const time = clockTime(form.workingDayEndsAt);
      const message =
        form.workingDayEndsAt.trim() === ''
          ? messages.enterWorkingDayEnd
          : time === null
            ? messages.workingDayEndFormat
            : WORKING_DAY_END_PATTERN.test(time)
              ? null
              : messages.workingDayEndRange;
      if (message) context.addIssue({ code: 'custom', path: ['workingDayEndsAt'], message });
    } else {
      const hours = wholeHours(form.hours);
      if (!hoursInRange(hours)) {
        const message = form.hours.trim() === '' ? messages.enterGrantHours : messages.grantHoursRange;
        context.addIssue({ code: 'custom', path: ['hours'], message });
      }
    }
  })
  .transform((form): Pick<RestrictedGrantRule, 'until'> & Partial<RestrictedGrantRule> => {
    const time = clockTime(form.workingDayEndsAt);
    const hours = wholeHours(form.hours);
    return {
      until: form.until,
      ...(time !== null && WORKING_DAY_END_PATTERN.test(time) ? { workingDayEndsAt: time } : {}),
      ...(hoursInRange(hours) ? { hours: hours! } : {}),
    };
  });

const admin = { permission: 'users.manage' } as const;

export function registerSettingsRoutes(app: FastifyInstance, database: Database): void {
  registerQuestionPage<object, RestrictedGrantRule, Values, z.output<typeof restrictedGrantForm>>(
    app,
    pages.settings.pattern,
    admin,
    {
      load: (request) => restrictedGrantRuleFor(database, request.actor!),
      blank: (rule) => ({ until: rule.until, workingDayEndsAt: rule.workingDayEndsAt, hours: String(rule.hours) }),
      read: (body) => ({
        until: readText(body, 'until'),
        workingDayEndsAt: readText(body, 'workingDayEndsAt'),
        hours: readText(body, 'hours'),
      }),
      schema: restrictedGrantForm,
      view: (rule, values, _errors, _extra, request) => ({
        template: 'administration/views/settings.njk',
        context: {
          pageTitle: 'Council settings',
          action: pages.settings.href({}),
          current: restrictedGrantRuleInWords(rule),
          values,
          notice: (request.query as { notice?: unknown }).notice === 'saved' ? messages.settingsSaved : undefined,
        },
      }),
      save: async (change, _values, request) => {
        await changeRestrictedGrantRule(database, request.actor!, change, requestSource(request));
        return { redirect: pages.settings.href({}, { notice: 'saved' }) };
      },
    },
  );
}
