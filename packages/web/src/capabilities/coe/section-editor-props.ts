/** What every section editor gets: the values, a setter, and the server's errors keyed by path within the section. */
export type SectionEditorProps<T> = { value: T; onChange: (value: T) => void; errors: Record<string, string>; title: string };
