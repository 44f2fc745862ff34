import { sql } from 'kysely';
import type { PrfaqBet, PrfaqDecision, PrfaqLintResult, PrfaqReviewRound, PrfaqSectionName } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { emptySections, parseSection, PRFAQ_SECTION_GUIDANCE, PRFAQ_SECTION_NAMES, type Sections } from './prfaq-sections';
import { presentPrfaq, presentVersion, type PrfaqRow, type PrfaqStore } from './prfaq-store';
import { assertCanEdit } from './prfaq-policy';
import { compareVersions } from './prfaq-compare';

/** What the document's detail shows from the other parts of the capability. */
export interface DetailParts {
  rounds(trx: Db, prfaq: PrfaqRow): Promise<PrfaqReviewRound[]>;
  decisions(trx: Db, prfaq: PrfaqRow): Promise<PrfaqDecision[]>;
  /** The writing coach on the current version, when the coach is part of this build. */
  coach?(sections: Sections, customer: string): PrfaqLintResult;
  /** Checks that uploaded mock-ups a customer-experience save points at belong to the document. */
  checkMockups?(trx: Db, prfaq: PrfaqRow, content: Sections['customerExperience']): Promise<void>;
}

/** Manual status steps: building follows a yes, launched follows building; anything not yet launched
 *  may be shelved; a shelved document may go back to draft. */
const MANUAL_STEPS: Record<string, PrfaqRow['status'][]> = {
  building: ['decided'],
  launched: ['building'],
  shelved: ['draft', 'in_review', 'decided', 'building'],
  draft: ['shelved'],
};

