import fc from 'fast-check';
import { resolveSchema, type JsonSchema, type WriteOperation } from './openapi-operations';
import { deeplyNested, hostileValue, injectionStrings, rawJson, toJsonText, unicodeEdgeStrings } from './hostile-values';
import { typesOf, validValue, type SchemaContext } from './schema-values';

/** A body as it goes on the wire, and what kind of case it is. */
export interface BodyCase {
  kind: string;
  payload?: string | Buffer;
  contentType?: string;
  /** A Content-Length that disagrees with the payload. */
  contentLength?: string;
}

/** A path parameter: the real object the world created, or a raw (already encoded) URL segment. */
export type PathValue = { real: true } | { raw: string };

export interface RequestCase {
  body: BodyCase;
  path: Record<string, PathValue>;
  query: string;
  /** none, the current ETag read with GET, or a literal header value. */
  ifMatch: 'none' | 'current' | { literal: string };
  /** Which of the pass's callers sends it. */
  caller: number;
}

export interface CaseContext extends SchemaContext {
  bodyLimit: number;
  callers: number;
}

const JSON_TYPE = 'application/json';

const json = (kind: string, value: unknown, contentType = JSON_TYPE): BodyCase => ({ kind, payload: toJsonText(value), contentType });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Replaces one value, somewhere inside an otherwise valid value, by a hostile one. */
function mutated(ctx: SchemaContext, raw: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const schema = resolveSchema(ctx.doc, raw);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.constantFrom(...alternatives).chain((s) => mutated(ctx, s, depth));
  const properties = Object.keys(schema.properties ?? {});
  if (depth < 4 && properties.length > 0) {
    return fc.constantFrom(...properties).chain((name) => {
      const sub = schema.properties![name];
      return fc.tuple(validValue(ctx, schema), fc.oneof(hostileValue(resolveSchema(ctx.doc, sub)), mutated(ctx, sub, depth + 1))).map(([base, bad]) =>
        withKey(isObject(base) ? base : {}, name, bad),
      );
    });
  }
  if (depth < 4 && schema.items) {
    return fc.tuple(validValue(ctx, schema), mutated(ctx, schema.items, depth + 1)).map(([base, bad]) => (Array.isArray(base) && base.length ? [bad, ...base.slice(1)] : [bad]));
  }
  return hostileValue(schema);
}

const extraKeys = ['unexpected', '__proto__', 'constructor', 'prototype', '', 'a'.repeat(300), '\u0000', '👩‍👩‍👧‍👦', 'id', 'version', 'createdAt', 'role', 'createdBy'];

const otherContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/problem+json',
  'application/yaml',
  'application/x-ndjson',
  'APPLICATION/JSON',
  'application/json;;;charset=',
  ';;',
  '*/*',
];

const malformedJson = [
  '{',
  '{"a":',
  '{"a":1,}',
  '[1,2',
  '{"a":1}garbage',
  '\uFEFF{}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":undefined}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\u0001"}',
  '{"a":1,"a":2}',
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '"unterminated',
  '\u0000',
  'null',
  'true',
  '0',
  '""',
];

/** Bytes that are not UTF-8: a stray continuation byte, an overlong '/', a truncated sequence, an encoded surrogate. */
const invalidUtf8 = [Buffer.from([0xff, 0xfe]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80])];

function firstStringProperty(ctx: SchemaContext, schema: JsonSchema): string {
  const entry = Object.entries(schema.properties ?? {}).find(([, s]) => typesOf(resolveSchema(ctx.doc, s)).includes('string'));
  return entry?.[0] ?? 'filler';
}

/** A body whose total size is just under the limit, or just over it, filled with a one-, two- or four-byte character. */
function hugeBody(ctx: CaseContext, schema: JsonSchema | undefined, base: unknown, size: 'near' | 'over', char: string): BodyCase {
  const key = schema ? firstStringProperty(ctx, schema) : 'filler';
  const shell = withKey(isObject(base) ? base : {}, key, '');
  const overhead = Buffer.byteLength(toJsonText(shell));
  const target = size === 'near' ? ctx.bodyLimit - 64 : ctx.bodyLimit + 1;
  const count = Math.max(0, Math.ceil((target - overhead) / Buffer.byteLength(char)));
  return json(`${size === 'near' ? 'just under' : 'just over'} the body limit (${char})`, withKey(shell, key, char.repeat(count)));
}

/** Cases for an operation that takes a JSON body: valid, one field hostile, missing, extra, other shapes and encodings. */
function bodyCases(ctx: CaseContext, raw: JsonSchema): fc.Arbitrary<BodyCase> {
  const schema = resolveSchema(ctx.doc, raw);
  const valid = validValue(ctx, schema);
  const required = schema.required ?? [];
  const arbitraries: fc.WeightedArbitrary<BodyCase>[] = [
    { weight: 3, arbitrary: valid.map((v) => json('valid by the schema', v)) },
    { weight: 8, arbitrary: mutated(ctx, schema, 0).map((v) => json('one value hostile', v)) },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(...extraKeys), fc.jsonValue({ maxDepth: 2 })).map(([v, k, x]) => json(`extra field ${JSON.stringify(k.slice(0, 20))}`, withKey(isObject(v) ? v : {}, k, x))),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 0, -1, 'text', [], [{}], true, rawJson('1e999')).map((v) => json('a body of another type', v)) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(1_000, 20_000, 100_000), fc.constantFrom('array' as const, 'object' as const)).map(([d, s]) => json(`nested ${d} deep`, deeplyNested(d, s))),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom('near' as const, 'over' as const), fc.constantFrom('a', 'é', '😀')).map(([v, size, ch]) => hugeBody(ctx, schema, v, size, ch)),
    },
    ...commonCases(valid),
  ];
  if (required.length > 0) {
    arbitraries.push({
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(...required)).map(([v, k]) => {
        const copy = { ...(isObject(v) ? v : {}) };
        delete copy[k];
        return json(`required field "${k}" missing`, copy);
      }),
    });
  }
  return fc.oneof(...arbitraries);
}

