import type { SearchHit, SearchQuery, SearchResults } from '@dayone/contracts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { AppError } from '../../platform/errors/app-error';
import { teamWithSubTeams } from '../teams/team-tree';
import { keyOf, type SearchDocument } from './search-document';
import { inText, matchExpression } from './search-match';
import { matchesOf, snippetOf } from './search-snippets';
import { rankRows, type Candidate } from './search-ranking';
import { queryWords } from './search-words';

const MAX_OFFSET = 5_000;
/** How many of the newest matches beyond the requested page are ranked. */
const CANDIDATES = 200;
const textOf = sql`lower(sd.title || ' ' || sd.body)`;

type Row = Candidate & { doc_key: string; type: string; team: string | null; path: string; updated_at: string };
type Filter = { types?: string[]; teams?: string[]; dates: RawBuilder<SqlBool>[] };

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

  async function filterOf(query: SearchQuery): Promise<Filter> {
    const dates: RawBuilder<SqlBool>[] = [];
    if (query.from) dates.push(sql<SqlBool>`sd.updated_at >= ${`${query.from}T00:00:00.000Z`}`);
    if (query.to) dates.push(sql<SqlBool>`sd.updated_at <= ${`${query.to}T23:59:59.999Z`}`);
    return {
      types: query.type?.length ? query.type : undefined,
      teams: query.team ? await teamWithSubTeams(deps.db, query.team) : undefined,
      dates,
    };
  }

  /** One FTS5 query holds the words, the types and the teams; it reads rowids newest first and stops after
   *  `candidates` rows. The rows it finds are checked for type and team again (their tags are hashes)
   *  and for dates. */
  async function sqliteRows(words: string[], filter: Filter, candidates: number): Promise<Row[]> {
    const match = matchExpression(words, filter);
    const checks = [...filter.dates];
    if (filter.types) checks.push(sql<SqlBool>`sd.type in (${sql.join(filter.types)})`);
    if (filter.teams) checks.push(sql<SqlBool>`sd.team in (${sql.join(filter.teams)})`);
    const checked = checks.length ? sql`and ${sql.join(checks, sql` and `)}` : sql``;
    return (
      await sql<Row>`select sd.seq, sd.doc_key, sd.type, sd.team, sd.title, sd.body, sd.path, sd.updated_at
        from search_fts join search_documents sd on sd.seq = search_fts.rowid
        where search_fts match ${match} ${checked}
        order by search_fts.rowid desc limit ${candidates}`.execute(deps.db)
    ).rows;
  }

  async function postgresRows(words: string[], filter: Filter, candidates: number): Promise<Row[]> {
    // Words of three characters or more through the trigram index on the text; shorter ones through the
    // index on their pieces (see postgresGrams). Words are letters and digits only: no LIKE wildcards.
    const where: RawBuilder<SqlBool>[] = words.map((w) => (inText(w) ? sql<SqlBool>`${textOf} like ${`%${w}%`}` : sql<SqlBool>`sd.grams like ${`% ${w} %`}`));
    if (filter.types) where.push(sql<SqlBool>`sd.type in (${sql.join(filter.types)})`);
    if (filter.teams) where.push(sql<SqlBool>`sd.team in (${sql.join(filter.teams)})`);
    where.push(...filter.dates);
    return (
      await sql<Row>`select sd.seq, sd.doc_key, sd.type, sd.team, sd.title, sd.body, sd.path, sd.updated_at
        from search_documents sd
        where ${sql.join(where, sql` and `)}
        order by sd.seq desc limit ${candidates}`.execute(deps.db)
    ).rows;
  }

  return async function search(query: SearchQuery): Promise<SearchResults> {
    const words = queryWords(query.q);
    const offset = offsetOf(query.cursor);
    const filter = await filterOf(query);
    // The newest matches (enough for this page and the ones before it, and some to choose from) are
    // ranked here (see search-ranking.ts); snippets are cut only for the page returned.
    const candidates = offset + query.limit + CANDIDATES;
    const rows = deps.dialect === 'postgres' ? await postgresRows(words, filter, candidates) : await sqliteRows(words, filter, candidates);
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
