/**
 * Builds the Kith application without listening, so tests can `inject` requests and the
 * server (server.ts) can add config, migrations and a port. Every feature is registered here
 * by hand, so the whole URL map is on one screen.
 */
import formBody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerApiDocumentationRoutes } from './platform/api/routes.js';
import { registerOpenApi } from './platform/api/openapi.js';
import { requireAccessDeclaration, type RegisteredRoute } from './platform/access/route-access.js';
import { loadManifest } from './platform/assets/manifest.js';
import { registerAssetRoutes } from './platform/assets/routes.js';
import type { Database } from './platform/db/database.js';
import { registerErrorHandling } from './platform/http/errors.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { loggerOptions, requestIdFrom } from './platform/log/logger.js';
import { createViewEnvironment } from './platform/views/nunjucks.js';
import { registerRendering } from './platform/views/render.js';
import { registerHealthRoutes } from './features/health/routes.js';
import { registerStartRoutes } from './features/start/routes.js';
import { registerCaseloadRoutes } from './features/caseload/routes.js';
import { registerAuditTrailRoutes } from './features/audit-trail/routes.js';
import { registerAccountRoutes } from './features/account/routes.js';
import { registerAdministrationRoutes } from './features/administration/routes.js';
import { registerPeopleRoutes } from './features/people/routes.js';
import { registerAccountApiRoutes } from './features/account/api-routes.js';
import { registerCaseloadApiRoutes } from './features/caseload/api-routes.js';
import { registerNetworkApiRoutes } from './features/network/api-routes.js';
import { registerNetworkRoutes } from './features/network/routes.js';
import { registerMappingApiRoutes } from './features/mapping/api-routes.js';
import { registerMappingRoutes } from './features/mapping/routes.js';
import { registerPlansRoutes } from './features/plans/routes.js';
import { registerPlansApiRoutes } from './features/plans/api-routes.js';
import { registerMeetingsApiRoutes } from './features/meetings/api-routes.js';
import { registerMeetingsRoutes } from './features/meetings/routes.js';
import { meetingsPaths } from './features/meetings/paths.js';
import { registerLanguageApiRoutes } from './features/language/api-routes.js';
import { languageAdminPaths, languagePaths, registerLanguageRoutes } from './features/language/routes.js';
import { registerVoiceRoutes } from './features/voice/routes.js';
import { registerVoiceApiRoutes } from './features/voice/api-routes.js';
import { registerRestrictedAccessRoutes } from './features/restricted-access/routes.js';
import { registerSafeUncertaintyRoutes } from './features/safe-uncertainty/routes.js';
import { registerSafeUncertaintyApiRoutes } from './features/safe-uncertainty/api-routes.js';
import { registerAssessmentOfNeedRoutes } from './features/assessment-of-need/routes.js';
import { registerAssessmentOfNeedApiRoutes } from './features/assessment-of-need/api-routes.js';
import { restrictedAccessPaths } from './features/restricted-access/paths.js';
import { administrationPaths } from './features/administration/paths.js';
import { accountPaths } from './features/account/paths.js';
import { auditTrailPaths } from './features/audit-trail/paths.js';
import { caseloadPaths } from './features/caseload/paths.js';
import { startPaths } from './features/start/paths.js';
import { registerChronologySource } from './features/voice/service.js';
import { mappingChronologyEvents } from './features/mapping/service.js';
import { safeUncertaintyChronologyEvents } from './features/safe-uncertainty/service.js';
import { assessmentChronologyEvents } from './features/assessment-of-need/service.js';
import { planChronologyEvents } from './features/plans/service.js';
import { meetingChronologyEvents } from './features/meetings/service.js';
import { registerSignInRoutes } from './features/sign-in/routes.js';
import { signInPaths } from './features/sign-in/paths.js';
import { registerIdentity } from './platform/identity/request-identity.js';
import type { SessionPolicy } from './platform/identity/session-store.js';

