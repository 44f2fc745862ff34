import fc from 'fast-check';
import { resolveSchema, type JsonSchema, type OpenApiDocument } from './openapi-operations';

/** Real values (a team's name, a person's name, a service) that a property of this name may take,
 *  so generated bodies reach past "no such team" into the deeper rules. */
export type Hints = (property: string) => string[] | undefined;

export interface SchemaContext {
  doc: OpenApiDocument;
  hints: Hints;
}

const LONGEST = 24;

/** The schema's types, inferred from its keywords when `type` is absent. */
export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** Values the schema accepts (as far as JSON Schema can say; cross-field rules are left to chance). */
export function validValue(ctx: SchemaContext, raw: JsonSchema, property?: string): fc.Arbitrary<unknown> {
  const schema = resolveSchema(ctx.doc, raw);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(ctx, s, property)));
  if (schema.allOf) return validValue(ctx, Object.assign({}, ...schema.allOf.map((s) => resolveSchema(ctx.doc, s))), property);
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((t) => valueOfType(ctx, schema, t, property)));
}

function valueOfType(ctx: SchemaContext, schema: JsonSchema, type: string, property?: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return hinted(ctx, property, validString(schema));
    case 'integer': {
      const min = Math.ceil(Math.max(bound(schema, 'min'), -1_000_000));
      const max = Math.floor(Math.min(bound(schema, 'max'), 1_000_000));
      return min <= max ? fc.integer({ min, max }) : fc.constant(min);
    }
    case 'number': {
      const min = Math.max(bound(schema, 'min'), -1_000_000);
      const max = Math.min(bound(schema, 'max'), 1_000_000);
      return min <= max ? fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) : fc.constant(min);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 3, minLength + 3);
      return fc.array(validValue(ctx, schema.items ?? {}, property), { minLength, maxLength });
    }
    case 'object':
      return validObject(ctx, schema);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function validObject(ctx: SchemaContext, schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) model[name] = validValue(ctx, sub, name);
  const known = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object') return known;
  const keys = schema.propertyNames ? (validValue(ctx, schema.propertyNames) as fc.Arbitrary<string>) : fc.string({ minLength: 1, maxLength: 12 });
  return fc.tuple(known, fc.dictionary(keys, validValue(ctx, extra), { maxKeys: 3 })).map(([k, d]) => ({ ...d, ...k }));
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Infinity;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  switch (schema.format) {
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
    case 'url':
      return fc.webUrl().filter(fits);
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return isoDate().map((d) => d.toISOString());
    case 'date':
      return isoDate().map((d) => d.toISOString().slice(0, 10));
    default:
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, LONGEST)) });
  }
}

const isoDate = () => fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

function hinted(ctx: SchemaContext, property: string | undefined, base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const values = property ? ctx.hints(property) : undefined;
  return values?.length ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 3 }, { arbitrary: base, weight: 1 }) : base;
}

/** The schema's lower ('min') or upper ('max') numeric bound, exclusive bounds moved inside by one. */
export function bound(schema: JsonSchema, side: 'min' | 'max'): number {
  if (side === 'min') {
    if (schema.minimum !== undefined) return schema.minimum;
    if (schema.exclusiveMinimum !== undefined) return schema.exclusiveMinimum + 1;
    return -Number.MAX_SAFE_INTEGER;
  }
  if (schema.maximum !== undefined) return schema.maximum;
  if (schema.exclusiveMaximum !== undefined) return schema.exclusiveMaximum - 1;
  return Number.MAX_SAFE_INTEGER;
}
