import fc from 'fast-check';
import { bound, typesOf } from './schema-values';
import type { JsonSchema } from './openapi-operations';

// Values chosen to break parsers, validators and storage: the classes come from the OWASP Web Security
// Testing Guide's input-validation chapter and from the Unicode Consortium's UTS #36 (security considerations).

/** JSON text spliced into a body verbatim: numbers JSON.stringify cannot write (1e999), nesting too deep to build. */
export function rawJson(text: string): string {
  return `\u0000raw\u0000${text}\u0000`;
}

/** JSON.stringify, with rawJson markers replaced by their text. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000raw\\u0000(?:[^"\\]|\\.)*?\\u0000"/g, (literal) => (JSON.parse(literal) as string).slice(5, -1));
}

export const unicodeEdgeStrings = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\uD800', // a lone high surrogate
  '\uDFFF', // a lone low surrogate
  'x\uDBFFy',
  '\u202Eevil\u202C', // right-to-left override
  '\u200F\u200E', // right-to-left and left-to-right marks
  '\u200B\u2060', // zero-width space and word joiner
  '\uFEFF', // byte order mark
  '👩‍👩‍👧‍👦', // emoji joined by zero-width joiners
  '🏳️‍🌈',
  'e\u0301\u0302\u0303\u0304\u0305\u0306', // stacked combining marks
  'Z\u0337\u0322\u031B\u0324a\u0335l\u0338g\u0334o',
  '\u0130\u0131ß', // letters whose case mapping changes length
  'ＡＢＣ', // full-width
  '\u0085\u2028\u2029', // line separators JavaScript treats differently from JSON
  '\uFFFF\uFFFE',
];

export const injectionStrings = [
  "' or '1'='1",
  '"; drop table teams; --',
  '%s%n%x',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\\',
  '"',
  '__proto__',
  'constructor',
  'group:default/',
  'a/b/c',
];

export const numberLikeStrings = ['NaN', 'Infinity', '-Infinity', '1e308', '0x10', '1_000', ' 1 ', '1,5', '-0', '+1', '1e-400', '9'.repeat(40)];

export const edgeNumbers: unknown[] = [
  0,
  -0,
  -1,
  0.5,
  -0.5,
  1.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  2 ** 64,
  rawJson('1e999'), // parses as Infinity
  rawJson('-1e999'),
  rawJson('1e-400'), // underflows to 0
  rawJson('123456789012345678901234567890'),
  rawJson('1.0'),
  rawJson('-0.0'),
];

/** Nesting too deep for a recursive walker (and, at the deep end, for JSON.stringify). */
export function deeplyNested(depth: number, shape: 'array' | 'object'): string {
  return shape === 'array' ? rawJson('['.repeat(depth) + ']'.repeat(depth)) : rawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

const nestingDepths = [64, 1_000, 20_000];

const otherTypes: Record<string, unknown[]> = {
  string: ['text'],
  number: [1.25],
  integer: [7],
  boolean: [true, false],
  null: [null],
  array: [[], [null], [[1, 'a']]],
  object: [{}, { a: { b: [] } }],
};

/** A value of every JSON type the schema does not allow. */
function wrongTypes(schema: JsonSchema): unknown[] {
  const allowed = new Set(typesOf(schema));
  if (allowed.has('number')) allowed.add('integer');
  return Object.entries(otherTypes).flatMap(([type, values]) => (allowed.has(type) ? [] : values));
}

/** Just outside (and right on) the schema's own limits. */
function boundaryValues(schema: JsonSchema): unknown[] {
  const types = typesOf(schema);
  const values: unknown[] = [];
  if (types.includes('string')) {
    const max = schema.maxLength;
    if (max !== undefined && max < 200_000) values.push('a'.repeat(max), 'a'.repeat(max + 1), '😀'.repeat(max), 'é'.repeat(max + 1));
    if (schema.minLength) values.push('a'.repeat(schema.minLength - 1), ' '.repeat(schema.minLength));
  }
  if (types.includes('number') || types.includes('integer')) {
    const min = bound(schema, 'min');
    const max = bound(schema, 'max');
    if (Number.isSafeInteger(min)) values.push(min, min - 1, min - 0.5);
    if (Number.isSafeInteger(max)) values.push(max, max + 1, max + 0.5);
  }
  if (types.includes('array')) {
    if (schema.maxItems !== undefined && schema.maxItems < 10_000) values.push(Array.from({ length: schema.maxItems + 1 }, () => 'x'));
    if (schema.minItems) values.push([]);
  }
  if (schema.enum) values.push(...schema.enum.map((v) => (typeof v === 'string' ? v.toUpperCase() + ' ' : v)), 'not-one-of-them');
  return values;
}

/** A value meant to be refused: another type, a value at or past a limit, odd Unicode, odd numbers, deep nesting. */
export function hostileValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const boundaries = boundaryValues(schema);
  const wrong = wrongTypes(schema);
  return fc.oneof(
    ...(wrong.length ? [{ arbitrary: fc.constantFrom(...wrong), weight: 3 }] : []),
    ...(boundaries.length ? [{ arbitrary: fc.constantFrom(...boundaries), weight: 3 }] : []),
    { arbitrary: fc.constantFrom(...unicodeEdgeStrings, ...injectionStrings), weight: 3 },
    { arbitrary: fc.constantFrom(...edgeNumbers, ...numberLikeStrings), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...nestingDepths), fc.constantFrom('array' as const, 'object' as const)).map(([d, s]) => deeplyNested(d, s)), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  );
}
