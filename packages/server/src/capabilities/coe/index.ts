import type { FastifyInstance } from 'fastify';
import type { Db, Dialect } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Outbox } from '../../platform/outbox/index';
import type { CoeStarter } from '../andon/index';
import { createCoeStore } from './coe-store';
import { createCoeService } from './coe-service';
import { createActionItems } from './action-items-service';
import { createCoeReminders } from './coe-reminders';
import { coeRoutes } from './coe-routes';
import { createCoeAttachments } from './coe-attachments';
import { createCoeFigures } from './coe-figures';
import { createAttachments, type Attachments } from '../../platform/attachments/index';

/** Corrections of Error: blameless write-ups with five whys, a timeline and action items chased to done. */
export function createCoe(deps: { db: Db; dialect: Dialect; audit: AuditLog; outbox: Outbox; attachments?: Attachments; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  const store = createCoeStore(deps.db, deps.dialect);
  const attachments = deps.attachments ?? createAttachments({ audit: deps.audit });
  const files = createCoeAttachments({ db: deps.db, store, attachments });
  const service = createCoeService({ db: deps.db, store, audit: deps.audit, clock, files });
  const items = createActionItems({ db: deps.db, store, audit: deps.audit, clock });
  const reminders = createCoeReminders({ db: deps.db, items, outbox: deps.outbox, clock });

  /** The draft a severity 1 or 2 pull leads to: linked to the pull and its service, timeline prefilled. */
  const startFromPull: CoeStarter = async (trx, actor, pull) => {
    const events = await trx.selectFrom('andon_events').select(['at', 'actor', 'type', 'body']).where('pull_id', '=', pull.id).orderBy('at').execute();
    const milestoneOf: Record<string, string | undefined> = { pulled: 'detected', acknowledged: 'acknowledged', resolved: 'resolved' };
    const timeline = events.map((e) => ({ at: e.at, text: `${e.actor} ${e.type}${e.body ? `: ${e.body}` : ''}`, ...(milestoneOf[e.type] ? { milestone: milestoneOf[e.type] } : {}) }));
    const row = await service.insertDraft(
      trx,
      actor,
      { title: `Pull #${pull.number}: ${pull.reason}`.slice(0, 300), team: pull.owner_team ?? 'organisation', services: pull.target_ref ? [pull.target_ref] : [], pulls: [pull.id] },
      { timeline },
    );
    return row.number;
  };

  return { service, items, files, reminders, startFromPull, routes: (app: FastifyInstance) => coeRoutes(app, { coes: service, items, files, figures: createCoeFigures({ db: deps.db, clock }), maxUploadBytes: attachments.maxBytes }) };
}
