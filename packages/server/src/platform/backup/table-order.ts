import type { ForeignKey, TableSchema } from './table-schema';

/** Tables ordered so that every table comes after the tables its foreign keys point at (ties by name),
 *  which is the order rows can be inserted in. References of a table to itself are left to
 *  `parentsFirst`; a cycle between tables is an error, as no insert order would satisfy it. */
export function tableOrder(tables: TableSchema[]): TableSchema[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const order: TableSchema[] = [];
  const parents = (t: TableSchema) => [...new Set(t.foreignKeys.map((fk) => fk.table))].filter((p) => p !== t.name && byName.has(p));
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((t) => parents(t).every((p) => done.has(p)));
    if (ready.length === 0) throw new Error(`the foreign keys of ${remaining.map((t) => t.name).join(', ')} form a cycle`);
    for (const t of ready) {
      done.add(t.name);
      order.push(t);
    }
    remaining = remaining.filter((t) => !done.has(t.name));
  }
  return order;
}

/** The foreign keys of a table that point at the table itself (a team's parent team). */
export function selfReferences(table: TableSchema): ForeignKey[] {
  return table.foreignKeys.filter((fk) => fk.table === table.name);
}

/** Rows of a self-referencing table reordered so that a row comes after the row it points at. */
export function parentsFirst(rows: unknown[][], columns: string[], references: ForeignKey[]): unknown[][] {
  const index = (names: string[]) => names.map((n) => columns.indexOf(n));
  const keyOf = (row: unknown[], at: number[]) => (at.some((i) => row[i] === null) ? null : JSON.stringify(at.map((i) => row[i])));
  const links = references.map((fk) => ({ from: index(fk.columns), to: index(fk.references) }));
  const rowsByKey = links.map((link) => new Map(rows.map((row, i) => [keyOf(row, link.to), i])));
  const parentsOf = (i: number): number[] =>
    links.flatMap((link, l) => {
      const key = keyOf(rows[i], link.from);
      const parent = key === null ? undefined : rowsByKey[l].get(key);
      return parent === undefined || parent === i ? [] : [parent];
    });
  // Depth-first, parents before children, with an explicit stack so deep hierarchies cannot overflow.
  const seen = new Array<boolean>(rows.length).fill(false);
  const ordered: unknown[][] = [];
  for (let root = 0; root < rows.length; root++) {
    if (seen[root]) continue;
    seen[root] = true;
    const stack: { row: number; parents: number[] }[] = [{ row: root, parents: parentsOf(root) }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = top.parents.pop();
      if (next === undefined) {
        stack.pop();
        ordered.push(rows[top.row]);
      } else if (!seen[next]) {
        seen[next] = true;
        stack.push({ row: next, parents: parentsOf(next) });
      }
    }
  }
  return ordered;
}
