import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { formErrorsFrom, noErrors } from '../../platform/http/forms.js';
import { accountPaths } from './paths.js';
import { changeOwnPassword } from './service.js';

const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(1024, 'Enter your current password'),
    newPassword: z.string().min(1, 'Enter a new password').max(1024, 'Password must be 256 characters or fewer'),
    confirmPassword: z.string(),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    message: 'The two new passwords do not match',
    path: ['confirmPassword'],
  });

export function registerAccountRoutes(app: FastifyInstance, database: Database): void {
  app.get(accountPaths.changePassword, { config: { access: { signedIn: true } } }, async (request, reply) =>
    reply.render('account/views/change-password.njk', {
      pageTitle: 'Change your password',
      mustChange: request.actor!.mustChangePassword,
      ...noErrors,
    }),
  );

  app.post<{ Body: Record<string, unknown> }>(
    accountPaths.changePassword,
    { config: { access: { signedIn: true } } },
    async (request, reply) => {
      const body = request.body ?? {};
      const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
      // Passwords are never put back into the page, even when something else was wrong.
      const rerender = (errors: ReturnType<typeof formErrorsFrom>) =>
        reply.status(400).render('account/views/change-password.njk', {
          pageTitle: 'Change your password',
          mustChange: request.actor!.mustChangePassword,
          ...errors,
        });
      const parsed = changePasswordForm.safeParse({
        currentPassword: text('currentPassword'),
        newPassword: text('newPassword'),
        confirmPassword: text('confirmPassword'),
      });
      if (!parsed.success) return rerender(formErrorsFrom(parsed.error));
      const result = await changeOwnPassword(database, request.actor!, parsed.data, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      if (result.outcome === 'wrong_current') {
        return rerender({
          errorList: [{ text: 'Your current password is not right', href: '#currentPassword' }],
          fieldErrors: { currentPassword: { text: 'Your current password is not right' } },
        });
      }
      if (result.outcome === 'weak') {
        const text = result.problems.map((problem) => problem.message).join('. ');
        return rerender({ errorList: [{ text, href: '#newPassword' }], fieldErrors: { newPassword: { text } } });
      }
      return reply.render('account/views/password-changed.njk', { pageTitle: 'Your password has been changed' });
    },
  );
}
