import type { FastifyInstance } from 'fastify';
import type { Db, Dialect } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import { createExperimentsStore } from './experiments-store';
import { createExperimentsService } from './experiments-service';
import { createEventIngest } from './event-ingest';
import { experimentsRoutes } from './experiments-routes';
import { createBulkWriter, type BulkWriter } from '../../platform/db/bulk-writer';

/** Experiments: deterministic assignment, event ingestion into rollups, decisions with lessons. */
export function createExperiments(deps: { db: Db; dialect: Dialect; audit: AuditLog; bulk?: BulkWriter }) {
  const store = createExperimentsStore(deps.db);
  const service = createExperimentsService({ db: deps.db, store, audit: deps.audit });
  const events = createEventIngest(deps.db, deps.dialect, deps.bulk ?? createBulkWriter({}));
  return { service, store, routes: (app: FastifyInstance) => experimentsRoutes(app, service, events) };
}
