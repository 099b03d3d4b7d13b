/**
 * Builds the Kith application without listening, so tests can `inject` requests and the
 * server (server.ts) can add config, migrations and a port. The platform is set up first;
 * then every feature is added from its manifest (`src/features/<name>/feature.ts`): its
 * routes, its navigation entries, its chronology source and its audit actions. Adding a
 * feature is one line in `features` below.
 */
import formBody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerApiDocumentationRoutes } from './platform/api/routes.js';
import { registerOpenApi } from './platform/api/openapi.js';
import { requireAccessDeclaration, type RegisteredRoute } from './platform/access/route-access.js';
import { enforceDeclaredAudit } from './platform/audit/declared-audit.js';
import { acceptIdempotencyKeys } from './platform/idempotency/idempotency.js';
import { loadManifest } from './platform/assets/manifest.js';
import { registerAssetRoutes } from './platform/assets/routes.js';
import { AuditCatalogue } from './platform/audit/catalogue.js';
import { ChronologySources } from './platform/chronology/sources.js';
import type { Database } from './platform/db/database.js';
import type { FeatureContext, KithFeature } from './platform/features/feature.js';
import { registerErrorHandling } from './platform/http/errors.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerIdentity } from './platform/identity/request-identity.js';
import type { SessionPolicy } from './platform/identity/session-store.js';
import { loggerOptions, requestIdFrom } from './platform/log/logger.js';
import { createViewEnvironment } from './platform/views/nunjucks.js';
import { registerRendering } from './platform/views/render.js';
import { accountFeature } from './features/account/feature.js';
import { accountPages } from './features/account/index.js';
import { administrationFeature } from './features/administration/feature.js';
import { allocationFeature } from './features/allocation/feature.js';
import { assessmentOfNeedFeature } from './features/assessment-of-need/feature.js';
import { auditTrailFeature } from './features/audit-trail/feature.js';
import { caseloadFeature } from './features/caseload/feature.js';
import { childRecordFeature } from './features/child-record/feature.js';
import { episodesFeature } from './features/episodes/feature.js';
import { frontDoorFeature } from './features/front-door/feature.js';
import { healthFeature } from './features/health/feature.js';
import { languageFeature } from './features/language/feature.js';
import { mappingFeature } from './features/mapping/feature.js';
import { meetingsFeature } from './features/meetings/feature.js';
import { networkFeature } from './features/network/feature.js';
import { peopleFeature } from './features/people/feature.js';
import { plansFeature } from './features/plans/feature.js';
import { restrictedAccessFeature } from './features/restricted-access/feature.js';
import { safeUncertaintyFeature } from './features/safe-uncertainty/feature.js';
import { signInFeature } from './features/sign-in/feature.js';
import { identityPaths } from './features/sign-in/index.js';
import { startFeature } from './features/start/feature.js';
import { timescalesFeature } from './features/timescales/feature.js';
import { voiceFeature } from './features/voice/feature.js';

/** Every feature, in the order its routes are registered. */
export const features: readonly KithFeature[] = [
  healthFeature,
  startFeature,
  signInFeature,
  childRecordFeature,
  caseloadFeature,
  auditTrailFeature,
  accountFeature,
  administrationFeature,
  restrictedAccessFeature,
  peopleFeature,
  networkFeature,
  mappingFeature,
  plansFeature,
  languageFeature,
  safeUncertaintyFeature,
  assessmentOfNeedFeature,
  voiceFeature,
  meetingsFeature,
  episodesFeature,
  timescalesFeature,
  allocationFeature,
  frontDoorFeature,
];

export interface AppOptions {
  database: Database;
  sessionSecret: string;
  sessionPolicy: SessionPolicy;
  logLevel?: string;
  trustProxy?: boolean;
  /** Features added after Kith's own (a test's stand-in chronology source, say). */
  extraFeatures?: readonly KithFeature[];
}

export interface KithApp {
  app: FastifyInstance;
  /** Every route with its declared access: the route × role test walks this. */
  routes: RegisteredRoute[];
  /** Every declared audit action with its readable name. */
  auditCatalogue: AuditCatalogue;
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

  const all = [...features, ...(options.extraFeatures ?? [])];
  const context: FeatureContext = {
    database: options.database,
    sessionPolicy: options.sessionPolicy,
    chronology: new ChronologySources(all.flatMap((feature) => feature.chronology ?? [])),
    auditCatalogue: new AuditCatalogue(all.flatMap((feature) => (feature.auditActions ? [feature.auditActions] : []))),
  };

  const routes = requireAccessDeclaration(app);
  enforceDeclaredAudit(app, options.database);
  const manifest = loadManifest();
  const navigation = all
    .flatMap((feature) => feature.navigation ?? [])
    .sort((a, b) => a.order - b.order)
    .map(({ text, href, permission }) => ({ text, href, permission }));
  const recordSections = all.flatMap((feature) => feature.recordSections ?? []);
  registerRendering(app, createViewEnvironment(manifest, recordSections), navigation);
  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  await app.register(formBody, { bodyLimit: BODY_LIMIT_BYTES });
  await registerOpenApi(app);
  await registerAssetRoutes(app, manifest);
  await registerIdentity(app, {
    database: options.database,
    sessionSecret: options.sessionSecret,
    sessionPolicy: options.sessionPolicy,
    signInPath: identityPaths.signInPath,
    secondFactorPath: identityPaths.secondFactorPath,
    changePasswordPath: accountPages.changePassword.pattern,
  });
  registerApiDocumentationRoutes(app);
  acceptIdempotencyKeys(app, options.database);

  for (const feature of all) await feature.routes?.(app, context);

  await app.ready();
  return { app, routes, auditCatalogue: context.auditCatalogue };
}
