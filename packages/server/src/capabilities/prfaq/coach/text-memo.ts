/** Remembers what `analyse` made of the most recent texts (at most `size`, the least recently used
 *  forgotten first). The editor sends the whole document as the author types in one section, so every
 *  other section is read from here. Texts over `maxLength` are analysed afresh each time; callers must
 *  not change what they get back. */
export function memoByText<T>(analyse: (text: string) => T, size = 500, maxLength = 25_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (text.length > maxLength) return analyse(text);
    const known = memo.get(text);
    if (known !== undefined) {
      memo.delete(text);
      memo.set(text, known);
      return known;
    }
    const made = analyse(text);
    memo.set(text, made);
    if (memo.size > size) memo.delete(memo.keys().next().value as string);
    return made;
  };
}
