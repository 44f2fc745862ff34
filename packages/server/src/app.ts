import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config';
import type { DatabaseHandle } from './platform/db/database';
import { createAuditLog } from './platform/audit/audit-log';
import { auditRoutes } from './platform/audit/audit-routes';
import { registerAuthentication } from './platform/auth/authenticate';
import { createCredentials } from './platform/auth/credentials';
import { registerProblemHandler } from './platform/errors/problem-handler';
import { healthRoutes } from './platform/http/health';
import { registerMetrics } from './platform/http/metrics';
import { registerOpenApi } from './platform/http/openapi';
import { registerWebApp } from './platform/http/web-app';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerInputGuards } from './platform/http/input-guards';
import { registerRateLimit } from './platform/http/rate-limit';
import { createLeanLane } from './platform/http/lean-lane';
import { createIdentity } from './capabilities/identity/index';
import { createTeams } from './capabilities/teams/index';
import { createCatalog } from './capabilities/catalog/index';
import { createExperiments } from './capabilities/experiments/index';
import { createBulkWriter } from './platform/db/bulk-writer';
import { statsRoutes } from './capabilities/stats/stats-routes';
import { coachRoutes } from './capabilities/prfaq/coach/index';
import { createCoe } from './capabilities/coe/index';
import { createNotifications, describeAddressed } from './capabilities/notifications/index';
import { createPrfaq } from './capabilities/prfaq/index';
import { createSearch } from './capabilities/search/index';
import { createInsights } from './capabilities/insights/index';
import { createFlywheel } from './capabilities/flywheel/index';
import { createAndon, CATALOG_TOPIC } from './capabilities/andon/index';
import { createLocalBus, createPostgresBus, type EventBus } from './platform/events/event-bus';
import { createDeliveryWorker, createOutbox, deliverySettingsFromEnv, resolveDeliverySettings, type DeliverySettings } from './platform/outbox/index';
import { andonNotifier, createWebhooks, newWebhookSecret } from './capabilities/webhooks/index';
import { attachmentRoutes, createAttachments } from './platform/attachments/index';

export type AppConfig = Pick<ServerConfig, 'logLevel' | 'bodyLimit' | 'secureCookies' | 'webDist' | 'adminToken' | 'attachmentMaxBytes' | 'oidc' | 'localPasswords'> & { heartbeatMs?: number; busRetryMs?: number } & {
  /** Outbox delivery (webhooks): polling, retries, timeouts; DAYONE_WEBHOOK_* in the environment otherwise. */
  delivery?: Partial<DeliverySettings>;
  /** The web app's public address, for links in Slack messages (DAYONE_PUBLIC_URL). */
  publicUrl?: string;
  /** Background jobs: hourly overdue-action-item reminders and the PR/FAQ decision windows (default yes,
   *  escalation); tests run them by hand. Default on. */
  reminders?: boolean;
  /** API requests per minute per token, person or address (DAYONE_RATE_LIMIT); absent or 0: no limit. */
  rateLimit?: number;
  /** The time, for token expiry; tests move it. Default the system clock. */
  clock?: () => Date;
  /** On close, how long the outbox may keep sending what is due (a graceful shutdown); default not at all. */
  shutdownGraceMs?: number;
  /** Answer the plain success case of the hottest reads (gate checks, team pages) before Fastify; default on. */
  leanLane?: boolean;
};

const REQUEST_ID_LOG_LABEL = 'requestId';

/** Change notices between the parts of one instance, and between instances on PostgreSQL. */
async function openBus(database: DatabaseHandle, retryMs?: number): Promise<EventBus> {
  if (database.dialect !== 'postgres') return createLocalBus();
  const bus = createPostgresBus({ db: database.db, url: database.url!, schema: database.schema!, retryMs });
  await bus.start();
  return bus;
}

/** The one composition root: wires the database into every capability and registers their routes.
 *  It never listens; tests drive it with inject() and start-server.ts puts it on a port. */
