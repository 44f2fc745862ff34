import { parseAllDocuments, type Document } from 'yaml';
import { sql } from 'kysely';
import type { ImportSummary } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import type { AuditLog, AuditRecord } from '../../platform/audit/audit-log';
import { createBulkWriter, type BulkWriter } from '../../platform/db/bulk-writer';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { newId, nowIso } from '../../platform/ids';
import type { TeamsTable } from '../../platform/db/tables/teams';
import type { CatalogService } from './catalog-service';
import type { CatalogStore } from './catalog-store';
import { normaliseEntity, type NormalisedEntity } from './catalog-normalise';
import { refusalsWithin } from './catalog-policy';
import { readSimpleYaml } from './catalog-yaml';
import { mapDocument, memberName, type GroupDoc, type MappedDocument, type UserDoc } from './backstage-mapping';

type Outcome = ImportSummary['results'][number];
type EntityDoc = Extract<MappedDocument, { type: 'entity' }>;
type Applied = { status: Outcome['status']; reason?: string };
const BATCH = 1000;

/** Parses a multi-document catalog-info.yaml; a document that does not parse stops the import (400).
 *  Streams of the plain kind most are take the quick reader (catalog-yaml.ts), which reads the same. */
export function parseCatalogYaml(text: string): unknown[] {
  return readSimpleYaml(text) ?? parseYamlStream(text);
}

/** Every document of a stream through the `yaml` library, which reads all of YAML and names what is wrong. */
export function parseYamlStream(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, i) => {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      throw new AppError('YAML_PARSE_ERROR', `document ${i + 1}${line ? `, line ${line}` : ''}: ${error.message.split('\n')[0]}`, {
        errors: [{ path: `document[${i + 1}]${line ? `.line[${line}]` : ''}`, message: error.message.split('\n')[0] }],
      });
    }
  });
  return list.map(plainData).filter((d) => d !== null && d !== undefined);
}

/** A document as plain JSON data. Aliases that name no anchor, that contain themselves or that expand
 *  without end (a "billion laughs") are parse errors too, not failures of the server. */
function plainData(doc: Document.Parsed, i: number): unknown {
  try {
    return JSON.parse(JSON.stringify(doc.toJS()) ?? 'null');
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new AppError('YAML_PARSE_ERROR', `document ${i + 1}: ${message}`, { errors: [{ path: `document[${i + 1}]`, message }] });
  }
}

interface Deps {
  db: Db;
  audit: AuditLog;
  catalog: CatalogService;
  store: CatalogStore;
  /** Writes new teams, their parents and the organisation part's audit entries (see BulkWriter). */
  bulk?: BulkWriter;
}

/** An entity refused for what it says or who asks (a 4xx) is reported; anything else stops its batch. */
function refused(error: unknown): Applied {
  if (error instanceof AppError && error.status < 500) return { status: 'rejected', reason: error.detail };
  throw error;
}

/** Every team name the organisation part of an import looks up: the groups, their parents and children,
 *  and the groups users are members of. A reference that does not parse is left to fail where it is used. */
function teamNames(groups: GroupDoc[], users: UserDoc[]): string[] {
  const names: string[] = [];
  const add = (text: string) => {
    try {
      names.push(memberName(text, 'group', 'default'));
    } catch {
      // applyOrgLinks meets it again and fails there, as it always has
    }
  };
  for (const g of groups) {
    names.push(g.name);
    if (g.parent) add(g.parent);
    g.children.forEach(add);
  }
  for (const u of users) u.memberOf.forEach(add);
  return names;
}

/** The teams an import touches, by lower-case name, as its transaction leaves them: read in one go, then
 *  kept in step with every write the import makes to them. New teams wait here to be written together
 *  (flush), as do the rows whose parent changed (see applyOrgLinks). */
class TeamsByName {
  private readonly rows = new Map<string, TeamsTable>();
  private created: TeamsTable[] = [];

  static async load(trx: Db, names: string[]): Promise<TeamsByName> {
    const teams = new TeamsByName();
    const wanted = [...new Set(names.map((n) => n.toLowerCase()))];
    for (let start = 0; start < wanted.length; start += 500) {
      const part = wanted.slice(start, start + 500);
      for (const row of await trx.selectFrom('teams').selectAll().where(sql<string>`lower(name)`, 'in', part).execute()) teams.rows.set(row.name.toLowerCase(), row);
    }
    return teams;
  }

