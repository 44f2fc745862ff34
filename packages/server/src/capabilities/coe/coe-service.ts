import { sql } from 'kysely';
import type { SectionName } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId, nowIso } from '../../platform/ids';
import { presentCoe, presentItem, type CoeRow, type CoeStore } from './coe-store';
import { durations, EMPTY_CONTENT, parseSection, SECTION_GUIDANCE, SECTION_NAMES } from './coe-sections';
import { lintCoe } from './coe-lint';
import { assertOwningTeam, isTeamMember } from './coe-policy';
import type { CoeAttachments } from './coe-attachments';

interface Deps {
  db: Db;
  store: CoeStore;
  audit: AuditLog;
  clock: () => Date;
  files: Pick<CoeAttachments, 'list'>;
}

export function createCoeService({ db, store, audit, clock, files }: Deps) {
  async function mustFind(trx: Db, n: number): Promise<CoeRow> {
    const row = await store.byNumber(trx, n);
    if (!row) throw new AppError('COE_NOT_FOUND', `No COE has number ${n}.`);
    return row;
  }

  async function detail(trx: Db, coe: CoeRow) {
    const sections = await store.sections(trx, coe.id);
    const items = await store.items(trx, coe.id);
    const people = await trx.selectFrom('people').select(['name', 'display_name']).where('kind', '=', 'person').limit(5000).execute();
    const content = (name: SectionName) => JSON.parse(sections.find((s) => s.name === name)?.content_json ?? JSON.stringify(EMPTY_CONTENT[name]));
    const now = clock();
    const tags = (await store.tags(trx, [coe.id])).get(coe.id)!;
    return {
      ...presentCoe(coe, tags),
      sections: SECTION_NAMES.map((name) => {
        const s = sections.find((x) => x.name === name);
        return { name, guidance: SECTION_GUIDANCE[name], content: content(name), version: s?.version ?? 1, updatedBy: s?.updated_by ?? null, updatedAt: s?.updated_at ?? null };
      }),
      actionItems: items.map((i) => presentItem(i, now)),
      reviews: (await store.reviews(trx, coe.id)).map((r) => ({ reviewer: r.reviewer, at: r.at, note: r.note })),
      comments: (await store.comments(trx, coe.id)).map((c) => ({ section: c.section, author: c.author, at: c.at, body: c.body })),
      durations: durations(content('timeline')),
      lint: lintCoe(SECTION_NAMES.map((name) => ({ name, content: content(name) })), people.flatMap((p) => [p.display_name, p.name]), items.length),
      related: await store.related(trx, coe, tags),
      attachments: await files.list(trx, coe),
    };
  }

  /** A new draft with every section empty (or prefilled), in the caller's transaction. */
  async function insertDraft(trx: Db, actor: Principal, input: { title: string; team: string; services: string[]; pulls: string[]; tags?: string[] }, prefill: Partial<Record<SectionName, unknown>> = {}) {
    const now = nowIso();
    const row: CoeRow = {
      id: newId(),
      number: await store.nextNumber(trx),
      title: input.title,
      team: input.team.toLowerCase(),
      status: 'draft',
      services_json: JSON.stringify(input.services.map((s) => s.toLowerCase())),
      pulls_json: JSON.stringify(input.pulls),
      created_by: actor.name,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto('coes').values(row).execute();
    await trx
      .insertInto('coe_sections')
      .values(SECTION_NAMES.map((name) => ({ coe_id: row.id, name, content_json: JSON.stringify(prefill[name] ?? EMPTY_CONTENT[name]), version: 1, updated_by: null, updated_at: null })))
      .execute();
    await store.addTags(trx, row.id, input.tags ?? []);
    await audit.record(trx, actor, { action: 'coe.created', entityType: 'coe', entityId: row.id, after: presentCoe(row, [...new Set(input.tags ?? [])].sort()) });
    return row;
  }

  async function change<T>(actor: Principal, n: number, action: string, work: (trx: Db, coe: CoeRow) => Promise<T>) {
    return db.transaction().execute(async (trx) => {
      const coe = await mustFind(trx, n);
      const result = await work(trx, coe);
      await audit.record(trx, actor, { action, entityType: 'coe', entityId: coe.id, after: result as unknown });
      return result;
    });
  }

  return {
    insertDraft,
    detail: (n: number) => db.transaction().execute(async (trx) => detail(trx, await mustFind(trx, n))),
    list: store.list,
    listItems: (q: Parameters<CoeStore['listItems']>[0]) => store.listItems(q, clock()),

    create: (actor: Principal, input: { title: string; team: string; services?: string[]; pulls?: string[]; tags?: string[] }) =>
      db.transaction().execute(async (trx) => {
        const team = await trx.selectFrom('teams').select('name').where(sql<string>`lower(name)`, '=', input.team.toLowerCase()).executeTakeFirst();
        if (!team) throw fieldError('team', `no team is named "${input.team}"`);
        return detail(trx, await insertDraft(trx, actor, { title: input.title, team: team.name, services: input.services ?? [], pulls: input.pulls ?? [], tags: input.tags }));
      }),

    /** Saves one section over the version that was read; a stale save gets 412 with the current text. */
    putSection: (actor: Principal, n: number, name: SectionName, expected: number, content: unknown) =>
      change(actor, n, 'coe.section_saved', async (trx, coe) => {
        await assertOwningTeam(trx, actor, coe.team, 'edit this COE');
        if (coe.status === 'closed') throw new AppError('COE_STATE', `COE ${n} is closed.`);
        const value = parseSection(name, content);
        const current = await trx.selectFrom('coe_sections').selectAll().where('coe_id', '=', coe.id).where('name', '=', name).executeTakeFirstOrThrow();
        const now = nowIso();
        const r = await trx
          .updateTable('coe_sections')
          .set({ content_json: JSON.stringify(value), version: current.version + 1, updated_by: actor.name, updated_at: now })
          .where('coe_id', '=', coe.id)
          .where('name', '=', name)
          .where('version', '=', expected)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) {
          throw new AppError('PRECONDITION_FAILED', `${current.updated_by ?? 'Someone'} saved ${name} (version ${current.version}) after the version ${expected} you edited.`, {
            extensions: { current: { content: JSON.parse(current.content_json), version: current.version, updatedBy: current.updated_by } },
          });
        }
        await store.touch(trx, coe);
        return { name, guidance: SECTION_GUIDANCE[name], content: value, version: current.version + 1, updatedBy: actor.name, updatedAt: now };
      }),

    comment: (actor: Principal, n: number, section: SectionName, body: string) =>
      change(actor, n, 'coe.commented', async (trx, coe) => {
        await trx.insertInto('coe_comments').values({ id: newId(), coe_id: coe.id, section, author: actor.name, at: nowIso(), body }).execute();
        return detail(trx, coe);
      }),

    submit: (actor: Principal, n: number) =>
      change(actor, n, 'coe.submitted', async (trx, coe) => {
        await assertOwningTeam(trx, actor, coe.team, 'submit this COE for review');
        if (coe.status !== 'draft') throw new AppError('COE_STATE', `COE ${n} is ${coe.status}; only a draft is submitted for review.`);
        await store.touch(trx, coe, { status: 'in_review' });
        return detail(trx, { ...coe, status: 'in_review', version: coe.version + 1 });
      }),

    /** Anyone may review; a review from outside the owning team marks the COE reviewed. */
    review: (actor: Principal, n: number, note: string) =>
      change(actor, n, 'coe.reviewed', async (trx, coe) => {
        if (coe.status === 'draft' || coe.status === 'closed') throw new AppError('COE_STATE', `COE ${n} is ${coe.status}; reviews are for COEs in review.`);
        const outside = !(await isTeamMember(trx, actor.id, coe.team));
        await trx.insertInto('coe_reviews').values({ id: newId(), coe_id: coe.id, reviewer: actor.name, outside: outside ? 1 : 0, at: nowIso(), note }).execute();
        const status = outside ? 'reviewed' : coe.status;
        await store.touch(trx, coe, { status });
        return detail(trx, { ...coe, status, version: coe.version + 1 });
      }),

    /** Closing needs an outside review and every action item done or won't-do; the refusal lists them. */
    close: (actor: Principal, n: number) =>
      change(actor, n, 'coe.closed', async (trx, coe) => {
        await assertOwningTeam(trx, actor, coe.team, 'close this COE');
        if (coe.status !== 'reviewed') {
          throw new AppError(coe.status === 'in_review' ? 'COE_NOT_REVIEWED' : 'COE_STATE', `COE ${n} is ${coe.status}; it closes once someone from outside ${coe.team} has reviewed it.`);
        }
        const open = (await store.items(trx, coe.id)).filter((i) => i.status === 'open' || i.status === 'in_progress');
        if (open.length) {
          throw new AppError('COE_HAS_OPEN_ACTION_ITEMS', `COE ${n} has ${open.length} open action item(s): ${open.map((i) => i.title).join('; ')}.`, {
            extensions: { openItems: open.map((i) => presentItem(i, clock())) },
          });
        }
        await store.touch(trx, coe, { status: 'closed' });
        return detail(trx, { ...coe, status: 'closed', version: coe.version + 1 });
      }),

    /** Tags are a set: adding one twice or removing one that is not there changes nothing. */
    tag: (actor: Principal, n: number, tag: string) =>
      change(actor, n, 'coe.tagged', async (trx, coe) => {
        await assertOwningTeam(trx, actor, coe.team, 'tag this COE');
        if (await store.addTags(trx, coe.id, [tag])) await store.touch(trx, coe);
        return { tags: (await store.tags(trx, [coe.id])).get(coe.id)! };
      }),

    untag: (actor: Principal, n: number, tag: string) =>
      change(actor, n, 'coe.untagged', async (trx, coe) => {
        await assertOwningTeam(trx, actor, coe.team, 'tag this COE');
        if (await store.removeTag(trx, coe.id, tag.toLowerCase())) await store.touch(trx, coe);
        return { tags: (await store.tags(trx, [coe.id])).get(coe.id)! };
      }),

    markdown: (n: number) => db.transaction().execute(async (trx) => detail(trx, await mustFind(trx, n))),
  };
}
export type CoeService = ReturnType<typeof createCoeService>;
