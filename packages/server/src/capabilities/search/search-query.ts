import type { SearchHit, SearchQuery, SearchResults } from '@dayone/contracts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { AppError } from '../../platform/errors/app-error';
import { teamWithSubTeams } from '../teams/team-tree';
import { keyOf, type SearchDocument } from './search-document';
import { matchesOf, snippetOf } from './search-snippets';
import { rankRows } from './search-ranking';
import { indexable, queryWords } from './search-words';

const MAX_OFFSET = 5_000;
/** How many of the newest matches beyond the requested page are ranked. */
const CANDIDATES = 200;
const textOf = sql`lower(sd.title || ' ' || sd.body)`;

type Row = { seq: number; relevance: number; doc_key: string; type: string; team: string | null; title: string; body: string; path: string; updated_at: string };

/** Runs a search: every word must occur (whole or as part of a word), best matches first. */
export function createSearchQuery(deps: { db: Db; dialect: Dialect }) {
  function offsetOf(cursor: string | undefined): number {
    const value = decodeCursor(cursor);
    if (value === null) return 0;
    const offset = Number(value);
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
      throw new AppError('VALIDATION_FAILED', 'query.cursor: is not a cursor this server gave out', { errors: [{ path: 'query.cursor', message: 'is not a cursor this server gave out' }] });
    }
    return offset;
  }

  async function filters(query: SearchQuery, words: string[]): Promise<RawBuilder<SqlBool>[]> {
    const where: RawBuilder<SqlBool>[] = [];
    if (query.type?.length) where.push(sql<SqlBool>`sd.type in (${sql.join(query.type)})`);
    if (query.team) where.push(sql<SqlBool>`sd.team in (${sql.join(await teamWithSubTeams(deps.db, query.team))})`);
    if (query.from) where.push(sql<SqlBool>`sd.updated_at >= ${`${query.from}T00:00:00.000Z`}`);
    if (query.to) where.push(sql<SqlBool>`sd.updated_at <= ${`${query.to}T23:59:59.999Z`}`);
    // Words too short for the trigram index (and, on PostgreSQL, every word) are looked for in the text.
    for (const word of words) {
      if (deps.dialect === 'postgres') where.push(sql<SqlBool>`${textOf} like ${`%${word}%`}`);
      else if (!indexable(word)) where.push(sql<SqlBool>`instr(${textOf}, ${word}) > 0`);
    }
    return where;
  }

  async function sqliteRows(words: string[], where: RawBuilder<SqlBool>[], candidates: number): Promise<Row[]> {
    const long = words.filter(indexable);
    const conditions = where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``;
    if (long.length === 0) {
      return (await sql<Row>`select sd.*, 0 as relevance from search_documents sd where 1 = 1 ${conditions} order by sd.seq desc limit ${candidates}`.execute(deps.db)).rows;
    }
    const match = long.map((w) => `"${w}"`).join(' AND ');
    // Newest matches first, so the scan stops after `candidates` rows; bm25 only for those.
    return (
      await sql<Row>`select sd.*, -bm25(search_fts, 4.0, 1.0) as relevance from search_fts join search_documents sd on sd.seq = search_fts.rowid
        where search_fts match ${match} ${conditions}
        order by search_fts.rowid desc limit ${candidates}`.execute(deps.db)
    ).rows;
  }

  async function postgresRows(words: string[], where: RawBuilder<SqlBool>[], candidates: number): Promise<Row[]> {
    const prefixes = words.map((w) => `${w}:*`).join(' | ');
    return (
      await sql<Row>`select sd.seq, sd.doc_key, sd.type, sd.team, sd.title, sd.body, sd.path, sd.updated_at,
          10 * ts_rank(sd.tsv, to_tsquery('simple', ${prefixes})) as relevance
        from search_documents sd
        where ${sql.join(where, sql` and `)}
        order by sd.seq desc limit ${candidates}`.execute(deps.db)
    ).rows;
  }

  return async function search(query: SearchQuery): Promise<SearchResults> {
    const words = queryWords(query.q);
    const offset = offsetOf(query.cursor);
    const where = await filters(query, words);
    // The newest matches (enough for this page and the ones before it, and some to choose from) are
    // ranked here: every word in the title first, then the store's own relevance, then the newest.
    const candidates = offset + query.limit + CANDIDATES;
    const rows = deps.dialect === 'postgres' ? await postgresRows(words, where, candidates) : await sqliteRows(words, where, candidates);
    const ranked = rankRows(rows, words);
    const page = ranked.slice(offset, offset + query.limit);
    const more = ranked.length > offset + query.limit && offset + query.limit <= MAX_OFFSET;
    return { items: page.map((row) => hit(row, words)), nextCursor: more ? encodeCursor(String(offset + query.limit)) : null };
  };
}

function hit(row: Row, words: string[]): SearchHit {
  const doc = { docKey: row.doc_key, type: row.type as SearchDocument['type'] };
  const { snippet, highlights } = snippetOf(row.body, words);
  return {
    type: doc.type,
    key: keyOf(doc),
    title: row.title,
    titleHighlights: matchesOf(row.title, words),
    snippet,
    snippetHighlights: highlights,
    team: row.team,
    path: row.path,
    updatedAt: row.updated_at,
  };
}