  get(name: string): TeamsTable | undefined {
    return this.rows.get(name.toLowerCase());
  }

  /** After a write: the row as it now stands. */
  set(row: TeamsTable): void {
    this.rows.set(row.name.toLowerCase(), row);
  }

  /** A new team, written at the next flush. */
  add(row: TeamsTable): void {
    this.set(row);
    this.created.push(row);
  }

  /** Writes the new teams; done before anything reads or changes stored teams. */
  async flush(trx: Db, bulk: BulkWriter): Promise<void> {
    const rows = this.created;
    this.created = [];
    await bulk.insert(trx, 'teams', rows);
  }
}

/** Imports Backstage descriptors: users, then groups (teams), then catalog entities. Each entity is
 *  applied atomically and idempotently; a refused or invalid one is reported and the rest proceeds. */
export function createCatalogImport({ db, audit, catalog, store, bulk }: Deps) {
  const writer = bulk ?? createBulkWriter({});
  async function importUser(trx: Db, actor: Principal, u: UserDoc, log: AuditRecord[]): Promise<Outcome['status'] | string> {
    const existing = await trx.selectFrom('people').selectAll().where(sql<string>`lower(name)`, '=', u.name.toLowerCase()).executeTakeFirst();
    const email = u.email?.toLowerCase() ?? null;
    const displayName = u.displayName ?? u.name;
    if (!existing) {
      if (email && (await trx.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst())) return `spec.profile.email: ${email} belongs to someone else`;
      const now = nowIso();
      const row = { id: newId(), name: u.name, email, display_name: displayName, role: 'member' as const, kind: 'person' as const, password_hash: null, created_at: now, updated_at: now };
      await trx.insertInto('people').values(row).execute();
      log.push({ action: 'person.imported', entityType: 'person', entityId: row.id, after: { name: u.name, email, displayName } });
      return 'created';
    }
    if (existing.display_name === displayName && (email === null || existing.email === email)) return 'unchanged';
    if (actor.role !== 'admin' && actor.id !== existing.id) return `only ${existing.name} or an admin may change this person`;
    const after = { display_name: displayName, email: email ?? existing.email, updated_at: nowIso() };
    await trx.updateTable('people').set(after).where('id', '=', existing.id).execute();
    log.push({ action: 'person.updated', entityType: 'person', entityId: existing.id, before: { displayName: existing.display_name, email: existing.email }, after: { displayName, email: after.email } });
    return 'updated';
  }

  async function mayEditTeam(trx: Db, actor: Principal, teamId: string, createdNow: Set<string>) {
    if (actor.role === 'admin' || createdNow.has(teamId)) return true;
    return !!(await trx.selectFrom('team_members').select('team_id').where('team_id', '=', teamId).where('person_id', '=', actor.id).executeTakeFirst());
  }

  /** Creates or updates one team from a Group; parents and members are applied once every group exists. */
  async function importGroup(trx: Db, actor: Principal, g: GroupDoc, createdNow: Set<string>, teams: TeamsByName, log: AuditRecord[]): Promise<Outcome['status'] | string> {
    const existing = teams.get(g.name);
    const displayName = g.displayName ?? g.name;
    const mission = g.description ?? '';
    if (!existing) {
      const now = nowIso();
      const row = { id: newId(), name: g.name, display_name: displayName, mission, parent_id: null, leader_id: null, version: 1, created_at: now, updated_at: now };
      teams.add(row);
      createdNow.add(row.id);
      log.push({ action: 'team.imported', entityType: 'team', entityId: row.id, after: { name: g.name, displayName, mission } });
      return 'created';
    }
    if (existing.display_name === displayName && existing.mission === mission) return 'unchanged';
    if (!(await mayEditTeam(trx, actor, existing.id, createdNow))) return `only members of ${existing.name} (or admins) may change it`;
    const changed = { display_name: displayName, mission, version: existing.version + 1, updated_at: nowIso() };
    await teams.flush(trx, writer); // the team may be one this import has just created
    await trx.updateTable('teams').set(changed).where('id', '=', existing.id).execute();
    teams.set({ ...existing, ...changed });
    log.push({ action: 'team.updated', entityType: 'team', entityId: existing.id, before: { displayName: existing.display_name, mission: existing.mission }, after: { displayName, mission } });
    return 'updated';
  }

  /** Parent links and memberships from Group.parent/children/members and User.memberOf. */
  async function applyOrgLinks(trx: Db, actor: Principal, groups: GroupDoc[], users: UserDoc[], createdNow: Set<string>, teams: TeamsByName, log: AuditRecord[]): Promise<Map<string, string>> {
    const notes = new Map<string, string>();
    const note = (group: string, text: string) => notes.set(group, [notes.get(group), text].filter(Boolean).join('; '));
    const parentOf = new Map<string, string>();
    for (const g of groups) {
      if (g.parent) parentOf.set(g.name.toLowerCase(), memberName(g.parent, 'group', 'default'));
      for (const child of g.children) parentOf.set(memberName(child, 'group', 'default'), g.name.toLowerCase());
    }
    await teams.flush(trx, writer);
    // Each team changes parent at most once (parentOf has one parent per child): the changed rows are
    // written together once all are known, before the memberships change versions again.
    const reparented: TeamsTable[] = [];
    for (const [child, parent] of parentOf) {
      const c = teams.get(child);
      const p = teams.get(parent);
      if (!c) continue;
      if (!p) { note(child, `parent ${parent} is not a team`); continue; }
      if (c.parent_id === p.id) continue;
      if (!(await mayEditTeam(trx, actor, c.id, createdNow))) { note(child, `parent not changed: only members of ${c.name} may`); continue; }
      const changed = { ...c, parent_id: p.id, version: c.version + 1, updated_at: nowIso() };
      reparented.push(changed);
      teams.set(changed);
      log.push({ action: 'team.updated', entityType: 'team', entityId: c.id, before: { parent: c.parent_id }, after: { parent: p.name } });
    }
    await writer.update(trx, 'teams', 'id', ['parent_id', 'version', 'updated_at'], reparented);
    const memberships: [string, string][] = [
      ...groups.flatMap((g) => g.members.map((m) => [g.name.toLowerCase(), memberName(m, 'user', 'default')] as [string, string])),
      ...users.flatMap((u) => u.memberOf.map((t) => [memberName(t, 'group', 'default'), u.name.toLowerCase()] as [string, string])),
    ];
    for (const [teamName, personName] of memberships) {
      const team = teams.get(teamName);
      const person = await trx.selectFrom('people').select(['id', 'name']).where(sql<string>`lower(name)`, '=', personName).executeTakeFirst();
      if (!team) continue;
      if (!person) { note(teamName, `member ${personName} is not a person here`); continue; }
      if (await trx.selectFrom('team_members').select('team_id').where('team_id', '=', team.id).where('person_id', '=', person.id).executeTakeFirst()) continue;
      if (!(await mayEditTeam(trx, actor, team.id, createdNow))) { note(teamName, `member ${person.name} not added: only members of ${team.name} may`); continue; }
      await trx.insertInto('team_members').values({ team_id: team.id, person_id: person.id, added_at: nowIso() }).execute();
      await trx.updateTable('teams').set({ version: sql`version + 1` }).where('id', '=', team.id).execute();
      teams.set({ ...team, version: team.version + 1 });
      log.push({ action: 'team.member_added', entityType: 'team', entityId: team.id, after: { team: team.name, person: person.name } });
    }
    return notes;
  }

  /** One entity in its own transaction (when its batch could not be written as a whole). */
  async function applyEntity(trx: Db, actor: Principal, m: EntityDoc): Promise<Applied> {
    try {
      return { status: (await catalog.upsert(trx, actor, m.input)).outcome };
    } catch (error) {
      return refused(error);
    }
  }

  /** A batch of entities in one transaction, each applied in turn as applyEntity would, with what they
   *  all need read up front: their stored rows in a few queries, and each owner group's edit rule once
   *  (no team or membership changes while entities are written). Rows written here replace the ones read,
   *  so an entity named twice in a batch is created, then updated or left unchanged. New entities and the
   *  audit entries wait in a WriteBatch and go in bulk at the end (a refused entity adds nothing to it). */
  async function applyBatch(trx: Db, actor: Principal, batch: EntityDoc[]): Promise<Applied[]> {
    const normalised = batch.map((m): { ok: NormalisedEntity } | { error: unknown } => {
      try {
        return { ok: normaliseEntity(m.input) };
      } catch (error) {
        return { error };
      }
    });
    const current = await store.byRefs(trx, normalised.flatMap((n) => ('ok' in n ? [n.ok.content.ref_key] : [])));
    const refusal = refusalsWithin(trx, actor);
    const writes = catalog.writeBatch(actor);
    const out: Applied[] = [];
    for (const [k, m] of batch.entries()) {
      const n = normalised[k];
      try {
        if ('error' in n) throw n.error;
        const ref = n.ok.content.ref_key;
        const { outcome, row } = await catalog.upsert(trx, actor, m.input, undefined, { normalised: n.ok, current: current.get(ref) ?? null, refusal, batch: writes });
        current.set(ref, row);
        out.push({ status: outcome });
      } catch (error) {
        out.push(refused(error));
      }
    }
    await writes.flush(trx);
    return out;
  }

  return {
    async run(actor: Principal, documents: unknown[], onProgress?: (done: number) => void): Promise<ImportSummary> {
      const mapped = documents.map(mapDocument);
      const results: Outcome[] = mapped.map((m, i) => ({ document: i + 1, ref: m.ref, status: m.type === 'skipped' || m.type === 'rejected' ? m.type : 'unchanged', ...(m.type === 'skipped' || m.type === 'rejected' ? { reason: m.reason } : {}) }));
      const set = (i: number, status: Outcome['status'] | string) => {
        results[i] = ['created', 'updated', 'unchanged'].includes(status) ? { ...results[i], status: status as Outcome['status'] } : { ...results[i], status: 'rejected', reason: status };
      };
      const indexed = mapped.map((m, i) => ({ m, i }));
      const users = indexed.filter((x) => x.m.type === 'user') as { m: Extract<MappedDocument, { type: 'user' }>; i: number }[];
      const groups = indexed.filter((x) => x.m.type === 'group') as { m: Extract<MappedDocument, { type: 'group' }>; i: number }[];
      const entities = indexed.filter((x) => x.m.type === 'entity') as { m: Extract<MappedDocument, { type: 'entity' }>; i: number }[];

      await db.transaction().execute(async (trx) => {
        const createdNow = new Set<string>();
        // The audit entries of the people and teams written here, in order, written together at the end
        // (nothing here reads the audit log or the search index that follows it).
        const log: AuditRecord[] = [];
        for (const { m, i } of users) set(i, await importUser(trx, actor, m.user, log));
        const teams = await TeamsByName.load(trx, teamNames(groups.map((g) => g.m.group), users.map((u) => u.m.user)));
        for (const { m, i } of groups) set(i, await importGroup(trx, actor, m.group, createdNow, teams, log));
        const notes = await applyOrgLinks(trx, actor, groups.map((g) => g.m.group), users.map((u) => u.m.user), createdNow, teams, log);
        for (const { m, i } of groups) {
          const n = notes.get(m.group.name.toLowerCase());
          if (n) results[i] = { ...results[i], reason: n };
        }
        await audit.recordMany(trx, actor, log, writer);
      });
      onProgress?.(users.length + groups.length);

      // Entities in batches of one transaction each; if a batch fails as a whole, each entity gets its own.
      for (let start = 0; start < entities.length; start += BATCH) {
        const batch = entities.slice(start, start + BATCH);
        try {
          const outcomes = await db.transaction().execute((trx) => applyBatch(trx, actor, batch.map((b) => b.m)));
          outcomes.forEach((o, k) => (results[batch[k].i] = { ...results[batch[k].i], ...o }));
        } catch {
          for (const { m, i } of batch) {
            try {
              const o = await db.transaction().execute((trx) => applyEntity(trx, actor, m));
              results[i] = { ...results[i], ...o };
            } catch (error) {
              results[i] = { ...results[i], status: 'rejected', reason: `could not be written: ${(error as Error).message}` };
            }
          }
        }
        onProgress?.(users.length + groups.length + start + batch.length);
      }

      const count = (s: Outcome['status']) => results.filter((r) => r.status === s).length;
      return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), skipped: count('skipped'), results };
    },
  };
}
export type CatalogImport = ReturnType<typeof createCatalogImport>;
