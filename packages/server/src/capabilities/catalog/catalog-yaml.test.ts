import { readFileSync } from 'node:fs';
import { createRandom } from '../../demo/demo-random';
import { describe, expect, it } from 'vitest';
import { parseYamlStream } from './catalog-import';
import { readSimpleYaml } from './catalog-yaml';

/** What the library reads, or 'error'. */
function library(text: string): unknown[] | 'error' {
  try {
    return parseYamlStream(text);
  } catch {
    return 'error';
  }
}

/** The quick reader either declines or reads exactly what the library reads (key order included), and
 *  never accepts what the library refuses. */
function agrees(text: string): boolean {
  const quick = readSimpleYaml(text);
  if (quick === null) return false;
  const expected = library(text);
  expect(expected, text).not.toBe('error');
  expect(JSON.stringify(quick), text).toBe(JSON.stringify(expected));
  return true;
}

describe('the quick catalog-info.yaml reader', () => {
  it('reads the usual descriptors exactly as the yaml library does', () => {
    const component = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: "svc-0042"',
      '  title: "Service 42"',
      '  description: "A shared \\"domain\\" service for payments, run by team-7 \\u00e9\\/ok"',
      '  tags: ["java", "tier-1"]',
      '  annotations:',
      "    backstage.io/techdocs-ref: 'dir:.'",
      '    dayone.dev/tier: "1"',
      'spec:',
      '  type: service',
      '  lifecycle: production',
      '  owner: group:default/team-7',
      '  system: "sys-3"',
      '  dependsOn:',
      '    - "component:svc-0001"',
      '    - component:default/svc-0002',
      '  providesApis: []',
      '  consumesApis:',
      '  - orders-api',
      '  - "payments-api"',
      '  children:',
      '',
    ].join('\n');
    expect(agrees(component)).toBe(true);
    expect(agrees(`---\n${component}---\n${component.replaceAll('svc-0042', 'svc-0043')}`)).toBe(true);
    expect(agrees(`# a comment\n---\n${component}\n---\n# nothing here\n---\n`)).toBe(true);
    expect(agrees(component.replaceAll('\n', '\r\n'))).toBe(true);
    expect(agrees('')).toBe(true);
  });

  it('leaves the rest of YAML to the library: the test fixture, and everything it does not know', () => {
    const fixture = readFileSync(new URL('../../../test/fixtures/catalog-info.yaml', import.meta.url), 'utf8');
    agrees(fixture);
    const declined = [
      'a: 1',
      'a: true',
      'a: Null',
      'a: ~',
      'a: &x b\nc: *x',
      'a: !!str b',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: b # comment',
      'a: "b" # comment',
      'a: b\n  continued',
      'a:\n  text on its own line',
      'a: b\na: c',
      'a: [b, [c]]',
      'a: {b: c}',
      'a: [b: c]',
      'a: b: c',
      'a:\tb',
      '\ufeffa: b',
      'a: "\\x41"',
      'a: "one\n  two"',
      '- a\n- b',
      'a:\n  - b: c',
      'a:\n  -\n',
      '--- a: b',
      '%YAML 1.2\n---\na: b',
      'a: b\n...\n',
      '  a: b',
      'a: b\r',
      '__proto__: x',
      'a: x\u2028y',
      `${'k'.repeat(1025)}: v`,
    ];
    for (const text of declined) expect(readSimpleYaml(text), text).toBeNull();
  });

  it('agrees with the library on thousands of random streams of near-simple YAML', () => {
    const random = createRandom(20261207).next; // the same cases on every run
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    // Mostly what the quick reader takes, with a share of everything near it that it must leave alone.
    const usual = ['svc', 'Component', 'backstage.io/v1alpha1', 'group:default/team-1', 'a b', '"svc-1"', '"a \\"b\\" c"', "'it''s'", '["a", "b"]', '[a, b]', '[]'];
    const usualKeys = ['name', 'kind', 'a', 'b', 'backstage.io/x-y', 'k_1', 'K.k/k-k'];
    const scalars = [
      'svc', 'Component', 'backstage.io/v1alpha1', 'group:default/team-1', 'a b', 'a  b', 'Café au lait', 'x-y_z.w', 'e@x.com', 'it\'s', 'say "hi"',
      'a,b', 'a[1]', 'a{b}', 'a:b', 'a: b', 'a #b', 'a#b', 'a:', 'yes', 'no', 'on', 'off', 'y', 'null', 'NULL', 'nULL', 'True', 'tRUE', 'false',
      'Infinity', 'NaN', 'nan', 'inf', '.inf', '.nan', '1', '1.0', '0x1F', '0o17', '-1', '+1', '1e3', '~', '-', '-a', '?a', '!a', '&a', '*a', '%a', '@a',
      '`a`', '|', '>', '"q"', '"a\\"b"', '"a\\/b"', '"\\u00e9\\n"', '"\\x41"', '"\\e"', '"a\\tb"', '"#"', '" a "', '""', "''", "'a''b'", "'a'b'",
      "' x '", '[]', '[ ]', '[a]', '[a, b]', '[a,b]', '["a", \'b\', c]', '[a, ]', '[,]', '[a b]', '[ a , b ]', '[a:b]', '[a, [b]]', '[a', '{}',
      'x\u00a0', '\u00a0x', 'é', 'ü:x', '😀', 'a😀b', 'a\\b',
    ];
    const keys = ['name', 'kind', 'a', 'b', 'backstage.io/x-y', 'k_1', 'y', 'on', 'true', 'null', '1', 'a b', '"q"', 'a:b', '-k', '_k', 'K.k/k-k', '__proto__', 'constructor'];
    const indents = [0, 1, 2, 2, 2, 3, 4, 4, 6];
    const scalar = () => (random() < 0.85 ? pick(usual) : pick(scalars));
    function block(depth: number, indent: number, lines: string[]) {
      const n = 1 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) {
        const key = random() < 0.8 ? pick(usualKeys) : pick(keys);
        const pad = ' '.repeat(random() < 0.02 ? pick(indents) : indent);
        const r = random();
        if (r < 0.55 || depth > 2) {
          lines.push(`${pad}${key}:${random() < 0.05 ? '' : ' '}${scalar()}${random() < 0.05 ? '  ' : ''}`);
        } else if (r < 0.7) {
          lines.push(`${pad}${key}:`);
          block(depth + 1, indent + pick([1, 2, 2, 4]), lines);
        } else if (r < 0.9) {
          lines.push(`${pad}${key}:`);
          const inner = indent + pick([0, 0, 2, 2, 4, 1]);
          const items = Math.floor(random() * 4);
          for (let k = 0; k < items; k++) lines.push(`${' '.repeat(random() < 0.02 ? pick(indents) : inner)}-${random() < 0.05 ? '' : ' '}${scalar()}`);
        } else if (r < 0.95) {
          lines.push(`${pad}${key}:`);
        } else {
          lines.push(pick(['', '# note', `${pad}# note`, '   ', '---', '...']));
        }
      }
    }
    let accepted = 0;
    const total = 4000;
    for (let c = 0; c < total; c++) {
      const docs: string[] = [];
      for (let d = 0; d < 1 + Math.floor(random() * 3); d++) {
        const lines: string[] = [];
        block(0, 0, lines);
        docs.push(lines.join('\n'));
      }
      const text = (random() < 0.5 ? '---\n' : '') + docs.join(pick(['\n---\n', '\n---\n\n', '\n']));
      if (agrees(text)) accepted++;
    }
    // Enough of them are simple for the comparison to mean something.
    expect(accepted).toBeGreaterThan(total / 10);
  });
});
