/** A page of results under cursor pagination. */
export type Page<T> = { items: T[]; nextCursor: string | null };
