import type { Page } from './sdk-types';

/**
 * Yields every item of a cursor-paginated list, fetching pages on demand.
 * Stops when `nextCursor` is null; throws if the server hands back a cursor it already gave
 * (which would otherwise loop forever).
 */
export async function* paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (!page.nextCursor) return;
    if (seen.has(page.nextCursor)) throw new Error(`pagination loop: cursor ${page.nextCursor} was returned twice`);
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** Collects an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
