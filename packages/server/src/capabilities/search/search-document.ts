import type { SearchDocumentType } from '@dayone/contracts';

/** One thing the search can find, as the index stores it. */
export interface SearchDocument {
  /** `type:key`, unique across the index. */
  docKey: string;
  type: SearchDocumentType;
  team: string | null;
  title: string;
  body: string;
  path: string;
  updatedAt: string;
}

export const docKey = (type: SearchDocumentType, key: string) => `${type}:${key}`;
export const keyOf = (doc: Pick<SearchDocument, 'docKey' | 'type'>) => doc.docKey.slice(doc.type.length + 1);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every piece of prose in a stored JSON value (a section's content: text, lists, five whys, a timeline),
 *  one per line, leaving out times and ids, which nobody searches for. */
export function proseOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text && !ISO_TIME.test(text) && !UUID.test(text)) out.push(text);
  } else if (Array.isArray(value)) {
    for (const item of value) proseOf(item, out);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) proseOf(item, out);
  }
  return out;
}

export const parseJson = (text: string | null | undefined): unknown => {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