export async function buildApp(config: AppConfig, database: DatabaseHandle): Promise<FastifyInstance> {
  const lane = createLeanLane();
  lane.enabled = config.leanLane !== false;
  const app = Fastify({
    serverFactory: lane.serverFactory,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Every log line of a request carries the id that its answer (x-request-id, problem bodies) shows.
    logController: new LogController({ requestIdLogLabel: REQUEST_ID_LOG_LABEL }),
  });
  lane.attach(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only (and, per capability, the formats it declares): anything else is 415, not a guess.
  app.removeContentTypeParser('text/plain');
  // An action without a body (POST …/start) may still say application/json: an empty body is no body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) =>
    body === '' ? done(null, undefined) : parseJson(req, body as string, done),
  );
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'application/x-ndjson'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const { db, dialect } = database;
  const audit = createAuditLog(dialect);
  const bus = await openBus(database, config.busRetryMs);
  const credentials = createCredentials(db, bus, config.clock);

  registerProblemHandler(app);
  registerSecurityHeaders(app);
  registerInputGuards(app);
  await app.register(cookie);
  await registerOpenApi(app);
  const metrics = registerMetrics(app);
  registerAuthentication(app, credentials);
  const rateLimit = registerRateLimit(app, config.rateLimit);
  lane.configure({ credentials, metrics, rateLimit, log: app.log, requestIdLogLabel: REQUEST_ID_LOG_LABEL });
  healthRoutes(app, db);
  auditRoutes(app, db);

  const publicUrl = config.publicUrl ?? (process.env.DAYONE_PUBLIC_URL || undefined);
  // Bulk writes share one writer: on SQLite it keeps its prepared statements in its statement cache.
  const bulk = createBulkWriter(database);
  // Before anything writes: the index follows every audit entry from here on.
  const search = createSearch({ db, dialect, audit, bulk });
  const identity = createIdentity({
    db,
    audit,
    credentials,
    clock: config.clock,
    secureCookies: config.secureCookies,
    oidc: config.oidc,
    localPasswords: config.localPasswords,
    publicUrl,
    teamsChanged: () => teams.cache.changed(),
  });
  identity.routes(app);
  // Notices leave through the transactional outbox; webhooks are its first subscriber.
  const outbox = createOutbox({ bus });
  const webhooks = createWebhooks({ db, audit, outbox, publicUrl, describers: { coe: describeAddressed, prfaq: describeAddressed } });
  // People are the second: each notice lands in the inboxes (or personal webhooks) of those it concerns.
  const notifications = createNotifications({ db, audit, outbox, senderFor: webhooks.senderFor, deliveryLog: webhooks.deliveryLog, newSecret: newWebhookSecret });
  const delivery = createDeliveryWorker({ db, outbox, bus, settings: resolveDeliverySettings(deliverySettingsFromEnv(process.env), config.delivery), log: app.log });
  // Uploaded files live in the database; capabilities own them and check who may add one.
  const attachments = createAttachments({ audit, maxBytes: config.attachmentMaxBytes });
  attachmentRoutes(app, db, attachments);
  const coe = createCoe({ db, dialect, audit, outbox, attachments });
  app.addHook('onClose', async () => {
    coe.reminders.stop();
    await delivery.stop({ flushMs: config.shutdownGraceMs });
  });
  const andon = await createAndon({ db, dialect, audit, bus, notify: andonNotifier(outbox), startCoe: coe.startFromPull, heartbeatMs: config.heartbeatMs, log: app.log });
  app.addHook('onClose', async () => {
    andon.stop();
    await bus.close();
  });
  const catalog = createCatalog({
    db,
    audit,
    bus,
    bulk,
    onChanged: async () => {
      teams.cache.forget();
      await bus.broadcast({ topic: CATALOG_TOPIC });
      await andon.gates.reload('services');
    },
  });
  const teams = createTeams({ db, audit, bus, ownership: [catalog.ownership], findings: [catalog.teamFindings] });
  teams.routes(app);
  lane.route(teams.lane);
  catalog.routes(app);
  andon.routes(app);
  lane.route(andon.lane);
  createExperiments({ db, dialect, audit, bulk }).routes(app);
  statsRoutes(app);
  coachRoutes(app);
  coe.routes(app);
  notifications.routes(app);
  const prfaq = createPrfaq({ db, dialect, audit, outbox, attachments, log: app.log });
  prfaq.routes(app);
  app.addHook('onClose', async () => prfaq.scheduler.stop());
  webhooks.routes(app);
  search.routes(app);
  createInsights({ db, health: catalog.health, clock: config.clock }).routes(app);
  createFlywheel({ db, audit, clock: config.clock }).routes(app);

  await search.rebuildIfStale();
  await registerWebApp(app, config.webDist);
  if (config.adminToken) await identity.tokens.ensureAdminToken(config.adminToken);
  await app.ready();
  delivery.start();
  if (config.reminders !== false) {
    coe.reminders.start();
    prfaq.scheduler.start();
  }
  return app;
}