export function createPrfaqService({ db, store, audit, clock, parts }: { db: Db; store: PrfaqStore; audit: AuditLog; clock: () => Date; parts: DetailParts }) {
  const now = () => clock().toISOString();

  async function mustFind(trx: Db, n: number): Promise<PrfaqRow> {
    const row = await store.byNumber(trx, n);
    if (!row) throw new AppError('PRFAQ_NOT_FOUND', `No PR/FAQ has number ${n}.`);
    return row;
  }

  async function mustFindVersion(trx: Db, prfaq: PrfaqRow, n: number) {
    const v = await store.version(trx, prfaq.id, n);
    if (!v) throw new AppError('PRFAQ_VERSION_NOT_FOUND', `PR/FAQ ${prfaq.number} has versions 1 to ${prfaq.current_version}, not ${n}.`);
    return v;
  }

  async function detail(trx: Db, prfaq: PrfaqRow) {
    const rows = await store.sectionRows(trx, prfaq.id);
    const sections = Object.fromEntries(rows.map((r) => [r.name, JSON.parse(r.content_json)])) as Sections;
    return {
      ...presentPrfaq(prfaq),
      sections: PRFAQ_SECTION_NAMES.map((name) => {
        const r = rows.find((x) => x.name === name)!;
        return { name, guidance: PRFAQ_SECTION_GUIDANCE[name], content: sections[name], version: r.version, updatedBy: r.updated_by, updatedAt: r.updated_at };
      }),
      statusHistory: (await store.statusHistory(trx, prfaq.id)).map((e) => ({ from: e.from_status as PrfaqRow['status'] | null, to: e.to_status as PrfaqRow['status'], by: e.by_name, at: e.at, note: e.note })),
      rounds: await parts.rounds(trx, prfaq),
      decisions: await parts.decisions(trx, prfaq),
      coach: parts.coach ? parts.coach(sections, prfaq.customer) : null,
    };
  }

  const reread = async (trx: Db, prfaq: PrfaqRow) => detail(trx, (await store.byNumber(trx, prfaq.number))!);

  return {
    mustFind,
    detail: (n: number) => db.transaction().execute(async (trx) => detail(trx, await mustFind(trx, n))),
    list: store.list,

    create: (actor: Principal, input: { title: string; team: string; customer: string }) =>
      db.transaction().execute(async (trx) => {
        const team = await trx.selectFrom('teams').select('name').where(sql<string>`lower(name)`, '=', input.team.toLowerCase()).executeTakeFirst();
        if (!team) throw fieldError('team', `no team is named "${input.team}"`);
        const at = now();
        const row: PrfaqRow = {
          id: newId(),
          number: await store.nextNumber(trx),
          title: input.title,
          team: team.name.toLowerCase(),
          author: actor.name,
          customer: input.customer,
          status: 'draft',
          decision: null,
          current_version: 0,
          bet_probability: null,
          bet_payoff: null,
          bet_cost: null,
          created_at: at,
          updated_at: at,
          version: 1,
        };
        await trx.insertInto('prfaqs').values(row).execute();
        const empty = emptySections();
        await trx
          .insertInto('prfaq_sections')
          .values(PRFAQ_SECTION_NAMES.map((name) => ({ prfaq_id: row.id, name, content_json: JSON.stringify(empty[name]), version: 1, updated_by: null, updated_at: null })))
          .execute();
        await store.snapshot(trx, row, 'created', actor.name, at);
        await trx.insertInto('prfaq_status_events').values({ id: newId(), prfaq_id: row.id, from_status: null, to_status: 'draft', by_name: actor.name, at, note: '' }).execute();
        await audit.record(trx, actor, { action: 'prfaq.created', entityType: 'prfaq', entityId: row.id, after: presentPrfaq(row) });
        return reread(trx, row);
      }),

    /** Title, customer and bold-bet estimate, over the document version read (If-Match). A new title
     *  or customer is a new content version. */
    patch: (actor: Principal, n: number, expected: number, patch: { title?: string; customer?: string; bet?: PrfaqBet | null }) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        await assertCanEdit(trx, actor, prfaq, 'change this PR/FAQ');
        const set: Partial<PrfaqRow> = { updated_at: now(), version: prfaq.version + 1 };
        if (patch.title !== undefined) set.title = patch.title;
        if (patch.customer !== undefined) set.customer = patch.customer;
        if (patch.bet !== undefined) {
          set.bet_probability = patch.bet?.probability ?? null;
          set.bet_payoff = patch.bet?.payoff ?? null;
          set.bet_cost = patch.bet?.cost ?? null;
        }
        const r = await trx.updateTable('prfaqs').set(set).where('id', '=', prfaq.id).where('version', '=', expected).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) {
          throw new AppError('PRECONDITION_FAILED', `PR/FAQ ${n} is at version ${prfaq.version}, not ${expected}; reload it.`, { extensions: { current: presentPrfaq(prfaq) } });
        }
        const textChanged = (patch.title !== undefined && patch.title !== prfaq.title) || (patch.customer !== undefined && patch.customer !== prfaq.customer);
        if (textChanged) await store.snapshot(trx, prfaq, 'details', actor.name, set.updated_at!);
        const after = await reread(trx, prfaq);
        await audit.record(trx, actor, { action: 'prfaq.updated', entityType: 'prfaq', entityId: prfaq.id, before: presentPrfaq(prfaq), after: presentPrfaq({ ...prfaq, ...set } as PrfaqRow) });
        return after;
      }),

    /** Saves one section over the version that was read; every save is a new content version. A stale
     *  save gets 412 with the section's current text, so nobody's words are lost. */
    putSection: (actor: Principal, n: number, name: PrfaqSectionName, expected: number, content: unknown) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        await assertCanEdit(trx, actor, prfaq, 'edit this PR/FAQ');
        if (prfaq.status === 'shelved') throw new AppError('PRFAQ_STATE', `PR/FAQ ${n} is shelved; move it back to draft to edit it.`);
        const value = parseSection(name, content);
        if (name === 'customerExperience') await parts.checkMockups?.(trx, prfaq, value as Sections['customerExperience']);
        const current = await trx.selectFrom('prfaq_sections').selectAll().where('prfaq_id', '=', prfaq.id).where('name', '=', name).executeTakeFirstOrThrow();
        const at = now();
        const r = await trx
          .updateTable('prfaq_sections')
          .set({ content_json: JSON.stringify(value), version: current.version + 1, updated_by: actor.name, updated_at: at })
          .where('prfaq_id', '=', prfaq.id)
          .where('name', '=', name)
          .where('version', '=', expected)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) {
          const latest = await trx.selectFrom('prfaq_sections').selectAll().where('prfaq_id', '=', prfaq.id).where('name', '=', name).executeTakeFirstOrThrow();
          throw new AppError('PRECONDITION_FAILED', `${latest.updated_by ?? 'Someone'} saved ${name} (version ${latest.version}) after the version ${expected} you edited; merge your text into theirs and save again.`, {
            extensions: { current: { content: JSON.parse(latest.content_json), version: latest.version, updatedBy: latest.updated_by, updatedAt: latest.updated_at } },
          });
        }
        const documentVersion = await store.snapshot(trx, prfaq, name, actor.name, at);
        const saved = { name, guidance: PRFAQ_SECTION_GUIDANCE[name], content: value, version: current.version + 1, updatedBy: actor.name, updatedAt: at, documentVersion };
        await audit.record(trx, actor, { action: 'prfaq.section_saved', entityType: 'prfaq', entityId: prfaq.id, before: { section: name, content: JSON.parse(current.content_json) }, after: { section: name, content: value, documentVersion } });
        return saved;
      }),

    versions: (n: number, query: { limit: number; cursor?: string }) =>
      db.transaction().execute(async (trx) => store.listVersions(trx, (await mustFind(trx, n)).id, query)),

    version: (n: number, v: number) =>
      db.transaction().execute(async (trx) => presentVersion(await mustFindVersion(trx, await mustFind(trx, n), v))),

    compare: (n: number, from: number, to: number) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        const snap = async (v: number) => {
          const row = await mustFindVersion(trx, prfaq, v);
          return { number: row.number, title: row.title, customer: row.customer, sections: JSON.parse(row.sections_json) as Sections };
        };
        return compareVersions(await snap(from), await snap(to));
      }),

    /** The document and one version of it (the current one by default), for the Markdown export. */
    forExport: (n: number, v?: number) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        const row = await mustFindVersion(trx, prfaq, v ?? prfaq.current_version);
        return { doc: presentPrfaq(prfaq), version: { number: row.number, title: row.title, customer: row.customer, savedAt: row.saved_at, sections: JSON.parse(row.sections_json) as Sections } };
      }),

    /** The steps a person takes by hand; review rounds and decisions move the others. */
    setStatus: (actor: Principal, n: number, to: 'draft' | 'building' | 'launched' | 'shelved', note: string) =>
      db.transaction().execute(async (trx) => {
        const prfaq = await mustFind(trx, n);
        await assertCanEdit(trx, actor, prfaq, 'change the status of this PR/FAQ');
        const from = MANUAL_STEPS[to];
        if (!from.includes(prfaq.status) || (to === 'building' && prfaq.decision !== 'yes')) {
          const why = to === 'building' ? 'building starts after a yes' : to === 'launched' ? 'only what is being built launches' : to === 'draft' ? 'only a shelved PR/FAQ goes back to draft' : 'it is launched or shelved already';
          throw new AppError('PRFAQ_STATE', `PR/FAQ ${n} is ${prfaq.status}${prfaq.decision ? ` (${prfaq.decision})` : ''}; ${why}.`);
        }
        const open = await trx.selectFrom('prfaq_decisions').select('id').where('prfaq_id', '=', prfaq.id).where('state', '!=', 'decided').executeTakeFirst();
        if (to === 'shelved' && open) throw new AppError('PRFAQ_DECISION_PENDING', `PR/FAQ ${n} has a decision pending; it is shelved once that is decided.`);
        await store.recordStatus(trx, prfaq, to, actor.name, now(), note, to === 'draft' ? { decision: null } : {});
        await audit.record(trx, actor, { action: 'prfaq.status_changed', entityType: 'prfaq', entityId: prfaq.id, before: { status: prfaq.status }, after: { status: to, note } });
        return reread(trx, prfaq);
      }),
  };
}
export type PrfaqService = ReturnType<typeof createPrfaqService>;
