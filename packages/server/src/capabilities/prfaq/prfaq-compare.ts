import type { z } from 'zod';
import type { prfaqComparison } from '@dayone/contracts';
import { leaves, PRFAQ_SECTION_NAMES, type Sections } from './prfaq-sections';

interface Snapshot {
  number: number;
  title: string;
  customer: string;
  sections: Sections;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Two versions side by side, section by section, with the fields that differ (added, changed or removed). */
export function compareVersions(from: Snapshot, to: Snapshot): z.infer<typeof prfaqComparison> {
  return {
    from: from.number,
    to: to.number,
    title: { from: from.title, to: to.title, changed: from.title !== to.title },
    customer: { from: from.customer, to: to.customer, changed: from.customer !== to.customer },
    sections: PRFAQ_SECTION_NAMES.map((name) => {
      const a = leaves(from.sections[name]);
      const b = leaves(to.sections[name]);
      const paths = [...new Set([...a.keys(), ...b.keys()])];
      const changes = paths.filter((p) => !same(a.get(p), b.get(p))).map((path) => ({ path, from: a.get(path) ?? null, to: b.get(path) ?? null }));
      return { name, changed: changes.length > 0, from: from.sections[name], to: to.sections[name], changes };
    }),
  };
}
