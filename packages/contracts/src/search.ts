import { z } from 'zod';
import { isoDateTime, page, pageQuery } from './common';

/** What the search finds. Catalog entities of every kind are `service`s here. */
export const searchDocumentTypes = ['team', 'service', 'prfaq', 'coe', 'experiment', 'decision'] as const;
export const searchDocumentType = z.enum(searchDocumentTypes, { error: `must be one of ${searchDocumentTypes.join(', ')}` });
export type SearchDocumentType = z.infer<typeof searchDocumentType>;

const MAX_QUERY = 500;

/** `type` may be given several times (`?type=coe&type=experiment`) or comma-separated. */
const typeFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(searchDocumentType).max(searchDocumentTypes.length));

const day = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });

export const searchQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z
    .string({ error: 'is required: the words to look for' })
    .trim()
    .min(1, 'is required: the words to look for')
    .max(MAX_QUERY, `must be at most ${MAX_QUERY} characters`)
    .describe('words to find; each must appear, whole or as part of a word (two or more characters), case-insensitive; operators and punctuation are ignored'),
  type: typeFilter.optional().describe('only these types: team, service, prfaq, coe, experiment, decision'),
  team: z.string().max(63).optional().describe('only documents of this team and its sub-teams'),
  from: day.optional().describe('only documents changed on or after this day (UTC)'),
  to: day.optional().describe('only documents changed on or before this day (UTC)'),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** A part of a text that matched, as offsets into that text: [start, end). */
export const highlight = z.object({ start: z.number().int(), end: z.number().int() });

export const searchHit = z.object({
  type: searchDocumentType,
  key: z.string().describe('the document within its type: a team name, an entity reference, a number, a key'),
  title: z.string(),
  titleHighlights: z.array(highlight),
  snippet: z.string().describe('a passage of the text around the first match (plain text, never HTML)'),
  snippetHighlights: z.array(highlight),
  team: z.string().nullable(),
  path: z.string().describe("the document's page in the web app"),
  updatedAt: isoDateTime,
});
export type SearchHit = z.infer<typeof searchHit>;
export const searchResults = page(searchHit);
export type SearchResults = z.infer<typeof searchResults>;