/** Cases every operation gets, body or none: empty bodies, other content types, broken JSON, broken UTF-8. */
function commonCases(valid: fc.Arbitrary<unknown>): fc.WeightedArbitrary<BodyCase>[] {
  return [
    {
      weight: 1,
      arbitrary: fc.constantFrom<BodyCase>(
        { kind: 'empty body, JSON content type', payload: '', contentType: JSON_TYPE },
        { kind: 'whitespace body', payload: '  \n ', contentType: JSON_TYPE },
        { kind: 'empty body, no content type', payload: '' },
        { kind: 'no body' },
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(...otherContentTypes)).map(([v, type]) => ({ kind: `content type ${type}`, payload: toJsonText(v), contentType: type })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...otherContentTypes).map((type) => ({ kind: `form data as ${type}`, payload: 'a=1&b=%00&__proto__[role]=admin', contentType: type })) },
    { weight: 2, arbitrary: fc.constantFrom(...malformedJson).map((text) => ({ kind: `malformed JSON ${JSON.stringify(text.slice(0, 30))}`, payload: text, contentType: JSON_TYPE })) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...invalidUtf8)).map(([v, bytes]) => {
        const [head, tail] = toJsonText(withKey(isObject(v) ? v : {}, 'text', '\u0001')).split('\\u0001');
        return { kind: `invalid UTF-8 ${bytes.toString('hex')}`, payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(tail)]), contentType: JSON_TYPE };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom('0', '1', '99999')).map(([v, length]) => ({ kind: `Content-Length ${length} that does not match`, payload: toJsonText(v), contentType: JSON_TYPE, contentLength: length })),
    },
  ];
}

/** Cases for an operation without a body: mostly none, sometimes one it should ignore or refuse. */
function noBodyCases(ctx: CaseContext): fc.Arbitrary<BodyCase> {
  const something = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant<BodyCase>({ kind: 'no body' }) },
    { weight: 2, arbitrary: something.map((v) => json('an unexpected JSON body', v)) },
    { weight: 1, arbitrary: fc.constantFrom('near' as const, 'over' as const).map((size) => hugeBody(ctx, undefined, {}, size, 'a')) },
    ...commonCases(something),
  );
}

function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80'; // a lone surrogate cannot be UTF-8: send the bytes it would have been
  }
}

const hostileSegments = [
  '0', '-1', '1.5', '1e3', 'NaN', '9'.repeat(30), 'a'.repeat(101), 'a'.repeat(3000), '..', '%2e%2e', '%00', '%', '%zz', '%E0%A4%A', '%ED%A0%80', '%2F', 'UPPER', 'a%20b', '%F0%9F%98%80',
  ...unicodeEdgeStrings.filter(Boolean).map(encodeSegment),
  ...injectionStrings.map(encodeSegment),
];

function pathCases(op: WriteOperation): fc.Arbitrary<Record<string, PathValue>> {
  const model: Record<string, fc.Arbitrary<PathValue>> = {};
  for (const p of op.pathParams) {
    model[p.name] = fc.oneof({ weight: 6, arbitrary: fc.constant<PathValue>({ real: true }) }, { weight: 1, arbitrary: fc.constantFrom(...hostileSegments).map((raw): PathValue => ({ raw })) });
  }
  return fc.record(model);
}

const junkQueries = ['x=1', '__proto__[role]=admin', 'a=1&a=2', '%zz=1', 'q=%00', 'limit=NaN', 'cursor=' + 'a'.repeat(5000), 'dryRun=true', '&&&', '%ED%A0%80=1'];

function queryCases(ctx: SchemaContext, op: WriteOperation): fc.Arbitrary<string> {
  const declared = op.queryParams.map((p) =>
    fc.oneof(validValue(ctx, p.schema), hostileValue(p.schema)).map((v) => `${encodeSegment(p.name)}=${encodeSegment(typeof v === 'string' ? v : toJsonText(v))}`),
  );
  const own: fc.Arbitrary<string[]> = declared.length ? fc.subarray(declared).chain((picked) => (picked.length ? fc.tuple(...picked) : fc.constant([] as string[]))) : fc.constant([]);
  return fc.tuple(own, fc.option(fc.constantFrom(...junkQueries), { freq: 4 })).map(([parts, junk]) => [...parts, ...(junk ? [junk] : [])].join('&'));
}

const ifMatchLiterals = ['"1"', '1', 'W/"1"', '*', '"abc"', '"-1"', '"99999999999999999999999"', '"1", "2"', ' '];

/** Every part of a request that a client controls, generated from the operation's schema. */
export function requestCases(ctx: CaseContext, op: WriteOperation): fc.Arbitrary<RequestCase> {
  return fc.record({
    body: op.body ? bodyCases(ctx, op.body) : noBodyCases(ctx),
    path: pathCases(op),
    query: queryCases(ctx, op),
    ifMatch: fc.oneof(
      { weight: 3, arbitrary: fc.constant<'none'>('none') },
      { weight: 3, arbitrary: fc.constant<'current'>('current') },
      { weight: 2, arbitrary: fc.constantFrom(...ifMatchLiterals).map((literal) => ({ literal })) },
    ),
    caller: fc.nat(ctx.callers - 1),
  });
}
