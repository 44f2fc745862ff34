/** Splits one line into fields: commas separate; a field may be wrapped in double quotes ("" is a quote). */
export function csvFields(line: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) return 'has a quote that is never closed';
        if (line[i] === '"' && line[i + 1] === '"') (value += '"'), (i += 2);
        else if (line[i] === '"') break;
        else value += line[i++];
      }
      i++;
      out.push(value);
      if (i < line.length && line[i] !== ',') return `has text after a closing quote in column ${out.length}`;
    } else {
      const end = line.indexOf(',', i);
      const value = end === -1 ? line.slice(i) : line.slice(i, end);
      if (value.includes('"')) return `has a quote inside unquoted column ${out.length + 1}`;
      out.push(value);
      i = end === -1 ? line.length : end;
    }
    if (i >= line.length) return out;
    i++; // the comma
  }
}