export interface AppOptions {
  database: Database;
  sessionSecret: string;
  sessionPolicy: SessionPolicy;
  logLevel?: string;
  trustProxy?: boolean;
}

export interface KithApp {
  app: FastifyInstance;
  /** Every route with its declared access: the route × role test walks this. */
  routes: RegisteredRoute[];
}

/** Longest text a form or API body may carry; long case notes fit with room to spare. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<KithApp> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info'),
    genReqId: requestIdFrom,
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const routes = requireAccessDeclaration(app);
  const manifest = loadManifest();
  registerRendering(app, createViewEnvironment(manifest), [
    { text: 'Children you work with', href: caseloadPaths.caseload.href({}), permission: 'caseload.view' },
    { text: 'Search', href: '/search', permission: 'caseload.view' },
    { text: 'Your conferences', href: meetingsPaths.conferences, permission: 'conferences.coordinate' },
    { text: 'Restricted records opened', href: restrictedAccessPaths.reviews, permission: 'restricted_access.review' },
    { text: 'Audit log', href: auditTrailPaths.search, permission: 'audit.search' },
    { text: 'Words that help', href: languagePaths.glossary, permission: 'account.read_own' },
    { text: 'Accounts', href: administrationPaths.users, permission: 'users.manage' },
    { text: 'Companion words', href: languageAdminPaths.list, permission: 'users.manage' },
  ]);
  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  await app.register(formBody, { bodyLimit: BODY_LIMIT_BYTES });
  await registerOpenApi(app);
  await registerAssetRoutes(app, manifest);
  await registerIdentity(app, {
    database: options.database,
    sessionSecret: options.sessionSecret,
    sessionPolicy: options.sessionPolicy,
    signInPath: signInPaths.signIn,
    secondFactorPath: signInPaths.twoFactor,
    changePasswordPath: accountPaths.changePassword,
  });

  registerApiDocumentationRoutes(app);
  registerHealthRoutes(app, options.database);
  registerStartRoutes(app);
  registerSignInRoutes(app, {
    database: options.database,
    sessionPolicy: options.sessionPolicy,
    homePath: startPaths.start,
  });
  registerCaseloadRoutes(app, options.database);
  registerAuditTrailRoutes(app, options.database);
  registerAccountRoutes(app, options.database);
  registerAdministrationRoutes(app, options.database);
  registerRestrictedAccessRoutes(app, options.database);
  registerPeopleRoutes(app, options.database);
  registerAccountApiRoutes(app);
  registerCaseloadApiRoutes(app, options.database);
  registerNetworkApiRoutes(app, options.database);
  registerNetworkRoutes(app, options.database);
  registerMappingApiRoutes(app, options.database);
  registerMappingRoutes(app, options.database);
  registerPlansRoutes(app, options.database);
  registerPlansApiRoutes(app, options.database);
  registerLanguageApiRoutes(app, options.database);
  registerLanguageRoutes(app, options.database);
  registerSafeUncertaintyRoutes(app, options.database);
  registerSafeUncertaintyApiRoutes(app, options.database);
  registerAssessmentOfNeedRoutes(app, options.database);
  registerAssessmentOfNeedApiRoutes(app, options.database);
  // The child's chronology gathers events from the other parts of the record.
  registerChronologySource({ type: 'mapping', name: 'Mappings', read: mappingChronologyEvents });
  registerChronologySource({
    type: 'safe_uncertainty',
    name: 'Safe uncertainty',
    read: safeUncertaintyChronologyEvents,
  });
  registerChronologySource({ type: 'assessment', name: 'Assessments of need', read: assessmentChronologyEvents });
  registerChronologySource({ type: 'plan', name: 'Plans and reviews', read: planChronologyEvents });
  registerChronologySource({ type: 'meeting', name: 'Meetings', read: meetingChronologyEvents });
  registerVoiceRoutes(app, options.database);
  registerVoiceApiRoutes(app, options.database);
  registerMeetingsRoutes(app, options.database);
  registerMeetingsApiRoutes(app, options.database);

  await app.ready();
  return { app, routes };
}
