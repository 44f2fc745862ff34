import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import { createNotificationsStore } from './notifications-store';
import { createNotificationsService } from './notifications-service';
import { notificationsRoutes } from './notifications-routes';

/** The in-app inbox. Other capabilities post to it with notify(trx, …) inside their own transaction. */
export function createNotifications(deps: { db: Db; audit: AuditLog }) {
  const service = createNotificationsService({ db: deps.db, store: createNotificationsStore(deps.db), audit: deps.audit });
  return { service, routes: (app: FastifyInstance) => notificationsRoutes(app, service) };
}
export { notify, type NoticeForPerson } from './notify';
